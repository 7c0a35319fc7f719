namespace PracticeK8s.Sandbox.Runtime.Processes;

/// <summary>
/// A built-in image's container when isolation is on: the simulated server (startup log, HTTP) and
/// the stand-in PID 1 that holds the container's namespaces live and end together. Stopped by the
/// runtime, the container ends with the simulated process's code; if PID 1 ends first (SIGTERM from
/// inside the pod, a kill), with PID 1's.
/// </summary>
public sealed class IsolatedImageProcess : IContainerProcess
{
    private readonly SimulatedProcess _simulated;

    public IsolatedImageProcess(HostProcess standIn, SimulatedProcess simulated)
    {
        StandIn = standIn;
        _simulated = simulated;
        Completion = WaitAsync();
    }

    /// <summary>The host process that runs PID 1 (unshare).</summary>
    public HostProcess StandIn { get; }

    public Task<int> Completion { get; }

    private async Task<int> WaitAsync()
    {
        var first = await Task.WhenAny(StandIn.Completion, _simulated.Completion);
        if (first == StandIn.Completion) return await StandIn.Completion;
        StandIn.Kill();
        await StandIn.Completion;
        return await _simulated.Completion;
    }

    public ValueTask<bool> WriteInputAsync(ReadOnlyMemory<byte> data, CancellationToken ct) => StandIn.WriteInputAsync(data, ct);
    public void CloseInput() => StandIn.CloseInput();
    /// <summary>The simulated server stops as it does on SIGTERM (exit 0); its stand-in goes with it.</summary>
    public void Terminate() => _simulated.Terminate();

    public void Kill()
    {
        _simulated.Kill();
        StandIn.Kill();
    }

    public void Resize(TerminalSize size) => StandIn.Resize(size);

    public async ValueTask DisposeAsync()
    {
        await StandIn.DisposeAsync();
        await _simulated.DisposeAsync();
    }
}
