using k8s.Models;

namespace PracticeK8s.Sandbox.Controllers;

/// <summary>What controllers ask of a pod: active, terminal, ready, available.</summary>
public static class PodState
{
    public static bool IsTerminal(V1Pod pod) => pod.Status?.Phase is "Succeeded" or "Failed";

    /// <summary>Counted by its controller: not finished and not being deleted.</summary>
    public static bool IsActive(V1Pod pod) => !IsTerminal(pod) && pod.Metadata.DeletionTimestamp is null;

    public static V1PodCondition? Condition(V1Pod pod, string type) => pod.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    public static bool IsReady(V1Pod pod) => Condition(pod, "Ready")?.Status == "True";

    /// <summary>Ready for at least <paramref name="minReadySeconds"/>.</summary>
    public static bool IsAvailable(V1Pod pod, int minReadySeconds, DateTime now)
    {
        if (!IsReady(pod)) return false;
        if (minReadySeconds <= 0) return true;
        var since = Condition(pod, "Ready")?.LastTransitionTime;
        return since is null || since.Value.AddSeconds(minReadySeconds) <= now;
    }

    /// <summary>When a ready pod becomes available (for requeueing), or null.</summary>
    public static DateTime? AvailableAt(V1Pod pod, int minReadySeconds) =>
        IsReady(pod) && minReadySeconds > 0 && Condition(pod, "Ready")?.LastTransitionTime is { } t ? t.AddSeconds(minReadySeconds) : null;

    public static bool IsScheduled(V1Pod pod) => !string.IsNullOrEmpty(pod.Spec?.NodeName);

    public static int Restarts(V1Pod pod) => pod.Status?.ContainerStatuses?.Sum(c => c.RestartCount) ?? 0;
}
