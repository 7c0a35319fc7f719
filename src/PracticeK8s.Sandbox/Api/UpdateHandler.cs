using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api;

/// <summary>PUT: replace an object (409 on a stale resourceVersion), or its status/scale/finalize subresource.</summary>
public sealed class UpdateHandler(SandboxState state)
{
    public async Task Update(ApiRequest r)
    {
        var options = WriteOptions.From(r.Query);
        var body = await RequestBody.ReadObjectAsync(r.Http.Request, r.Aborted);
        var warnings = new List<string>();
        var sub = r.Target.Subresource;
        JsonObject incoming;
        if (sub == "scale")
        {
            incoming = body;
            var scaled = Scale.Update(state, r.Def, r.Namespace, r.Name, incoming, options.DryRun, ManagedFields.Manager(r, options));
            await Respond.Json(r.Http, 200, scaled);
            return;
        }
        incoming = ObjectPipeline.Decode(r.Def, body, r.Target.Namespace, options.FieldValidation, warnings, state.Registry);
        var storageDef = Resources.Conversion.ServedVersions.StorageDef(state.Registry, r.Def);
        var stored = Replace(storageDef, r.Namespace, r.Name, sub, Resources.Conversion.ServedVersions.ToStorage(r.Def, incoming), options.DryRun,
            ManagedFields.Manager(r, options));
        Respond.Warnings(r.Http, warnings);
        await Respond.Bytes(r.Http, 200, Resources.Conversion.ServedVersions.Served(r.Def, stored).Json);
    }

    /// <summary>Replaces the stored object through the main resource or a subresource. Returns the stored state.</summary>
    public StoredObject Replace(ResourceDefinition def, string ns, string name, string? sub, JsonObject incoming, bool dryRun, string? manager = null)
    {
        var result = state.Store.Write(def.StorageKey, ns, name, current =>
        {
            if (current is null) throw ApiException.NotFound(def.QualifiedResource, name, def.Group);
            var next = sub switch
            {
                null => ObjectPipeline.PrepareUpdate(def, current, incoming),
                "status" => ObjectPipeline.PrepareStatusUpdate(def, current, incoming),
                "finalize" => Finalize(def, current, incoming),
                "ephemeralcontainers" => EphemeralContainersUpdate.Prepare(def, current, incoming),
                _ => throw ApiException.PathNotFound(),
            };
            ManagedFields.Track(current.ToNode(), next, manager, def.GroupVersion, sub);
            return ObjectPipeline.Commit(current, next);
        }, dryRun);
        return result.Object!;
    }

    /// <summary>namespaces/finalize: only spec.finalizers changes.</summary>
    private static JsonObject Finalize(ResourceDefinition def, StoredObject current, JsonObject incoming)
    {
        ObjectPipeline.CheckPreconditions(def, current, incoming.Obj("metadata")!);
        var result = current.ToNode();
        var spec = result.Ensure("spec");
        spec["finalizers"] = incoming.Obj("spec")?["finalizers"]?.DeepClone() ?? new JsonArray();
        return result;
    }
}
