using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Controllers;

/// <summary>
/// A level-triggered control loop: <see cref="Reconcile"/> runs whenever an object of a watched
/// kind changes (woken by the store's commit notification), when a time the loop asked for comes
/// (<see cref="WakeAt"/>), and at least every <see cref="ResyncInterval"/>. Each pass reads the
/// current state and writes only what differs, so repeated passes are harmless.
/// </summary>
public abstract class ControllerLoop(SandboxState state, ILogger log) : BackgroundService
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly object _wakeLock = new();
    private DateTime _wakeAt = DateTime.MaxValue;

    protected SandboxState State => state;

    /// <summary>Storage keys (<c>group/plural</c>) whose changes wake this loop.</summary>
    protected abstract IReadOnlyCollection<string> WatchedKeys { get; }

    protected virtual TimeSpan ResyncInterval => TimeSpan.FromSeconds(5);

    protected abstract void Reconcile();

    /// <summary>Asks for another pass no later than <paramref name="utc"/> (for delays and timeouts).</summary>
    protected void WakeAt(DateTime utc)
    {
        lock (_wakeLock)
            if (utc < _wakeAt) _wakeAt = utc;
    }

    /// <summary>Asks for another pass as soon as possible.</summary>
    public void Wake()
    {
        if (_signal.CurrentCount > 0) return;
        try { _signal.Release(); }
        catch (SemaphoreFullException) { }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var keys = WatchedKeys.ToHashSet(StringComparer.Ordinal);
        void OnCommit(StoreEvent e)
        {
            if (keys.Contains(e.Key)) Wake();
        }
        state.Store.Committed += OnCommit;
        try
        {
            await Task.Yield();
            while (!stoppingToken.IsCancellationRequested)
            {
                lock (_wakeLock) _wakeAt = DateTime.MaxValue;
                try { Reconcile(); }
                catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "{Controller} failed", GetType().Name); }
                var wait = ResyncInterval;
                lock (_wakeLock)
                    if (_wakeAt != DateTime.MaxValue)
                    {
                        var until = _wakeAt - DateTime.UtcNow;
                        if (until < wait) wait = until < TimeSpan.Zero ? TimeSpan.Zero : until;
                    }
                await _signal.WaitAsync(wait, stoppingToken);
            }
        }
        catch (OperationCanceledException) { }
        finally { state.Store.Committed -= OnCommit; }
    }
}
