using k8s.Models;

namespace PracticeK8s.Engine.Objects;

/// <summary>
/// The order in which kubectl port-forward (and attach, exec on a workload) picks "the" pod of a
/// Service or workload: the most active first (kubectl sorts by the reverse of podutils.ActivePods):
/// scheduled before unscheduled; Running before Unknown before Pending; ready before not ready;
/// ready longer before ready shorter; fewer container restarts first; older before newer.
/// </summary>
public sealed class ActivePodOrder : IComparer<V1Pod>
{
    public static readonly ActivePodOrder MostActiveFirst = new();

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

        int phase = PhaseRank(y).CompareTo(PhaseRank(x));
        if (phase != 0)
            return phase;

        var xReady = ReadySince(x);
        var yReady = ReadySince(y);
        if (xReady.HasValue != yReady.HasValue)
            return xReady.HasValue ? -1 : 1;
        if (xReady.HasValue && xReady != yReady)
            return xReady.Value.CompareTo(yReady!.Value);

        int restarts = MaxRestarts(x).CompareTo(MaxRestarts(y));
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

    // kubectl's map: Pending 0, Unknown 1, Running 2; any other phase counts as 0.
    private static int PhaseRank(V1Pod pod) => pod.Status?.Phase switch
    {
        "Running" => 2,
        "Unknown" => 1,
        _ => 0,
    };

    // A ready pod without a transition time counts as ready for the shortest time.
    private static DateTime? ReadySince(V1Pod pod)
    {
        var ready = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
        return ready?.Status == "True" ? ready.LastTransitionTime ?? DateTime.MaxValue : null;
    }

    private static int MaxRestarts(V1Pod pod) =>
        pod.Status?.ContainerStatuses?.Select(c => c.RestartCount).DefaultIfEmpty(0).Max() ?? 0;
}
