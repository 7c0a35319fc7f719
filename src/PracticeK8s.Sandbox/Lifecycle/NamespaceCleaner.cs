using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Lifecycle;

/// <summary>
/// Finishes namespace deletion: deletes every namespaced object in a Terminating namespace, then
/// drops the <c>kubernetes</c> finalizer and removes the namespace (a minimal namespace controller).
/// </summary>
public sealed class NamespaceCleaner(SandboxState state, ILogger<NamespaceCleaner> log) : PeriodicTask(log)
{
    private readonly DeleteHandler _delete = new(state);

    protected override void Tick()
    {
        foreach (var ns in state.Store.List("/namespaces", null).Items.Where(n => n.IsBeingDeleted))
        {
            var remaining = 0;
            foreach (var def in state.Registry.All.Where(d => d.Namespaced && !d.CreateOnly).DistinctBy(d => d.StorageKey))
            {
                foreach (var o in state.Store.List(def.StorageKey, ns.Name).Items)
                {
                    remaining++;
                    if (o.IsBeingDeleted) continue;
                    try { _delete.DeleteObject(def, o.Namespace, o.Name, new DeleteOptions(null, "Background", null, null, false)); }
                    catch (ApiException) { }
                }
            }
            if (remaining > 0) continue;
            state.Store.Write("/namespaces", "", ns.Name, current =>
            {
                if (current is null || current.Uid != ns.Uid) return Mutation.Unchanged;
                var node = current.ToNode();
                node.Ensure("spec")["finalizers"] = new JsonArray();
                return current.Finalizers.Count == 0 ? Mutation.Delete : Mutation.Store(node);
            });
        }
    }
}
