using System.Text.Json;
using System.Text.Json.Nodes;
using PracticeK8s.Merge;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api;

/// <summary>
/// Server-side apply (<c>PATCH application/apply-patch+yaml</c>): the configuration is merged into the
/// live object by the schema's list types with <see cref="ServerSideApply"/> (ownership, conflicts,
/// removal of fields the manager stopped applying); a missing object is created (201). As upstream,
/// kubectl's own apply keeps the client-side apply annotation in step when the object has one.
/// </summary>
public sealed class ApplyPatch(SandboxState state)
{
    private readonly CreateHandler _create = new(state);

    public async Task Handle(ApiRequest r, string body, WriteOptions options, List<string> warnings)
    {
        var def = r.Def;
        if (options.FieldManager is null)
            throw ApiException.Invalid("PatchOptions.meta.k8s.io", "", "meta.k8s.io", "PatchOptions",
                new[] { new StatusCause("FieldValueRequired", "Required value: is required for apply patch", "fieldManager") });
        var manager = ManagedFields.Manager(r, options);
        var force = r.QueryBool("force");
        var config = Parse(body);
        if (config.Str("apiVersion") is null || config.Str("kind") is null)
            throw ApiException.BadRequest($"Object 'Kind' is missing in '{body.Trim()}'");
        if (config.Obj("metadata").Str("name") is { Length: > 0 } name && name != r.Name)
            throw ApiException.BadRequest($"the name of the object ({name}) does not match the name on the URL ({r.Name})");
        var sub = r.Target.Subresource;
        if (sub is not (null or "status")) throw ApiException.MethodNotAllowed("patch", $"{def.QualifiedResource}/{sub}");

        if (sub is null && state.Store.Get(def.StorageKey, r.Namespace, r.Name) is null)
        {
            var created = TryCreate(r, config, manager, force, options, warnings);
            if (created is not null)
            {
                Respond.Warnings(r.Http, warnings);
                await Respond.Bytes(r.Http, 201, created.Json);
                return;
            }
        }

        var result = state.Store.Write(def.StorageKey, r.Namespace, r.Name, current =>
        {
            if (current is null) throw ApiException.NotFound(def.QualifiedResource, r.Name, def.Group);
            var live = current.ToNode();
            var applied = Apply(live, config, manager, force, def, sub);
            if (manager == "kubectl") SyncLastApplied(live, applied, config);
            var decoded = ObjectPipeline.Decode(def, applied, r.Target.Namespace, options.FieldValidation, warnings, state.Registry);
            var managed = decoded.Obj("metadata")?["managedFields"]?.DeepClone();
            var next = sub is null
                ? ObjectPipeline.PrepareUpdate(def, current, decoded)
                : ObjectPipeline.PrepareStatusUpdate(def, current, decoded);
            var meta = next.Ensure("metadata");
            if (managed is not null) meta["managedFields"] = managed;
            else meta.Remove("managedFields");
            return ObjectPipeline.Commit(current, next);
        }, options.DryRun);
        Respond.Warnings(r.Http, warnings);
        await Respond.Bytes(r.Http, 200, result.Object!.Json);
    }

    /// <summary>Creates the object from the configuration; null when someone created it meanwhile (then it is an update).</summary>
    private StoredObject? TryCreate(ApiRequest r, JsonObject config, string manager, bool force, WriteOptions options, List<string> warnings)
    {
        var applied = Apply(null, config, manager, force, r.Def, null);
        applied.Ensure("metadata")["name"] = r.Name;
        var decoded = ObjectPipeline.Decode(r.Def, applied, r.Target.Namespace, options.FieldValidation, warnings, state.Registry);
        try { return _create.CreateObject(r.Def, r.Target.Namespace, decoded, options.DryRun); }
        catch (ApiException e) when (e.Reason == "AlreadyExists") { return null; }
    }

    private static JsonObject Apply(JsonObject? live, JsonObject config, string manager, bool force, ResourceDefinition def, string? sub)
    {
        ServerSideApplyResult result;
        try
        {
            result = ServerSideApply.Apply(live, config.DeepClone(), manager, force, def.GroupVersion, def.Kind, DateTimeOffset.UtcNow, sub);
        }
        catch (PatchException e)
        {
            throw new ApiException(e.StatusCode, e.Kind == PatchErrorKind.Invalid ? "Invalid" : "BadRequest", e.Message);
        }
        if (!result.Succeeded)
            throw new ApiException(409, "Conflict", result.ConflictMessage!)
            {
                Causes = result.Conflicts.Select(c => new StatusCause(ApplyConflict.CauseReason, c.CauseMessage, c.Field)).ToList(),
            };
        return result.Object!;
    }

    /// <summary>kubectl's server-side apply rewrites an existing last-applied annotation to the configuration it applied.</summary>
    private static void SyncLastApplied(JsonObject live, JsonObject applied, JsonObject config)
    {
        if (live.Obj("metadata")?.Obj("annotations")?.Str(ServerSideApply.LastAppliedAnnotation) is null) return;
        var copy = config.DeepClone().AsObject();
        if (copy.Obj("metadata")?.Obj("annotations") is { } annotations)
        {
            annotations.Remove(ServerSideApply.LastAppliedAnnotation);
            if (annotations.Count == 0) copy.Obj("metadata")!.Remove("annotations");
        }
        applied.Ensure("metadata").Ensure("annotations")[ServerSideApply.LastAppliedAnnotation] = copy.ToJsonString(Storage.JsonOutput.Options);
    }

    private static JsonObject Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) throw ApiException.BadRequest("the request body is empty");
        JsonNode? node;
        node = body.TrimStart().StartsWith('{') ? RequestBody.ParseJson(body) : YamlToJson.Convert(body);
        return node as JsonObject ?? throw ApiException.BadRequest("the applied configuration must be an object");
    }
}
