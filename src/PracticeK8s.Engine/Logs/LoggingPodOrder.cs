using k8s.Models;

namespace PracticeK8s.Engine.Logs;

/// <summary>
/// The order kubectl uses to pick "the" pod of a workload for logs (its ByLogging order): scheduled
/// before unscheduled; Running before Unknown before Pending; ready before not ready; ready longer
/// before ready shorter; more container restarts first; older before newer.
/// </summary>
public sealed class LoggingPodOrder : IComparer<V1Pod>
{
    public static readonly LoggingPodOrder ForLogging = new();

    public int Compare(V1Pod? x, V1Pod? y)
    {
        if (ReferenceEquals(x, y))
            return 0;
        if (x is null)
            return 1;
        if (y is null)
            return -1;

        bool xAssigned = !string.IsNullOrEmpty(x.Spec?.NodeName), yAssigned = !string.IsNullOrEmpty(y.Spec?.NodeName);
        if (xAssigned != yAssigned)
            return xAssigned ? -1 : 1;

        int phase = PhaseRank(x).CompareTo(PhaseRank(y));
        if (phase != 0)
            return phase;

        bool xReady = ReadySince(x) is not null, yReady = ReadySince(y) is not null;
        if (xReady != yReady)
            return xReady ? -1 : 1;
        if (xReady && ReadySince(x) != ReadySince(y))
            return Nullable.Compare(ReadySince(x), ReadySince(y));

        int restarts = MaxRestarts(y).CompareTo(MaxRestarts(x));
        if (restarts != 0)
            return restarts;

        var xCreated = x.Metadata?.CreationTimestamp;
        var yCreated = y.Metadata?.CreationTimestamp;
        if (xCreated != yCreated)
        {
            if (xCreated is null)
                return 1;
            if (yCreated is null)
                return -1;
            return xCreated.Value.CompareTo(yCreated.Value);
        }
        return 0;
    }

    // Running 0, Unknown 1, Pending 2; kubectl's table has no other entries, so the rest rank with Running.
    private static int PhaseRank(V1Pod pod) => pod.Status?.Phase switch
    {
        "Unknown" => 1,
        "Pending" => 2,
        _ => 0,
    };

    private static DateTime? ReadySince(V1Pod pod)
    {
        var ready = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
        return ready?.Status == "True" ? ready.LastTransitionTime ?? DateTime.MaxValue : null;
    }

    private static int MaxRestarts(V1Pod pod) =>
        pod.Status?.ContainerStatuses?.Select(c => c.RestartCount).DefaultIfEmpty(0).Max() ?? 0;
}
