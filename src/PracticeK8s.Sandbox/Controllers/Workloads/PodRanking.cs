using k8s.Models;

namespace PracticeK8s.Sandbox.Controllers.Workloads;

/// <summary>
/// Which pods a ReplicaSet removes first when it scales down (upstream's ActivePods ordering):
/// unscheduled before scheduled, Pending before Unknown before Running, not ready before ready,
/// ready for a shorter time first, more restarts first, newer first.
/// </summary>
public static class PodRanking
{
    public static IEnumerable<Live<V1Pod>> DeletionOrder(IEnumerable<Live<V1Pod>> pods) =>
        pods.OrderBy(p => PodState.IsScheduled(p.Model) ? 1 : 0)
            .ThenBy(p => p.Model.Status?.Phase switch { "Pending" => 0, "Unknown" => 1, "Running" => 2, _ => 0 })
            .ThenBy(p => PodState.IsReady(p.Model) ? 1 : 0)
            .ThenByDescending(p => PodState.IsReady(p.Model) ? PodState.Condition(p.Model, "Ready")?.LastTransitionTime ?? DateTime.MinValue : DateTime.MinValue)
            .ThenByDescending(p => PodState.Restarts(p.Model))
            .ThenByDescending(p => p.Model.Metadata.CreationTimestamp ?? DateTime.MinValue)
            .ThenBy(p => p.Name, StringComparer.Ordinal);
}
