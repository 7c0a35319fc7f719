using PracticeK8s.Sandbox.Runtime.FileSystem;
using PracticeK8s.Sandbox.Runtime.Images;
using PracticeK8s.Sandbox.Runtime.Processes;

namespace PracticeK8s.Sandbox.Runtime;

/// <summary>
/// Decides how a container's main process runs: a host process (its command/args, or the shell of a
/// shell image), the simulated process of a built-in image, an idle simulated process (unknown image
/// without a command), or a start error (a command that exists neither here nor in a built-in image).
/// </summary>
public sealed record ContainerLaunch(IReadOnlyList<string>? HostArgv, BuiltinImage? Builtin, string? StartError)
{
    public bool IsHost => HostArgv is not null;

    /// <param name="isolated">true when the container runs in its own namespaces: its command is looked up in its own root, unchanged.</param>
    public static ContainerLaunch For(ContainerSpecification spec, ImageReference image, ContainerRoot root, bool isolated = false)
    {
        var kind = ImageCatalog.KindOf(image);
        var builtin = ImageCatalog.Builtin(image);
        IReadOnlyList<string> argv = spec.Command.Count > 0 ? spec.Command.Concat(spec.Args).ToList() : spec.Args;
        if (argv.Count == 0)
        {
            if (kind != ImageKind.Shell) return new ContainerLaunch(null, builtin, null);
            argv = new[] { image.ShortName is "ubuntu" or "debian" or "bash" or "fedora" or "centos" ? "bash" : "sh" };
        }
        else if (spec.Command.Count == 0 && kind == ImageKind.Builtin)
        {
            return new ContainerLaunch(null, builtin, null); // args for the image's own entrypoint
        }
        var resolved = isolated
            ? Isolation.ContainerCommand.Resolve(argv, root, Environment(spec, "", "/", false)["PATH"])
            : HostShell.Resolve(root.MapArguments(argv));
        if (resolved is not null) return new ContainerLaunch(resolved, null, null);
        if (kind == ImageKind.Builtin) return new ContainerLaunch(null, builtin, null); // the image's own program (nginx, /hello-app...)
        if (kind == ImageKind.Unknown && spec.Command.Count == 0) return new ContainerLaunch(null, null, null);
        return new ContainerLaunch(null, null,
            $"failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: {HostShell.NotFoundMessage(argv[0])}: unknown");
    }

    /// <summary>The environment of the container's processes: a PATH to local tools, identity, the container's env.</summary>
    public static Dictionary<string, string> Environment(ContainerSpecification spec, string podName, string home, bool tty)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = HostShell.ContainerPath,
            ["HOSTNAME"] = podName,
            ["HOME"] = home,
            // The kubernetes Service, or the sandbox's own address without a cluster network (see KubernetesServiceAddress).
            ["KUBERNETES_SERVICE_HOST"] = KubernetesServiceAddress.Host,
            ["KUBERNETES_SERVICE_PORT"] = KubernetesServiceAddress.Port,
            ["KUBERNETES_SERVICE_PORT_HTTPS"] = KubernetesServiceAddress.Port,
            ["KUBERNETES_PORT"] = $"tcp://{KubernetesServiceAddress.Host}:{KubernetesServiceAddress.Port}",
        };
        if (OperatingSystem.IsWindows())
            foreach (var key in new[] { "SystemRoot", "windir", "ComSpec", "PATHEXT", "TEMP", "TMP" })
                if (System.Environment.GetEnvironmentVariable(key) is { } v) env[key] = v;
        if (tty) env["TERM"] = "xterm";
        foreach (var (k, v) in spec.Env) env[k] = v;
        return env;
    }
}
