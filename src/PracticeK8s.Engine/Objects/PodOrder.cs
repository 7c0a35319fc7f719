using k8s.Models;

namespace PracticeK8s.Engine.Objects;

/// <summary>
/// The orders in which kubectl picks "the" pod of a workload or Service. Both put scheduled before
/// unscheduled, ready before not ready, ready longer before ready shorter, and older before newer;
/// they differ in how phases rank and which restart count wins.
/// </summary>
public sealed class PodOrder : IComparer<V1Pod>
{
    /// <summary>kubectl logs (its ByLogging order): Running, Unknown, Pending; more restarts first.</summary>
    public static readonly PodOrder ForLogging = new(pod => pod.Status?.Phase switch
    {
        "Unknown" => 1,
        "Pending" => 2,
        _ => 0, // kubectl's table has no other entries: the rest rank with Running
    }, fewerRestartsFirst: false);

    /// <summary>kubectl port-forward, exec and attach (the reverse of podutils.ActivePods): Running, Unknown, then the rest; fewer restarts first.</summary>
    public static readonly PodOrder MostActiveFirst = new(pod => pod.Status?.Phase switch
    {
        "Running" => 0,
        "Unknown" => 1,
        _ => 2,
    }, fewerRestartsFirst: true);

    private readonly Func<V1Pod, int> _phaseRank;
    private readonly bool _fewerRestartsFirst;

    private PodOrder(Func<V1Pod, int> phaseRank, bool fewerRestartsFirst) =>
        (_phaseRank, _fewerRestartsFirst) = (phaseRank, fewerRestartsFirst);

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

        int phase = _phaseRank(x).CompareTo(_phaseRank(y));
        if (phase != 0)
            return phase;

        var xReady = ReadySince(x);
        var yReady = ReadySince(y);
        if (xReady.HasValue != yReady.HasValue)
            return xReady.HasValue ? -1 : 1;
        if (xReady.HasValue && xReady != yReady)
            return xReady.Value.CompareTo(yReady!.Value);

        int restarts = _fewerRestartsFirst ? MaxRestarts(x).CompareTo(MaxRestarts(y)) : MaxRestarts(y).CompareTo(MaxRestarts(x));
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

    // A ready pod without a transition time counts as ready for the shortest time.
    private static DateTime? ReadySince(V1Pod pod)
    {
        var ready = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
        return ready?.Status == "True" ? ready.LastTransitionTime ?? DateTime.MaxValue : null;
    }

    private static int MaxRestarts(V1Pod pod) =>
        pod.Status?.ContainerStatuses?.Select(c => c.RestartCount).DefaultIfEmpty(0).Max() ?? 0;
}
