using PracticeK8s.Sandbox.Runtime.FileSystem;
using PracticeK8s.Sandbox.Runtime.Processes;

namespace PracticeK8s.Sandbox.Runtime.Isolation;

/// <summary>
/// Finds a command as the isolated container sees it: its root is the container's own directory
/// with the host's system directories (<see cref="SystemDirectories"/>) mounted in, so a path exists
/// there when it exists in the container's directory or, under a system directory, on the host.
/// Image shells (<c>/bin/ash</c>, <c>bash</c>) become the host's shell, as in host-process mode.
/// </summary>
public static class ContainerCommand
{
    /// <summary>The host directories the container root shows read-only (kept in step with enter-container-root.sh).</summary>
    public static readonly string[] SystemDirectories = { "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32" };

    /// <summary>The argv to run inside the container, or null when its program does not exist there.</summary>
    public static IReadOnlyList<string>? Resolve(IReadOnlyList<string> argv, ContainerRoot root, string path)
    {
        if (argv.Count == 0) return null;
        var name = argv[0];
        var baseName = name[(name.LastIndexOf('/') + 1)..];
        if (HostShell.IsShellName(baseName) && !Exists(root, name)) return HostShell.Resolve(argv);
        if (name.Contains('/'))
            return Exists(root, name.StartsWith('/') ? name : "/" + name) ? argv : null;
        foreach (var dir in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = dir.TrimEnd('/') + "/" + name;
            if (candidate.StartsWith('/') && Exists(root, candidate)) return argv;
        }
        return null;
    }

    private static bool Exists(ContainerRoot root, string containerPath)
    {
        if (File.Exists(root.Map(containerPath))) return true;
        var normalized = root.Map(containerPath)[root.Directory.Length..].Replace('\\', '/');
        return SystemDirectories.Any(d => normalized == d || normalized.StartsWith(d + "/", StringComparison.Ordinal)) && File.Exists(normalized);
    }
}
