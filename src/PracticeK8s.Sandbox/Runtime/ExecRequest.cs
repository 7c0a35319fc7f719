using System.Threading.Channels;

namespace PracticeK8s.Sandbox.Runtime;

/// <summary>A terminal size (pods/exec resize channel: <c>{"Width":80,"Height":24}</c>).</summary>
public readonly record struct TerminalSize(ushort Width, ushort Height);

/// <summary>
/// One exec (or attach) session. Streams are null for channels the client did not ask for. The
/// runtime reads <see cref="Stdin"/> until it ends (EOF closes the process's stdin), writes the
/// process's output to <see cref="Stdout"/>/<see cref="Stderr"/> (with a TTY everything goes to
/// stdout) and applies each size read from <see cref="Resize"/> to the terminal.
/// </summary>
public sealed record ExecRequest(
    IReadOnlyList<string> Command,
    Stream? Stdin,
    Stream? Stdout,
    Stream? Stderr,
    bool Tty = false,
    ChannelReader<TerminalSize>? Resize = null);

/// <summary>Why an exec, attach or log request cannot be served (the handler turns it into a Status).</summary>
public sealed class ContainerRuntimeException(ContainerRuntimeError error, string message) : Exception(message)
{
    public ContainerRuntimeError Error { get; } = error;
}

public enum ContainerRuntimeError
{
    /// <summary>No such pod or container in the runtime.</summary>
    NotFound,
    /// <summary>The container exists but does not run (waiting or terminated).</summary>
    NotRunning,
    /// <summary>The command could not be started (e.g. executable not found).</summary>
    StartFailed,
}
