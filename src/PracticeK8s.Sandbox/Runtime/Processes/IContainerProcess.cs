namespace PracticeK8s.Sandbox.Runtime.Processes;

/// <summary>A running container instance or exec'd command: a host process or a simulated one.</summary>
public interface IContainerProcess : IAsyncDisposable
{
    /// <summary>Completes with the exit code (128 + signal when killed by a signal) once the process ended and its output was read.</summary>
    Task<int> Completion { get; }

    /// <summary>Writes to the process's stdin (or terminal). False when its input is closed.</summary>
    ValueTask<bool> WriteInputAsync(ReadOnlyMemory<byte> data, CancellationToken ct);

    /// <summary>Ends the process's input (EOF).</summary>
    void CloseInput();

    /// <summary>Asks the process to stop (SIGTERM to its group).</summary>
    void Terminate();

    /// <summary>Stops it now (SIGKILL to its group).</summary>
    void Kill();

    void Resize(TerminalSize size);
}
