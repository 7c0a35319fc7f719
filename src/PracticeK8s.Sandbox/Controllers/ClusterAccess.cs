using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using k8s;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Controllers;

/// <summary>
/// How controllers, the scheduler and the kubelet read and write the cluster: straight against the
/// object store (no HTTP), typed for reading, and through the same create/delete paths as the API
/// (defaults, admission, graceful pod deletion, finalizers) for writing.
/// </summary>
public sealed class ClusterAccess(SandboxState state)
{
    private readonly CreateHandler _create = new(state);
    private readonly DeleteHandler _delete = new(state);
    private readonly ConcurrentDictionary<(string Key, string Ns, string Name, long Rv), object> _parsed = new();

    public SandboxState State => state;
    public ObjectStore Store => state.Store;

    public static ResourceDefinition Def(SandboxState state, string key) =>
        state.Registry.All.First(d => d.StorageKey == key);

    /// <summary>Objects of a kind (all namespaces when <paramref name="ns"/> is null), typed.</summary>
    public List<Live<T>> List<T>(string key, string? ns = null) where T : class =>
        state.Store.List(key, ns).Items.Select(Typed<T>).ToList();

    public Live<T>? Get<T>(string key, string ns, string name) where T : class =>
        state.Store.Get(key, ns, name) is { } o ? Typed<T>(o) : null;

    /// <summary>The typed view of a stored object (parsed once per resourceVersion; shared: read it, never change it).</summary>
    public Live<T> Typed<T>(StoredObject o) where T : class
    {
        var id = (o.Key, o.Namespace, o.Name, o.ResourceVersion);
        if (_parsed.TryGetValue(id, out var cached) && cached is T model) return new Live<T>(o, model);
        model = (T)ModelJson.Deserialize(o.Json, typeof(T))!;
        if (_parsed.Count > 20_000) _parsed.Clear();
        _parsed[id] = model;
        return new Live<T>(o, model);
    }

    /// <summary>Creates an object as a client would (generateName, defaults, admission). Null when refused.</summary>
    public StoredObject? Create(string key, JsonObject obj)
    {
        var def = Def(state, key);
        var ns = def.Namespaced ? obj.Obj("metadata")?.Str("namespace") : null;
        try { return _create.CreateObject(def, ns, obj, dryRun: false); }
        catch (ApiException) { return null; }
    }

    /// <summary>Creates, throwing the API's error (for callers that report it, e.g. FailedCreate events).</summary>
    public StoredObject CreateOrThrow(string key, JsonObject obj)
    {
        var def = Def(state, key);
        var ns = def.Namespaced ? obj.Obj("metadata")?.Str("namespace") : null;
        return _create.CreateObject(def, ns, obj, dryRun: false);
    }

    /// <summary>
    /// Changes the stored object if it is still the same one (uid): <paramref name="change"/> edits a
    /// fresh copy; generation follows spec changes; an unchanged result is not written.
    /// Returns the stored state (null when the object is gone).
    /// </summary>
    public StoredObject? Mutate(StoredObject o, Action<JsonObject> change)
    {
        var def = Def(state, o.Key);
        var result = state.Store.Write(o.Key, o.Namespace, o.Name, current =>
        {
            if (current is null || current.Uid != o.Uid) return Mutation.Unchanged;
            var node = current.ToNode();
            change(node);
            ObjectPipeline.BumpGeneration(def, current.ToNode(), node);
            return ObjectPipeline.Commit(current, node);
        });
        return result.Removed || result.Object?.Uid != o.Uid ? null : result.Object;
    }

    /// <summary>Replaces <c>status</c> with the serialized model when it differs.</summary>
    public StoredObject? SetStatus(StoredObject o, object status) =>
        Mutate(o, node => node["status"] = ToNode(status));

    /// <summary>Deletes like <c>kubectl delete</c> (pods gracefully unless <paramref name="grace"/> is 0). False when gone already.</summary>
    public bool Delete(StoredObject o, long? grace = null, string policy = "Background")
    {
        try
        {
            _delete.DeleteObject(Def(state, o.Key), o.Namespace, o.Name, new DeleteOptions(grace, policy, o.Uid, null, false));
            return true;
        }
        catch (ApiException) { return false; }
    }

    /// <summary>
    /// The end of a pod's termination: removed now, or, while finalizers remain, left with
    /// deletionGracePeriodSeconds 0 so the write that empties them removes it.
    /// </summary>
    public void Remove(StoredObject o) =>
        state.Store.Write(o.Key, o.Namespace, o.Name, current =>
        {
            if (current is null || current.Uid != o.Uid) return Mutation.Unchanged;
            if (current.Finalizers.Count == 0) return Mutation.Delete;
            var node = current.ToNode();
            var meta = node.Obj("metadata")!;
            if (meta.Long("deletionGracePeriodSeconds") == 0) return Mutation.Unchanged;
            meta["deletionGracePeriodSeconds"] = 0;
            return Mutation.Store(node);
        });

    /// <summary>A KubernetesClient model as a JSON tree (null fields omitted).</summary>
    public static JsonNode ToNode(object model) => JsonNode.Parse(KubernetesJson.Serialize(model))!;
}
