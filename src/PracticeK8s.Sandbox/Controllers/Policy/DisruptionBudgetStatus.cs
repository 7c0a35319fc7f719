using k8s.Models;

namespace PracticeK8s.Sandbox.Controllers.Policy;

/// <summary>
/// The disruption controller's arithmetic for one PodDisruptionBudget (kept in one place so the
/// eviction handler can use the same numbers): expected pods (matching pods, or for percentages and
/// maxUnavailable the scale of their controllers), currently healthy (ready, not being deleted, not
/// just evicted), desired healthy (minAvailable, or expected − maxUnavailable; percentages round up)
/// and disruptions allowed = max(0, healthy − desired).
/// </summary>
public static class DisruptionBudgetStatus
{
    public sealed record Counts(int Expected, int CurrentHealthy, int DesiredHealthy, int DisruptionsAllowed);

    /// <param name="pods">The namespace's pods matching the budget's selector.</param>
    /// <param name="controllerScale">Replicas of a pod's controller (Deployment via its ReplicaSet, StatefulSet, ReplicaSet), by the pod; null for none.</param>
    /// <param name="disrupted">Pods evicted moments ago (status.disruptedPods) that still count as gone.</param>
    public static Counts Compute(V1PodDisruptionBudget pdb, IReadOnlyList<V1Pod> pods, Func<V1Pod, (string Uid, int Replicas)?> controllerScale,
        IReadOnlySet<string> disrupted)
    {
        var live = pods.Where(p => !PodState.IsTerminal(p)).ToList();
        var minAvailable = pdb.Spec?.MinAvailable?.Value;
        var maxUnavailable = pdb.Spec?.MaxUnavailable?.Value;
        var usesScale = maxUnavailable is not null || minAvailable?.EndsWith('%') == true;
        int expected;
        if (usesScale)
        {
            var scales = new Dictionary<string, int>();
            var unmanaged = 0;
            foreach (var p in live)
            {
                if (controllerScale(p) is { } s) scales[s.Uid] = s.Replicas;
                else unmanaged++;
            }
            expected = scales.Values.Sum() + unmanaged;
        }
        else expected = live.Count;
        var healthy = live.Count(p => PodState.IsReady(p) && p.Metadata.DeletionTimestamp is null && !disrupted.Contains(p.Metadata.Name));
        int desired;
        if (maxUnavailable is not null) desired = Math.Max(0, expected - Percent(maxUnavailable, expected));
        else if (minAvailable is not null) desired = Percent(minAvailable, expected);
        else desired = expected; // neither given: no voluntary disruption allowed
        return new Counts(expected, healthy, desired, Math.Max(0, healthy - desired));
    }

    /// <summary>An int, or a percentage of <paramref name="total"/> rounded up.</summary>
    private static int Percent(string value, int total) =>
        value.EndsWith('%') && double.TryParse(value[..^1], System.Globalization.CultureInfo.InvariantCulture, out var pct)
            ? (int)Math.Ceiling(pct * total / 100.0)
            : int.TryParse(value, out var n) ? n : 0;

    /// <summary>The replicas of the workload a pod belongs to (a ReplicaSet's Deployment, else the ReplicaSet or StatefulSet).</summary>
    public static (string Uid, int Replicas)? ControllerScale(ClusterAccess cluster, V1Pod pod)
    {
        var owner = OwnerReferences.ControllerOf(pod.Metadata);
        var ns = pod.Metadata.NamespaceProperty;
        switch (owner?.Kind)
        {
            case "ReplicaSet":
                var rs = cluster.Get<V1ReplicaSet>("apps/replicasets", ns, owner.Name);
                if (rs is null) return null;
                if (OwnerReferences.ControllerOf(rs.Model.Metadata) is { Kind: "Deployment" } d
                    && cluster.Get<V1Deployment>("apps/deployments", ns, d.Name) is { } deployment)
                    return (deployment.Uid, deployment.Model.Spec.Replicas ?? 1);
                return (rs.Uid, rs.Model.Spec.Replicas ?? 1);
            case "StatefulSet":
                var sts = cluster.Get<V1StatefulSet>("apps/statefulsets", ns, owner.Name);
                return sts is null ? null : (sts.Uid, sts.Model.Spec.Replicas ?? 1);
            default:
                return null;
        }
    }
}
