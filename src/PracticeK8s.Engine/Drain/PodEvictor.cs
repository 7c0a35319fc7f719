using System.Net;
using k8s.Models;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.Drain;

/// <summary>How one pod's eviction ended: gone (evicted or deleted), or the error that stopped it.</summary>
public sealed record PodOutcome(string Namespace, string Name, bool Gone, string? Error)
{
    public string Key => $"{Namespace}/{Name}";
}

/// <summary>
/// kubectl drain's eviction loop: every pod evicted in parallel; 429 (a PodDisruptionBudget) retried
/// every RetryInterval; 404 means already gone; then each pod polled every PollInterval until it is
/// gone or replaced (new UID). In delete mode pods are deleted one after another, then waited for.
/// One deadline (Timeout) covers evicting and waiting.
/// </summary>
internal sealed class PodEvictor
{
    private readonly IDrainApi _api;
    private readonly DrainSettings _settings;
    private readonly DrainReport _report;
    private readonly Func<DateTime> _now;
    private int _done;
    private int _total;

    public PodEvictor(IDrainApi api, DrainSettings settings, DrainReport report, Func<DateTime>? now = null)
    {
        _api = api;
        _settings = settings;
        _report = report;
        _now = now ?? (() => DateTime.UtcNow);
    }

    public async Task<IReadOnlyList<PodOutcome>> RunAsync(IReadOnlyList<V1Pod> pods, CancellationToken cancel)
    {
        _total = pods.Count;
        _done = 0;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        if (_settings.Timeout is { } timeout && timeout > TimeSpan.Zero)
            deadline.CancelAfter(timeout);
        if (_settings.DisableEviction)
            return await DeleteAllAsync(pods, deadline.Token, cancel).ConfigureAwait(false);

        var outcomes = new PodOutcome[pods.Count];
        using var gate = new SemaphoreSlim(Math.Max(1, _settings.MaxParallelEvictions));
        await Task.WhenAll(pods.Select(async (pod, i) =>
        {
            await gate.WaitAsync(cancel).ConfigureAwait(false);
            try { outcomes[i] = await EvictOneAsync(pod, deadline.Token, cancel).ConfigureAwait(false); }
            finally { gate.Release(); }
        })).ConfigureAwait(false);
        return outcomes;
    }

    private async Task<PodOutcome> EvictOneAsync(V1Pod pod, CancellationToken deadline, CancellationToken cancel)
    {
        var ns = pod.Metadata.NamespaceProperty;
        var name = pod.Metadata.Name;
        var evicting = $"error when evicting pods/\"{name}\" -n \"{ns}\"";
        while (true)
        {
            if (deadline.IsCancellationRequested)
                return TimedOut(pod, cancel, evicting);
            _report.Info?.Invoke($"evicting pod {ns}/{name}");
            try
            {
                await _api.EvictAsync(pod, _settings.GracePeriodSeconds, deadline).ConfigureAwait(false);
                break;
            }
            catch (KubeApiException e) when (e.IsNotFound)
            {
                Done();
                return new PodOutcome(ns, name, true, null);
            }
            catch (KubeApiException e) when (e.StatusCode == HttpStatusCode.TooManyRequests)
            {
                _report.Warning?.Invoke($"{evicting} (will retry after {GoDuration.Format(_settings.RetryInterval)}): {e.Message}");
            }
            catch (KubeApiException e) when (e.StatusCode == HttpStatusCode.Forbidden && HasCause(e, "NamespaceTerminating"))
            {
                if (pod.Metadata.DeletionTimestamp is not null)
                    break;
                _report.Warning?.Invoke($"error when evicting pod \"{name}\" from terminating namespace \"{ns}\" (will retry after {GoDuration.Format(_settings.RetryInterval)}): {e.Message}");
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                return TimedOut(pod, cancel, evicting);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new PodOutcome(ns, name, false, $"{evicting}: {e.Message}");
            }
            try
            {
                await Task.Delay(_settings.RetryInterval, deadline).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return TimedOut(pod, cancel, evicting);
            }
        }
        return await WaitGoneAsync(pod, "evicted", deadline, cancel).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<PodOutcome>> DeleteAllAsync(IReadOnlyList<V1Pod> pods, CancellationToken deadline, CancellationToken cancel)
    {
        var pending = new List<V1Pod>();
        foreach (var pod in pods)
        {
            try
            {
                await _api.DeleteAsync(pod, _settings.GracePeriodSeconds, deadline).ConfigureAwait(false);
                pending.Add(pod);
            }
            catch (KubeApiException e) when (e.IsNotFound)
            {
                Done();
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                // kubectl stops at the first failed delete.
                var message = e is OperationCanceledException ? $"global timeout reached: {GoDuration.Format(_settings.Timeout ?? TimeSpan.Zero)}" : e.Message;
                return pods.Select(p => new PodOutcome(p.Metadata.NamespaceProperty, p.Metadata.Name, false, p == pod
                    ? $"error when deleting pods/\"{p.Metadata.Name}\" -n \"{p.Metadata.NamespaceProperty}\": {message}"
                    : null)).ToList();
            }
        }
        var waits = await Task.WhenAll(pending.Select(p => WaitGoneAsync(p, "deleted", deadline, cancel))).ConfigureAwait(false);
        var byKey = waits.ToDictionary(w => w.Key);
        return pods.Select(p => byKey.TryGetValue($"{p.Metadata.NamespaceProperty}/{p.Metadata.Name}", out var o)
            ? o : new PodOutcome(p.Metadata.NamespaceProperty, p.Metadata.Name, true, null)).ToList();
    }

    private async Task<PodOutcome> WaitGoneAsync(V1Pod pod, string verb, CancellationToken deadline, CancellationToken cancel)
    {
        var ns = pod.Metadata.NamespaceProperty;
        var name = pod.Metadata.Name;
        var waitError = $"error when waiting for pod \"{name}\" in namespace \"{ns}\" to terminate";
        try
        {
            while (true)
            {
                var now = await _api.GetPodAsync(ns, name, deadline).ConfigureAwait(false);
                if (now is null || now.Value.Uid != pod.Metadata.Uid)
                {
                    _report.Info?.Invoke($"pod/{name} {verb}");
                    Done();
                    return new PodOutcome(ns, name, true, null);
                }
                var skip = _settings.SkipWaitForDeleteTimeoutSeconds;
                if (skip > 0 && DrainFilters.IsDeletedLongerThan(now.Value.DeletionTimestamp, skip, _now()))
                {
                    _report.Info?.Invoke($"pod \"{name}\" has DeletionTimestamp older than {skip} seconds, skipping");
                    Done();
                    return new PodOutcome(ns, name, true, null);
                }
                await Task.Delay(_settings.PollInterval, deadline).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return TimedOut(pod, cancel, waitError);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new PodOutcome(ns, name, false, $"{waitError}: {e.Message}");
        }
    }

    private PodOutcome TimedOut(V1Pod pod, CancellationToken cancel, string what)
    {
        cancel.ThrowIfCancellationRequested();
        return new PodOutcome(pod.Metadata.NamespaceProperty, pod.Metadata.Name, false,
            $"{what}: global timeout reached: {GoDuration.Format(_settings.Timeout ?? TimeSpan.Zero)}");
    }

    private void Done() => _report.Progress?.Invoke(Interlocked.Increment(ref _done), _total);

    private static bool HasCause(KubeApiException e, string reason) =>
        e.Details?.Causes.Any(c => c.Reason == reason) == true;
}
