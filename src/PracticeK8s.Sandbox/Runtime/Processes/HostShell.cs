namespace PracticeK8s.Sandbox.Runtime.Processes;

/// <summary>
/// Finds what to run on this machine for a container's argv: image shells (<c>sh</c>, <c>/bin/ash</c>,
/// <c>bash</c>) map to the local POSIX shell; other programs are looked up as given, then by name on
/// PATH. On Windows without a POSIX <c>sh</c>, <c>sh -c "script"</c> runs the script with PowerShell
/// (simple scripts such as <c>echo hi; sleep 3600</c> mean the same there) and a bare shell is <c>cmd</c>.
/// </summary>
public static class HostShell
{
    private static readonly HashSet<string> ShellNames = new(StringComparer.Ordinal) { "sh", "ash", "dash", "bash", "zsh", "ksh" };

    public static bool IsShellName(string name) => ShellNames.Contains(name);

    /// <summary>The program and arguments to start, or null when the program does not exist here.</summary>
    public static IReadOnlyList<string>? Resolve(IReadOnlyList<string> argv)
    {
        if (argv.Count == 0) return null;
        var name = argv[0].Replace('\\', '/');
        var baseName = name[(name.LastIndexOf('/') + 1)..];
        if (OperatingSystem.IsWindows() && baseName.EndsWith(".exe", StringComparison.OrdinalIgnoreCase)) baseName = baseName[..^4];
        if (ShellNames.Contains(baseName))
        {
            var shell = FindOnPath(baseName) ?? FindOnPath("sh");
            if (shell is not null) return new[] { shell }.Concat(argv.Skip(1)).ToList();
            if (OperatingSystem.IsWindows()) return WindowsShell(argv);
            return null;
        }
        if (name.Contains('/') && File.Exists(argv[0])) return argv;
        var found = FindOnPath(baseName);
        return found is null ? null : new[] { found }.Concat(argv.Skip(1)).ToList();
    }

    /// <summary><c>sh -c script [args]</c> → PowerShell; <c>sh</c> alone → cmd.</summary>
    private static IReadOnlyList<string> WindowsShell(IReadOnlyList<string> argv)
    {
        var ps = FindOnPath("pwsh") ?? FindOnPath("powershell") ?? "powershell.exe";
        if (argv.Count >= 3 && argv[1] == "-c") return new[] { ps, "-NoLogo", "-NoProfile", "-Command", argv[2] };
        return new[] { Environment.GetEnvironmentVariable("ComSpec") ?? "cmd.exe" };
    }

    public static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var extensions = OperatingSystem.IsWindows() ? new[] { ".exe", ".cmd", ".bat", "" } : new[] { "" };
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var ext in extensions)
            {
                var candidate = Path.Combine(dir, name + ext);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    /// <summary>containerd's wording when a container's program is missing.</summary>
    public static string NotFoundMessage(string program) =>
        $"exec: \"{program}\": executable file not found in $PATH";

    /// <summary>The PATH containers get: the host's, so local tools (sh, tar, sleep...) are found.</summary>
    public static string ContainerPath => Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary><c>setsid</c>, to give each process its own group (so its children can be stopped with it); null when absent.</summary>
    public static readonly string? Setsid = OperatingSystem.IsWindows() ? null : FindOnPath("setsid");
}
