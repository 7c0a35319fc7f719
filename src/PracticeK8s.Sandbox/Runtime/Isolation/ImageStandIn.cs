using PracticeK8s.Sandbox.Runtime.Processes;

namespace PracticeK8s.Sandbox.Runtime.Isolation;

/// <summary>
/// PID 1 of an isolated container whose image is simulated in the sandbox (nginx, hello-app, the
/// kube-system stand-ins): it holds the container's namespaces and root for exec and cp, shows the
/// image's process name in <c>ps</c> and <c>/proc/1/cmdline</c>, and exits 0 on SIGTERM as those
/// servers do. perl (essential on Debian-family hosts) can rename its own command line; without it a
/// shell loop stands in under its own name.
/// </summary>
public static class ImageStandIn
{
    private static readonly string? Perl = FindSystemProgram("perl");

    public static IReadOnlyList<string> Argv(string processName) => Perl is not null
        ? new[] { Perl, "-e", "$0 = shift; $SIG{TERM} = sub { exit 0 }; sleep 3600 while 1;", processName }
        : new[] { "/bin/sh", "-c", "trap 'exit 0' TERM; while :; do sleep 3600 & wait $!; done" };

    /// <summary>A program the container root shows too (under one of the bind-mounted system directories).</summary>
    private static string? FindSystemProgram(string name)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var path = HostShell.FindOnPath(name);
        return path is not null && ContainerCommand.SystemDirectories.Any(d => path.StartsWith(d + "/", StringComparison.Ordinal)) ? path : null;
    }
}
