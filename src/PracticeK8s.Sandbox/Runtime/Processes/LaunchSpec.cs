namespace PracticeK8s.Sandbox.Runtime.Processes;

/// <summary>
/// How to start a host process: the resolved argv (see <see cref="HostShell.Resolve"/>), its working
/// directory and complete environment, and whether it gets a terminal (and its first size).
/// </summary>
public sealed record LaunchSpec(
    IReadOnlyList<string> Argv,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    bool Tty = false,
    TerminalSize InitialSize = default);

/// <summary>Which output stream a chunk came from.</summary>
public enum OutputStream { Stdout, Stderr }
