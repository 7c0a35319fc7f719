using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.Volumes;

/// <summary>
/// A sandbox for the volume tests, started once per test class with the given isolation mode
/// (<see cref="IsolatedVolumeSandbox"/>, <see cref="HostModeVolumeSandbox"/>), with namespace <see cref="Namespace"/>.
/// </summary>
public abstract class VolumeSandbox : IDisposable
{
    public const string Namespace = "vol";
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "pk8s-vol-" + Guid.NewGuid().ToString("N")[..8]);
    public SandboxProcess Server { get; }
    public Kubectl Kubectl { get; }

    protected VolumeSandbox(string isolation)
    {
        Server = SandboxProcess.Start(Path.Combine(Root, "data"), null, "--isolation", isolation, "--pod-start-delay", "0s");
        Kubectl = new Kubectl(Server.KubeconfigPath, Path.Combine(Root, "kube-cache"));
        Kubectl.Ok("create", "namespace", Namespace);
        SandboxFixture.WaitForNamespaceDefaults(Server.AdminClient(), Namespace);
    }

    public void Apply(string yaml)
    {
        var r = Kubectl.Run(new[] { "-n", Namespace, "apply", "-f", "-" }, yaml, null);
        Assert.True(r.ExitCode == 0, r.ToString());
    }

    public string Ok(params string[] args) => Kubectl.Ok(new[] { "-n", Namespace }.Concat(args).ToArray());

    public void WaitReady(params string[] pods) =>
        Ok(new[] { "wait", "--for=condition=Ready", "--timeout=60s" }.Concat(pods.Select(p => "pod/" + p)).ToArray());

    public KubectlResult Exec(string pod, string? container, params string[] command) =>
        Kubectl.Run(new[] { "-n", Namespace, "exec", pod }.Concat(container is null ? Array.Empty<string>() : new[] { "-c", container })
            .Concat(new[] { "--" }).Concat(command), null, null);

    public string ExecOk(string pod, params string[] command)
    {
        var r = Exec(pod, null, command);
        Assert.True(r.ExitCode == 0, r.ToString());
        return r.Stdout;
    }

    /// <summary>Polls <paramref name="read"/> until it returns <paramref name="expected"/> (at most <paramref name="seconds"/>); the last value read.</summary>
    public static string Eventually(Func<string> read, string expected, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var value = read();
        while (value != expected && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(200);
            value = read();
        }
        return value;
    }

    public void Dispose()
    {
        Server.Dispose();
        try { Directory.Delete(Root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public sealed class IsolatedVolumeSandbox() : VolumeSandbox("namespaces");

public sealed class HostModeVolumeSandbox() : VolumeSandbox("none");
