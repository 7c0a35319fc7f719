using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Resources.Conversion;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api;

/// <summary>POST to a collection: create (201), with dryRun and fieldValidation.</summary>
public sealed class CreateHandler(SandboxState state)
{
    public async Task Create(ApiRequest r)
    {
        var options = WriteOptions.From(r.Query);
        var body = await RequestBody.ReadObjectAsync(r.Http.Request, r.Aborted);
        var warnings = new List<string>();
        var obj = ObjectPipeline.Decode(r.Def, body, r.Target.Namespace, options.FieldValidation, warnings, state.Registry);
        var storageDef = ServedVersions.StorageDef(state.Registry, r.Def);
        var created = CreateObject(storageDef, r.Target.Namespace, ServedVersions.ToStorage(r.Def, obj), options.DryRun, ManagedFields.Manager(r, options));
        Respond.Warnings(r.Http, warnings);
        await Respond.Bytes(r.Http, 201, ServedVersions.Served(r.Def, created).Json);
    }

    /// <summary>
    /// Prepares and stores a new object (also used by lifecycle code). Throws AlreadyExists etc.
    /// With a <paramref name="manager"/> the object gets its managedFields entry (internal writers pass none).
    /// </summary>
    public StoredObject CreateObject(ResourceDefinition def, string? ns, JsonObject obj, bool dryRun, string? manager = null)
    {
        ObjectPipeline.PrepareCreate(def, obj);
        if (manager is not null) ManagedFields.Track(null, obj, manager, def.GroupVersion, null);
        Admission.BeforeCreate(state, def, obj);
        var name = obj.Obj("metadata")!.Str("name")!;
        var result = state.Store.Write(def.StorageKey, ns ?? "", name, current =>
        {
            if (current is not null) throw ApiException.AlreadyExists(def.QualifiedResource, name, def.Group);
            if (def.Namespaced) RequireActiveNamespace(def, ns!, name);
            return Mutation.Store(obj);
        }, dryRun);
        return result.Object!;
    }

    private void RequireActiveNamespace(ResourceDefinition def, string ns, string name)
    {
        var nsObj = state.Store.Get("/namespaces", "", ns) ?? throw ApiException.NotFound("namespaces", ns);
        if (nsObj.IsBeingDeleted)
            throw ApiException.Forbidden($"{def.QualifiedResource} \"{name}\" is forbidden: unable to create new content in namespace {ns} because it is being terminated");
    }
}
