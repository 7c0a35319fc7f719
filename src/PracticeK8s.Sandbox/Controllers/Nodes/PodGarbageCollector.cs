using k8s.Models;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;

namespace PracticeK8s.Sandbox.Controllers.Nodes;

/// <summary>The pod garbage collector: pods bound to a node that no longer exists are deleted at once (grace 0).</summary>
public sealed class PodGarbageCollector(SandboxState state, ClusterAccess cluster, ILogger<PodGarbageCollector> log) : ControllerLoop(state, log)
{
    protected override IReadOnlyCollection<string> WatchedKeys => new[] { "/nodes" };

    protected override TimeSpan ResyncInterval => TimeSpan.FromSeconds(20);

    protected override void Reconcile()
    {
        var nodes = cluster.List<V1Node>("/nodes").Select(n => n.Name).ToHashSet();
        foreach (var pod in cluster.List<V1Pod>("/pods"))
            if (pod.Model.Spec.NodeName is { Length: > 0 } node && !nodes.Contains(node))
                cluster.Delete(pod.Stored, grace: 0);
    }
}
