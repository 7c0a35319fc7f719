namespace PracticeK8s.Sandbox.Runtime.Processes;

/// <summary>
/// A process that exists only in the runtime: it writes its startup lines and then runs until it is
/// told to stop (exit code 0 on SIGTERM, as nginx and the Go servers exit gracefully; 137 when killed).
/// Input is accepted and discarded.
/// </summary>
public sealed class SimulatedProcess : IContainerProcess
{
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SimulatedProcess(IEnumerable<string> startupLines, Action<OutputStream, string> output)
    {
        foreach (var line in startupLines) output(OutputStream.Stdout, line + "\n");
    }

    public Task<int> Completion => _exit.Task;

    public ValueTask<bool> WriteInputAsync(ReadOnlyMemory<byte> data, CancellationToken ct) => ValueTask.FromResult(!_exit.Task.IsCompleted);
    public void CloseInput() { }
    public void Terminate() => _exit.TrySetResult(0);
    public void Kill() => _exit.TrySetResult(137);
    public void Resize(TerminalSize size) { }

    public ValueTask DisposeAsync()
    {
        _exit.TrySetResult(137);
        return ValueTask.CompletedTask;
    }
}
