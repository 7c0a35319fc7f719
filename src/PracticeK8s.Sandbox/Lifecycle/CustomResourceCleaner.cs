using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Lifecycle;

/// <summary>
/// A deleted CustomResourceDefinition takes its custom resources with it: they are removed, then
/// the CRD's cleanup finalizer is dropped and the CRD goes (as apiextensions-apiserver does).
/// </summary>
public sealed class CustomResourceCleaner(SandboxState state, ILogger<CustomResourceCleaner> log) : PeriodicTask(log)
{
    public const string Finalizer = "customresourcecleanup.apiextensions.k8s.io";

    protected override TimeSpan Interval => TimeSpan.FromMilliseconds(500);

    protected override void Tick()
    {
        foreach (var crd in state.Store.List(CustomResources.CrdKey, null).Items.Where(c => c.IsBeingDeleted && c.Finalizers.Contains(Finalizer)))
        {
            var node = crd.ToNode();
            var key = $"{node.Obj("spec").Str("group")}/{node.Obj("spec")?.Obj("names").Str("plural")}";
            foreach (var o in state.Store.List(key, null).Items)
                state.Store.Write(key, o.Namespace, o.Name, current => current is null ? Mutation.Unchanged : Mutation.Delete);
            state.Store.Write(CustomResources.CrdKey, "", crd.Name, current =>
            {
                if (current is null || current.Uid != crd.Uid) return Mutation.Unchanged;
                var updated = current.ToNode();
                var finalizers = updated.Obj("metadata")!.Arr("finalizers")!;
                foreach (var f in finalizers.Where(f => f?.GetValue<string>() == Finalizer).ToList()) finalizers.Remove(f);
                return ObjectPipeline.Commit(current, updated);
            });
        }
    }
}
