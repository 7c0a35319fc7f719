using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.Isolation;

/// <summary>
/// A sandbox started with <c>--isolation namespaces</c> and two busybox pods in it, started once for
/// the class: <c>box</c> (sleep) and <c>named</c> (spec.hostname h1, spec.subdomain sub). Beside the
/// data dir lies a stand-in for a user's kubeconfig that no pod may read.
/// </summary>
public sealed class IsolatedSandbox : IDisposable
{
    public const string Namespace = "iso";
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "pk8s-iso-" + Guid.NewGuid().ToString("N")[..8]);
    public SandboxProcess Server { get; }
    public Kubectl Kubectl { get; }
    public string UserKubeconfig { get; }

    public IsolatedSandbox()
    {
        Server = SandboxProcess.Start(Path.Combine(Root, "data"), null, "--isolation", "namespaces", "--pod-start-delay", "0s");
        Kubectl = new Kubectl(Server.KubeconfigPath, Path.Combine(Root, "kube-cache"));
        UserKubeconfig = Path.Combine(Root, "home", ".kube", "config");
        Directory.CreateDirectory(Path.GetDirectoryName(UserKubeconfig)!);
        File.WriteAllText(UserKubeconfig, "apiVersion: v1\nkind: Config\n# secret-marker\n");
        Kubectl.Ok("create", "namespace", Namespace);
        SandboxFixture.WaitForNamespaceDefaults(Server.AdminClient(), Namespace);
        Kubectl.Run(new[] { "-n", Namespace, "apply", "-f", "-" }, """
            apiVersion: v1
            kind: Pod
            metadata: {name: box}
            spec:
              terminationGracePeriodSeconds: 1
              containers: [{name: c, image: busybox, command: [sleep, "3600"]}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: named}
            spec:
              hostname: h1
              subdomain: sub
              terminationGracePeriodSeconds: 1
              containers: [{name: c, image: busybox, command: [sh, -c, "sleep 3600"]}]
            """, null);
        Kubectl.Ok("-n", Namespace, "wait", "--for=condition=Ready", "pod/box", "pod/named", "--timeout=60s");
    }

    /// <summary>kubectl exec in pod <paramref name="pod"/> (exit code, stdout, stderr).</summary>
    public KubectlResult Exec(string pod, params string[] command) =>
        Kubectl.Run(new[] { "-n", Namespace, "exec", pod, "--" }.Concat(command), null, null);

    public string ExecOk(string pod, params string[] command)
    {
        var r = Exec(pod, command);
        Assert.True(r.ExitCode == 0, r.ToString());
        return r.Stdout;
    }

    public void Dispose()
    {
        Server.Dispose();
        try { Directory.Delete(Root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
