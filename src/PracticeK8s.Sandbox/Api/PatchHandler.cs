using System.Text.Json.Nodes;
using PracticeK8s.Merge;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Resources.Conversion;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api;

/// <summary>
/// PATCH by Content-Type — JSON patch, merge patch, strategic merge patch (built-in kinds only;
/// custom resources get 415) — applied with the shared patch library to the stored object (or
/// its status/scale), then run through the same checks as an update.
/// </summary>
public sealed class PatchHandler(SandboxState state)
{
    public static readonly string[] Accepted = { MediaType.JsonPatch, MediaType.MergePatch, MediaType.StrategicMergePatch, MediaType.ApplyPatch };
    private readonly ApplyPatch _apply = new(state);

    public async Task Patch(ApiRequest r)
    {
        var options = WriteOptions.From(r.Query);
        var type = MediaType.Parse(r.Http.Request.ContentType)?.Type ?? "";
        var def = r.Def;
        var accepted = def.IsCustom ? new[] { MediaType.JsonPatch, MediaType.MergePatch, MediaType.ApplyPatch } : Accepted;
        if (!accepted.Contains(type)) throw ApiException.UnsupportedMediaType(type, accepted);
        var text = await RequestBody.ReadTextAsync(r.Http.Request, r.Aborted);
        var warnings = new List<string>();
        if (type == MediaType.ApplyPatch)
        {
            await _apply.Handle(r, text, options, warnings);
            return;
        }
        if (r.QueryString("force") is not null)
            throw ApiException.Invalid("PatchOptions.meta.k8s.io", "", "meta.k8s.io", "PatchOptions",
                new[] { new StatusCause("FieldValueForbidden", "Forbidden: may not be specified for non-apply patch", "force") });
        var patch = RequestBody.ParseJson(text) ?? throw ApiException.BadRequest("the patch body is null");
        var manager = ManagedFields.Manager(r, options);

        if (r.Target.Subresource == "scale")
        {
            var scale = Scale.Get(state, def, r.Namespace, r.Name);
            var patchedScale = Apply(type, scale, patch, "autoscaling/v1", "Scale") as JsonObject
                               ?? throw ApiException.BadRequest("the patched Scale is not an object");
            await Respond.Json(r.Http, 200, Scale.Update(state, def, r.Namespace, r.Name, patchedScale, options.DryRun, manager));
            return;
        }

        var storageDef = ServedVersions.StorageDef(state.Registry, def);
        var result = state.Store.Write(def.StorageKey, r.Namespace, r.Name, current =>
        {
            if (current is null) throw ApiException.NotFound(def.QualifiedResource, r.Name, def.Group);
            var live = ServedVersions.ToServed(def, current.ToNode());
            if (type == MediaType.StrategicMergePatch && !PatchSchema.IsKnownKind(def.GroupVersion, def.Kind))
                throw ApiException.UnsupportedMediaType(type, new[] { MediaType.JsonPatch, MediaType.MergePatch });
            var patched = Apply(type, live, patch, def.GroupVersion, def.Kind) as JsonObject
                          ?? throw ApiException.BadRequest("the patched object is not a JSON object");
            patched = ObjectPipeline.Decode(def, patched, r.Target.Namespace, options.FieldValidation, warnings, state.Registry);
            patched = ServedVersions.ToStorage(def, patched);
            var next = r.Target.Subresource switch
            {
                null => ObjectPipeline.PrepareUpdate(storageDef, current, patched),
                "status" => ObjectPipeline.PrepareStatusUpdate(storageDef, current, patched),
                "ephemeralcontainers" => EphemeralContainersUpdate.Prepare(storageDef, current, patched),
                _ => throw ApiException.MethodNotAllowed("patch", $"{def.QualifiedResource}/{r.Target.Subresource}"),
            };
            ManagedFields.Track(current.ToNode(), next, manager, storageDef.GroupVersion, r.Target.Subresource);
            return ObjectPipeline.Commit(current, next);
        }, options.DryRun);
        Respond.Warnings(r.Http, warnings);
        await Respond.Bytes(r.Http, 200, ServedVersions.Served(def, result.Object!).Json);
    }

    private static JsonNode? Apply(string type, JsonNode live, JsonNode patch, string apiVersion, string kind)
    {
        try
        {
            return type switch
            {
                MediaType.JsonPatch => JsonPatch.Apply(live, patch),
                MediaType.MergePatch => MergePatch.Apply(live, patch),
                _ => StrategicMergePatch.Apply(live, patch, apiVersion, kind),
            };
        }
        catch (PatchException e)
        {
            throw new ApiException(e.StatusCode, e.Kind switch
            {
                PatchErrorKind.Invalid => "Invalid",
                PatchErrorKind.Conflict => "Conflict",
                _ => "BadRequest",
            }, e.Message);
        }
    }
}
