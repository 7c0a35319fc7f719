using k8s.Models;

namespace PracticeK8s.Printing;

/// <summary>
/// What kubectl computes for a pod's READY, STATUS and RESTARTS cells, with the sortable values behind them
/// (restart count as a number, time of the last restart).
/// </summary>
public sealed record PodSummary(int ReadyContainers, int TotalContainers, string Status, int Restarts, DateTime? LastRestart)
{
    /// <summary>The READY cell: "ready/total".</summary>
    public string Ready => $"{ReadyContainers}/{TotalContainers}";

    /// <summary>The RESTARTS cell: "5", or "5 (106m ago)" when a last restart time is known.</summary>
    public string RestartsText(DateTime nowUtc) =>
        Restarts != 0 && LastRestart is { } last ? $"{Restarts} ({HumanDuration.Since(last, nowUtc)} ago)" : Restarts.ToString();

    /// <summary>Computes the summary the way kubectl's pod printer does (server v1.32).</summary>
    public static PodSummary Of(V1Pod pod)
    {
        var spec = pod.Spec;
        var status = pod.Status;
        int total = spec?.Containers?.Count ?? 0;
        int ready = 0, restarts = 0;
        DateTime? lastRestart = null;

        string reason = status?.Phase ?? "";
        if (!string.IsNullOrEmpty(status?.Reason)) reason = status.Reason;
        foreach (var condition in status?.Conditions ?? [])
            if (condition.Type == "PodScheduled" && condition.Reason == "SchedulingGated") reason = "SchedulingGated";

        var initContainers = new Dictionary<string, V1Container>();
        foreach (var container in spec?.InitContainers ?? [])
        {
            initContainers[container.Name ?? ""] = container;
            if (IsSidecar(container)) total++;
        }

        bool initializing = false;
        int sidecarRestarts = 0;
        DateTime? sidecarLastRestart = null;
        var initStatuses = status?.InitContainerStatuses ?? [];
        for (int i = 0; i < initStatuses.Count; i++)
        {
            var container = initStatuses[i];
            bool sidecar = initContainers.TryGetValue(container.Name ?? "", out var declared) && IsSidecar(declared);
            restarts += container.RestartCount;
            lastRestart = Newest(lastRestart, container.LastState?.Terminated?.FinishedAt);
            if (sidecar)
            {
                sidecarRestarts += container.RestartCount;
                sidecarLastRestart = Newest(sidecarLastRestart, container.LastState?.Terminated?.FinishedAt);
            }

            var terminated = container.State?.Terminated;
            var waiting = container.State?.Waiting;
            if (terminated is not null && terminated.ExitCode == 0) continue;
            if (sidecar && container.Started == true)
            {
                if (container.Ready) ready++;
                continue;
            }
            if (terminated is not null)
            {
                reason = !string.IsNullOrEmpty(terminated.Reason) ? "Init:" + terminated.Reason
                    : terminated.Signal is int signal && signal != 0 ? $"Init:Signal:{signal}"
                    : $"Init:ExitCode:{terminated.ExitCode}";
            }
            else if (waiting is not null && !string.IsNullOrEmpty(waiting.Reason) && waiting.Reason != "PodInitializing")
            {
                reason = "Init:" + waiting.Reason;
            }
            else
            {
                reason = $"Init:{i}/{spec?.InitContainers?.Count ?? 0}";
            }
            initializing = true;
            break;
        }

        if (!initializing || HasTrueCondition(status, "Initialized"))
        {
            restarts = sidecarRestarts;
            lastRestart = sidecarLastRestart;
            bool hasRunning = false;
            var statuses = status?.ContainerStatuses ?? [];
            for (int i = statuses.Count - 1; i >= 0; i--)
            {
                var container = statuses[i];
                restarts += container.RestartCount;
                lastRestart = Newest(lastRestart, container.LastState?.Terminated?.FinishedAt);
                var waiting = container.State?.Waiting;
                var terminated = container.State?.Terminated;
                if (!string.IsNullOrEmpty(waiting?.Reason)) reason = waiting.Reason;
                else if (!string.IsNullOrEmpty(terminated?.Reason)) reason = terminated.Reason;
                else if (terminated is not null)
                    reason = terminated.Signal is int signal && signal != 0 ? $"Signal:{signal}" : $"ExitCode:{terminated.ExitCode}";
                else if (container.Ready && container.State?.Running is not null)
                {
                    hasRunning = true;
                    ready++;
                }
            }
            if (reason == "Completed" && hasRunning)
                reason = HasTrueCondition(status, "Ready") ? "Running" : "NotReady";
        }

        if (pod.Metadata?.DeletionTimestamp is not null)
        {
            if (status?.Reason == "NodeLost") reason = "Unknown";
            else if (status?.Phase is not ("Succeeded" or "Failed")) reason = "Terminating";
        }

        return new PodSummary(ready, total, reason, restarts, lastRestart);
    }

    /// <summary>An init container with restartPolicy Always (a sidecar).</summary>
    public static bool IsSidecar(V1Container? container) => container?.RestartPolicy == "Always";

    private static bool HasTrueCondition(V1PodStatus? status, string type) =>
        status?.Conditions?.Any(c => c.Type == type && c.Status == "True") == true;

    private static DateTime? Newest(DateTime? current, DateTime? candidate)
    {
        if (candidate is null || HumanDuration.IsZero(candidate.Value)) return current;
        var utc = HumanDuration.Utc(candidate.Value);
        return current is null || current.Value < utc ? utc : current;
    }
}
