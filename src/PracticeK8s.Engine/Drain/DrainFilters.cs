using k8s.Models;

namespace PracticeK8s.Engine.Drain;

/// <summary>
/// kubectl drain's pod filters, in its order: skip long-deleted pods, DaemonSet pods, mirror pods,
/// pods with emptyDir data, pods without a controller. A pod's evaluation stops at the first filter
/// that does not delete it; only the last status evaluated counts (so an earlier warning can be
/// replaced by a later Okay, as in kubectl).
/// </summary>
public sealed class DrainFilters
{
    public static readonly DrainRule DaemonSetFatal = new(DrainCause.DaemonSetManaged, "DaemonSet-managed Pods (use -IgnoreDaemonSets to ignore)");
    public static readonly DrainRule DaemonSetWarning = new(DrainCause.DaemonSetManaged, "ignoring DaemonSet-managed Pods");
    public static readonly DrainRule LocalStorageFatal = new(DrainCause.LocalStorage, "Pods with local storage (use -DeleteEmptyDirData to override)");
    public static readonly DrainRule LocalStorageWarning = new(DrainCause.LocalStorage, "deleting Pods with local storage");
    public static readonly DrainRule UnmanagedFatal = new(DrainCause.NoController, "Pods that declare no controller (use -Force to override)");
    public static readonly DrainRule UnmanagedWarning = new(DrainCause.NoController, "deleting Pods that declare no controller");
    public const string MirrorAnnotation = "kubernetes.io/config.mirror";

    private readonly DrainSettings _settings;
    private readonly Func<string, string, CancellationToken, Task<DaemonSetLookup>> _findDaemonSet;
    private readonly Func<DateTime> _now;

    /// <param name="findDaemonSet">Reads the DaemonSet (namespace, name): exists, gone (an orphan, which -Force deletes) or unreadable.</param>
    public DrainFilters(DrainSettings settings, Func<string, string, CancellationToken, Task<DaemonSetLookup>> findDaemonSet, Func<DateTime>? now = null)
    {
        _settings = settings;
        _findDaemonSet = findDaemonSet;
        _now = now ?? (() => DateTime.UtcNow);
    }

    public async Task<PodDeleteStatus> EvaluateAsync(V1Pod pod, CancellationToken cancel)
    {
        var status = SkipDeleted(pod);
        if (!status.Delete)
            return status;
        status = await DaemonSetAsync(pod, cancel).ConfigureAwait(false);
        if (!status.Delete)
            return status;
        status = Mirror(pod);
        if (!status.Delete)
            return status;
        status = LocalStorage(pod);
        if (!status.Delete)
            return status;
        return Unreplicated(pod);
    }

    internal PodDeleteStatus SkipDeleted(V1Pod pod)
    {
        var seconds = _settings.SkipWaitForDeleteTimeoutSeconds;
        return seconds > 0 && IsDeletedLongerThan(pod.Metadata?.DeletionTimestamp, seconds, _now())
            ? PodDeleteStatus.Skip($"deleted more than {seconds} seconds ago") : PodDeleteStatus.Okay;
    }

    internal async Task<PodDeleteStatus> DaemonSetAsync(V1Pod pod, CancellationToken cancel)
    {
        var owner = Controller(pod);
        if (owner is null || owner.Kind != "DaemonSet" || IsFinished(pod))
            return PodDeleteStatus.Okay;
        var daemonSet = await _findDaemonSet(pod.Metadata.NamespaceProperty, owner.Name, cancel).ConfigureAwait(false);
        switch (daemonSet.State)
        {
            case DaemonSetState.NotFound:
                return _settings.Force ? PodDeleteStatus.Warn(true, daemonSet.Error) : PodDeleteStatus.Fail(daemonSet.Error);
            case DaemonSetState.Unreadable:
                return PodDeleteStatus.Fail(daemonSet.Error);
        }
        return _settings.IgnoreDaemonSets ? PodDeleteStatus.Warn(false, DaemonSetWarning) : PodDeleteStatus.Fail(DaemonSetFatal);
    }

    internal static PodDeleteStatus Mirror(V1Pod pod) =>
        pod.Metadata?.Annotations?.ContainsKey(MirrorAnnotation) == true ? PodDeleteStatus.Skip("mirror pod") : PodDeleteStatus.Okay;

    internal PodDeleteStatus LocalStorage(V1Pod pod)
    {
        if (!(pod.Spec?.Volumes?.Any(v => v.EmptyDir is not null) ?? false) || IsFinished(pod))
            return PodDeleteStatus.Okay;
        return _settings.DeleteEmptyDirData ? PodDeleteStatus.Warn(true, LocalStorageWarning) : PodDeleteStatus.Fail(LocalStorageFatal);
    }

    internal PodDeleteStatus Unreplicated(V1Pod pod)
    {
        if (IsFinished(pod) || Controller(pod) is not null)
            return PodDeleteStatus.Okay;
        return _settings.Force ? PodDeleteStatus.Warn(true, UnmanagedWarning) : PodDeleteStatus.Fail(UnmanagedFatal);
    }

    public static V1OwnerReference? Controller(V1Pod pod) =>
        pod.Metadata?.OwnerReferences?.FirstOrDefault(o => o.Controller == true);

    public static bool IsFinished(V1Pod pod) => pod.Status?.Phase is "Succeeded" or "Failed";

    public static bool IsDeletedLongerThan(DateTime? deletionTimestamp, int seconds, DateTime now) =>
        deletionTimestamp is { } deleted && (int)(now - deleted.ToUniversalTime()).TotalSeconds > seconds;
}
