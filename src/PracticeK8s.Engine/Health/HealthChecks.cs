using k8s.Models;

namespace PracticeK8s.Engine.Health;

/// <summary>
/// What "ready" means per kind, as a cluster check would ask it: a Deployment's rollout is
/// complete and every replica available (kubectl rollout status's rule), a StatefulSet's and
/// DaemonSet's pods are all ready, a Pod runs with every container ready and no more restarts
/// than allowed, a Node reports Ready, a Job has its completions, a claim is Bound.
/// </summary>
public static class HealthChecks
{
    public static HealthResult Check(object resource, int maxRestarts = int.MaxValue) => resource switch
    {
        V1Deployment d => Deployment(d),
        V1StatefulSet s => Result(s.Metadata, "StatefulSet", Ready(s.Status?.ReadyReplicas, s.Spec?.Replicas ?? 1, "ready replicas")
            ?? Generation(s.Metadata, s.Status?.ObservedGeneration)),
        V1DaemonSet d => Result(d.Metadata, "DaemonSet", Ready(d.Status?.NumberReady, d.Status?.DesiredNumberScheduled ?? 0, "ready pods")
            ?? Ready(d.Status?.UpdatedNumberScheduled, d.Status?.DesiredNumberScheduled ?? 0, "updated pods")),
        V1ReplicaSet r => Result(r.Metadata, "ReplicaSet", Ready(r.Status?.ReadyReplicas, r.Spec?.Replicas ?? 1, "ready replicas")),
        V1Pod p => Pod(p, maxRestarts),
        V1Node n => Node(n),
        V1Job j => Result(j.Metadata, "Job", j.Status?.Conditions?.FirstOrDefault(c => c.Type == "Failed" && c.Status == "True") is { } failed
            ? $"failed: {failed.Reason}"
            : Ready(j.Status?.Succeeded, j.Spec?.Completions ?? 1, "completions")),
        V1PersistentVolumeClaim c => Result(c.Metadata, "PersistentVolumeClaim", c.Status?.Phase == "Bound" ? null : $"phase is {c.Status?.Phase ?? "unknown"}, not Bound"),
        _ => throw new ArgumentException($"readiness of a {resource.GetType().Name} is not defined; check Deployments, StatefulSets, DaemonSets, ReplicaSets, Pods, Nodes, Jobs or PersistentVolumeClaims"),
    };

    private static HealthResult Deployment(V1Deployment d)
    {
        var desired = d.Spec?.Replicas ?? 1;
        var status = d.Status;
        var reason = Generation(d.Metadata, status?.ObservedGeneration)
            ?? (status?.Conditions?.FirstOrDefault(c => c.Type == "Progressing" && c.Reason == "ProgressDeadlineExceeded") is not null
                ? "progress deadline exceeded" : null)
            ?? Ready(status?.UpdatedReplicas, desired, "updated replicas")
            ?? ((status?.Replicas ?? 0) > (status?.UpdatedReplicas ?? 0) ? $"{status!.Replicas - status.UpdatedReplicas} old replicas are pending termination" : null)
            ?? Ready(status?.AvailableReplicas, desired, "available replicas");
        return Result(d.Metadata, "Deployment", reason);
    }

    private static HealthResult Pod(V1Pod p, int maxRestarts)
    {
        string? reason = null;
        var phase = p.Status?.Phase;
        if (p.Metadata?.DeletionTimestamp is not null)
            reason = "terminating";
        else if (phase == "Succeeded")
            reason = null;
        else if (phase != "Running")
            reason = $"phase is {phase ?? "unknown"}";
        else if (p.Status?.ContainerStatuses?.FirstOrDefault(c => !c.Ready) is { } notReady)
            reason = $"container {notReady.Name} is not ready" + (notReady.State?.Waiting?.Reason is { } why ? $" ({why})" : "");
        var restarts = p.Status?.ContainerStatuses?.Sum(c => c.RestartCount) ?? 0;
        if (reason is null && restarts > maxRestarts)
            reason = $"restarted {restarts} times (more than {maxRestarts})";
        return Result(p.Metadata, "Pod", reason);
    }

    private static HealthResult Node(V1Node n)
    {
        var ready = n.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
        var reason = ready?.Status == "True" ? null : $"Ready is {ready?.Status ?? "missing"}" + (ready?.Reason is { } r ? $" ({r})" : "");
        return Result(n.Metadata, "Node", reason);
    }

    private static string? Ready(int? have, int want, string what) =>
        (have ?? 0) >= want ? null : $"{have ?? 0} of {want} {what}";

    private static string? Generation(V1ObjectMeta? metadata, long? observed) =>
        metadata?.Generation is long generation && (observed ?? 0) < generation ? "the controller has not observed the latest spec yet" : null;

    private static HealthResult Result(V1ObjectMeta? metadata, string kind, string? reason) =>
        new(kind, metadata?.NamespaceProperty, metadata?.Name ?? "", reason is null, reason ?? "");
}
