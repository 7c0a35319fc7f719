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
    public const string DaemonSetFatal = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
    public const string DaemonSetWarning = "ignoring DaemonSet-managed Pods";
    public const string LocalStorageFatal = "Pods with local storage (use --delete-emptydir-data to override)";
    public const string LocalStorageWarning = "deleting Pods with local storage";
    public const string UnmanagedFatal = "cannot delete Pods that declare no controller (use --force to override)";
    public const string UnmanagedWarning = "deleting Pods that declare no controller";
    public const string MirrorAnnotation = "kubernetes.io/config.mirror";

    private readonly DrainSettings _settings;
    private readonly Func<string, string, CancellationToken, Task<string?>> _daemonSetError;
    private readonly Func<DateTime> _now;

    /// <param name="daemonSetError">
    /// Reads the DaemonSet (namespace, name): null when it exists, else the error text; the text of a
    /// 404 must start with "NotFound:" so --force can tell an orphan from another failure.
    /// </param>
    public DrainFilters(DrainSettings settings, Func<string, string, CancellationToken, Task<string?>> daemonSetError, Func<DateTime>? now = null)
    {
        _settings = settings;
        _daemonSetError = daemonSetError;
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
        var error = await _daemonSetError(pod.Metadata.NamespaceProperty, owner.Name, cancel).ConfigureAwait(false);
        if (error is not null)
        {
            const string notFound = "NotFound:";
            if (error.StartsWith(notFound, StringComparison.Ordinal))
            {
                var text = error[notFound.Length..].TrimStart();
                return _settings.Force ? PodDeleteStatus.Warn(true, text) : PodDeleteStatus.Fail(text);
            }
            return PodDeleteStatus.Fail(error);
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
