using System.Reflection;
using PracticeK8s.Sandbox.Runtime.Processes;

namespace PracticeK8s.Sandbox.Runtime.Isolation;

/// <summary>
/// Command lines that run a container in namespaces of its own (util-linux <c>unshare</c> and the
/// root-building script <c>enter-container-root.sh</c>), and that enter a running container's
/// namespaces and root (<c>nsenter</c>) for exec and cp.
/// </summary>
public sealed class NamespaceLauncher
{
    public static readonly string? Unshare = OperatingSystem.IsLinux() ? HostShell.FindOnPath("unshare") : null;
    public static readonly string? Nsenter = OperatingSystem.IsLinux() ? HostShell.FindOnPath("nsenter") : null;
    private const string ScriptName = "enter-container-root.sh";

    /// <summary>The installed script (0600 like every file in the data dir: /bin/sh reads it, nothing executes it).</summary>
    public string ScriptPath { get; }

    private NamespaceLauncher(string scriptPath) => ScriptPath = scriptPath;

    /// <summary>Writes the script into <paramref name="runtimeDirectory"/>, replacing any earlier copy.</summary>
    public static NamespaceLauncher Install(string runtimeDirectory)
    {
        using var resource = Assembly.GetExecutingAssembly().GetManifestResourceStream(ScriptName)
                             ?? throw new InvalidOperationException($"{ScriptName} is missing from the sandbox");
        using var reader = new StreamReader(resource);
        var path = Path.Combine(runtimeDirectory, ScriptName);
        Security.PrivateFiles.WriteAtomically(path, reader.ReadToEnd());
        return new NamespaceLauncher(path);
    }

    /// <summary>The container's main process: its command as PID 1 of new namespaces inside <paramref name="rootDirectory"/>.</summary>
    /// <param name="mountList">the container's volume list (<see cref="Volumes.MountList"/>), null when it has none.</param>
    /// <param name="pod">the pod's network namespace and the cluster's user namespace owning it: the container
    /// joins both (its other namespaces are then made in that user namespace); null: a user namespace of its own, the host's network.</param>
    public IReadOnlyList<string> ContainerArgv(string rootDirectory, string hostname, string workingDir, IReadOnlyList<string> command,
        string? mountList = null, PodNamespaces? pod = null)
    {
        var join = pod is null
            ? new[] { Unshare!, "--user", "--map-root-user" }
            : new[] { Nsenter!, $"--user={pod.UserNamespace}", $"--net={pod.NetworkNamespace}", "--preserve-credentials", "--", Unshare! };
        return join.Concat(new[] { "--mount", "--pid", "--fork", "--uts", "--ipc", "--kill-child",
                "/bin/sh", ScriptPath, rootDirectory, hostname, workingDir, mountList ?? "" })
            .Concat(command).ToList();
    }

    /// <summary>
    /// An ephemeral container targeting another container (kubectl debug --target): its own root, mount,
    /// UTS and IPC namespaces, but the PID namespace (and the user namespace owning it, and the pod's
    /// network when it has one) of the target's PID 1, host PID <paramref name="targetPid"/>. nsenter
    /// does not fork (-F): unshare runs in its process and forks the script into the target's PID namespace.
    /// </summary>
    public IReadOnlyList<string> ContainerArgvInTarget(string rootDirectory, string hostname, string workingDir, IReadOnlyList<string> command,
        string? mountList, int targetPid, bool podNetwork)
    {
        var ns = $"/proc/{targetPid.ToString(System.Globalization.CultureInfo.InvariantCulture)}/ns";
        var join = new List<string> { Nsenter!, "-F", $"--user={ns}/user", $"--pid={ns}/pid" };
        if (podNetwork) join.Add($"--net={ns}/net");
        join.AddRange(new[] { "--preserve-credentials", "--", Unshare!, "--mount", "--fork", "--uts", "--ipc", "--kill-child",
            "/bin/sh", ScriptPath, rootDirectory, hostname, workingDir, mountList ?? "" });
        return join.Concat(command).ToList();
    }

    /// <summary>
    /// A command inside the running container whose PID 1 has host PID <paramref name="containerPid"/>:
    /// its namespaces, its root, and its working directory (PID 1 starts in the container's
    /// workingDir). A named <c>--wd</c> is not used: nsenter opens it before entering the root, so a
    /// symlink the container planted there would lead outside.
    /// </summary>
    /// <param name="network">the container has its pod's network namespace: join it too.</param>
    public static IReadOnlyList<string> EnterArgv(int containerPid, IReadOnlyList<string> command, bool network = false) =>
        new[] { Nsenter!, "--target", containerPid.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--user", "--mount", "--pid", "--uts", "--ipc" }
            .Concat(network ? new[] { "--net" } : Array.Empty<string>())
            .Concat(new[] { "--preserve-credentials", "--root", "--wd" })
            .Concat(command).ToList();

    /// <summary>
    /// The host PID of the container's PID 1 (the child of <c>unshare</c>, whose host PID is
    /// <paramref name="unsharePid"/>), once it has built the root and become the container's command;
    /// null when it does not within <paramref name="timeout"/> or has ended.
    /// </summary>
    public async Task<int?> WaitForContainerPidAsync(int unsharePid, TimeSpan timeout, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        var delay = 5;
        while (DateTime.UtcNow < deadline)
        {
            if (ChildOf(unsharePid) is { } child && IsPastSetup(child)) return child;
            if (!Directory.Exists($"/proc/{unsharePid}")) return null;
            await Task.Delay(delay, ct);
            delay = Math.Min(delay * 2, 50);
        }
        return null;
    }

    private static int? ChildOf(int pid)
    {
        try
        {
            var children = File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return children.Length > 0 && int.TryParse(children[0], out var c) ? c : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>The script exec'ed the command: its name is gone from the process's command line.</summary>
    private bool IsPastSetup(int pid)
    {
        try
        {
            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline");
            return cmdline.Length > 0 && !cmdline.Contains(ScriptPath, StringComparison.Ordinal);
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }
}
