using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Lifecycle;

/// <summary>
/// ownerReference garbage collection: dependents whose owners are all gone are deleted
/// (background propagation); owners deleted with <c>Foreground</c> wait for their dependents
/// (finalizer <c>foregroundDeletion</c>); owners deleted with <c>Orphan</c> first strip
/// themselves from their dependents' ownerReferences (finalizer <c>orphan</c>).
/// </summary>
public sealed class GarbageCollector(SandboxState state, ILogger<GarbageCollector> log) : PeriodicTask(log)
{
    public const string Foreground = "foregroundDeletion", Orphan = "orphan";
    private readonly DeleteHandler _delete = new(state);

    protected override TimeSpan Interval => TimeSpan.FromMilliseconds(500);

    protected override void Tick()
    {
        var all = state.Store.Snapshot(_ => true);
        var uids = all.Select(o => o.Uid).ToHashSet();
        var dependents = new Dictionary<string, List<StoredObject>>();
        foreach (var o in all)
            foreach (var owner in OwnerUids(o))
            {
                if (!dependents.TryGetValue(owner, out var list)) dependents[owner] = list = new List<StoredObject>();
                list.Add(o);
            }

        foreach (var o in all.Where(o => o.IsBeingDeleted))
        {
            var finalizers = o.Finalizers;
            var mine = dependents.GetValueOrDefault(o.Uid) ?? new List<StoredObject>();
            if (finalizers.Contains(Orphan))
            {
                foreach (var d in mine) Update(d, node => RemoveOwner(node, o.Uid));
                Update(o, node => RemoveFinalizer(node, Orphan));
            }
            else if (finalizers.Contains(Foreground))
            {
                if (mine.Count == 0) Update(o, node => RemoveFinalizer(node, Foreground));
                else foreach (var d in mine.Where(d => !d.IsBeingDeleted)) Delete(d, "Foreground");
            }
        }

        foreach (var o in all.Where(o => !o.IsBeingDeleted))
        {
            var owners = OwnerUids(o).ToList();
            if (owners.Count > 0 && owners.All(u => !uids.Contains(u))) Delete(o, "Background");
        }
    }

    private static IEnumerable<string> OwnerUids(StoredObject o)
    {
        if (o.Metadata.ValueKind != JsonValueKind.Object || !o.Metadata.TryGetProperty("ownerReferences", out var refs) || refs.ValueKind != JsonValueKind.Array)
            yield break;
        foreach (var r in refs.EnumerateArray())
            if (r.TryGetProperty("uid", out var uid) && uid.GetString() is { Length: > 0 } u) yield return u;
    }

    private ResourceDefinition? Def(StoredObject o) => state.Registry.All.FirstOrDefault(d => d.StorageKey == o.Key);

    private void Delete(StoredObject o, string policy)
    {
        if (Def(o) is not { } def) return;
        try { _delete.DeleteObject(def, o.Namespace, o.Name, new DeleteOptions(null, policy, o.Uid, null, false)); }
        catch (ApiException) { } // gone or changed meanwhile: the next pass sees the new state
    }

    private void Update(StoredObject o, Func<JsonObject, bool> change) =>
        state.Store.Write(o.Key, o.Namespace, o.Name, current =>
        {
            if (current is null || current.Uid != o.Uid) return Mutation.Unchanged;
            var node = current.ToNode();
            return change(node) ? ObjectPipeline.Commit(current, node) : Mutation.Unchanged;
        });

    private static bool RemoveOwner(JsonObject node, string ownerUid)
    {
        var refs = node.Obj("metadata")?.Arr("ownerReferences");
        var match = refs.Objects().Where(r => r.Str("uid") == ownerUid).ToList();
        foreach (var r in match) refs!.Remove(r);
        if (refs is { Count: 0 }) node.Obj("metadata")!.Remove("ownerReferences");
        return match.Count > 0;
    }

    private static bool RemoveFinalizer(JsonObject node, string finalizer)
    {
        var list = node.Obj("metadata")?.Arr("finalizers");
        var match = list?.FirstOrDefault(f => f?.GetValue<string>() == finalizer);
        if (match is null) return false;
        list!.Remove(match);
        if (list.Count == 0) node.Obj("metadata")!.Remove("finalizers");
        return true;
    }
}
