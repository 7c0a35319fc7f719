using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PracticeK8s.Sandbox.Lifecycle;

/// <summary>A background loop that runs <see cref="Tick"/> every <see cref="Interval"/> until shutdown.</summary>
public abstract class PeriodicTask(ILogger log) : BackgroundService
{
    protected virtual TimeSpan Interval => TimeSpan.FromMilliseconds(250);

    protected abstract void Tick();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try { Tick(); }
                catch (Exception e) { log.LogWarning(e, "{Task} failed", GetType().Name); }
            }
        }
        catch (OperationCanceledException) { }
    }
}
