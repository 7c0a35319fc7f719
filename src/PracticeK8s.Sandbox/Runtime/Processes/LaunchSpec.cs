namespace PracticeK8s.Sandbox.Runtime.Processes;

/// <summary>
/// How to start a host process: the resolved argv (see <see cref="HostShell.Resolve"/>), its working
/// directory and complete environment, and whether it gets a terminal (and its first size).
/// <see cref="TerminalInside"/>: the program opens the terminal itself, from the path in
/// <see cref="TerminalVariable"/> (a container that makes it the terminal of a session of its own).
/// <see cref="TerminalDevices"/>: the devpts directory to take the terminal from (an isolated
/// container's own /dev/pts, so the program sees its terminal inside); the host's when null or unusable.
/// </summary>
public sealed record LaunchSpec(
    IReadOnlyList<string> Argv,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    bool Tty = false,
    TerminalSize InitialSize = default,
    bool TerminalInside = false,
    string? TerminalDevices = null)
{
    public const string TerminalVariable = "PRACTICEK8S_CONTAINER_TTY";
}

/// <summary>Which output stream a chunk came from.</summary>
public enum OutputStream { Stdout, Stderr }
