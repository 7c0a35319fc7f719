using PracticeK8s.Sandbox.Runtime.Processes;

namespace PracticeK8s.Sandbox.Runtime;

/// <summary>
/// How a command runs inside a running container (exec, cp, lifecycle hooks): isolated, it enters
/// the namespaces and root of the container's PID 1 unchanged; in host-process mode it runs in the
/// container's directory with its absolute paths mapped into it.
/// </summary>
public static class ExecLaunch
{
    public static async Task<LaunchSpec> ForAsync(ContainerSupervisor c, IReadOnlyList<string> command, bool tty, CancellationToken ct)
    {
        if (command.Count == 0) throw new ContainerRuntimeException(ContainerRuntimeError.StartFailed, "you must specify at least one command for the container");
        return c.RunsIsolated ? await Isolated(c, command, tty, ct) : Host(c, command, tty);
    }

    /// <summary>Runs its arguments as a session leader on the terminal named in <see cref="LaunchSpec.TerminalVariable"/> (as-is without one).</summary>
    private static readonly string[] TerminalSession =
    {
        "/bin/sh", "-c",
        "t=$" + LaunchSpec.TerminalVariable + "; unset " + LaunchSpec.TerminalVariable + "; [ -c \"$t\" ] || exec \"$@\"; " +
        "exec setsid /bin/sh -c 'exec 0<>\"$0\" 1>&0 2>&0; exec \"$@\"' \"$t\" \"$@\"",
        "sh",
    };

    /// <summary>Where the container's devpts instance is (see enter-container-root.sh): /dev/.pts beside a tty: true container's own terminal.</summary>
    private static string TerminalDevicesInside(ContainerSupervisor c) => c.Spec.Tty ? "/dev/.pts" : "/dev/pts";

    /// <summary>containerd's words for a program that is not there (kubectl shows them after "error: " and exits 1).</summary>
    private static ContainerRuntimeException NotFound(IReadOnlyList<string> command) => new(ContainerRuntimeError.StartFailed,
        $"failed to exec in container: failed to start exec \"{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).ToLowerInvariant()}\": " +
        $"OCI runtime exec failed: exec failed: unable to start container process: {HostShell.NotFoundMessage(command[0])}: unknown");

    private static LaunchSpec Host(ContainerSupervisor c, IReadOnlyList<string> command, bool tty)
    {
        var argv = HostShell.Resolve(c.Root.MapArguments(command)) ?? throw NotFound(command);
        return new LaunchSpec(argv, c.Root.WorkingDirectory(c.Spec.WorkingDir),
            ContainerLaunch.Environment(c.Spec, c.PodName, c.Root.Map("/root"), tty), tty, new TerminalSize(80, 24));
    }

    private static async Task<LaunchSpec> Isolated(ContainerSupervisor c, IReadOnlyList<string> command, bool tty, CancellationToken ct)
    {
        var env = ContainerLaunch.Environment(c.Spec, c.Hostname, "/root", tty);
        var argv = Isolation.ContainerCommand.Resolve(command, c.Root, env["PATH"]) ?? throw NotFound(command);
        var pid = await c.ContainerPidAsync().WaitAsync(ct)
                  ?? throw new ContainerRuntimeException(ContainerRuntimeError.NotRunning, $"container not found (\"{c.Name}\")");
        if (!tty) return new LaunchSpec(Isolation.NamespaceLauncher.EnterArgv(pid, argv, c.HasPodNetwork), c.Root.Directory, env);
        // A terminal of the container's own devpts (the command sees it as /dev/pts/N), opened inside by a
        // session of the container's own: a shell's job control then finds its process groups there.
        return new LaunchSpec(Isolation.NamespaceLauncher.EnterArgv(pid, TerminalSession.Concat(argv).ToList(), c.HasPodNetwork), c.Root.Directory, env, tty,
            new TerminalSize(80, 24), TerminalInside: true, TerminalDevices: $"/proc/{pid}/root{TerminalDevicesInside(c)}");
    }
}
