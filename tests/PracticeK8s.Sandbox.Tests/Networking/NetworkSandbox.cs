using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.Networking;

/// <summary>
/// A sandbox with --isolation namespaces (pods in network namespaces of their own), started once for
/// the class, with: three hello-app replicas behind Service <c>hello</c> (8080) and behind
/// <c>sticky</c> (ClientIP affinity); two busybox pods <c>web-a</c>/<c>web-b</c> that serve HTTP from
/// a shell process of their own, both on port 8080, behind NodePort Service <c>web</c>; a busybox
/// <c>client</c> to call from.
/// </summary>
public sealed class NetworkSandbox : IDisposable
{
    public const string Namespace = "net";

    /// <summary>An HTTP server in a plain shell container (perl is on every host the sandbox runs on): answers "served by HOSTNAME".</summary>
    private const string ShellServer =
        "use IO::Socket::INET; my $s = IO::Socket::INET->new(LocalPort => 8080, Listen => 16, ReuseAddr => 1) or die $!; " +
        "while (my $c = $s->accept) { while (<$c>) { last if /^\\r?$/ } print $c \"HTTP/1.0 200 OK\\r\\nContent-Type: text/plain\\r\\n\\r\\nserved by $ENV{HOSTNAME}\\n\"; close $c }";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "pk8s-net-" + Guid.NewGuid().ToString("N")[..8]);
    public SandboxProcess Server { get; }
    public Kubectl Kubectl { get; }
    public int WebNodePort { get; }

    public NetworkSandbox()
    {
        Server = SandboxProcess.Start(Path.Combine(Root, "data"), null, "--isolation", "namespaces", "--pod-start-delay", "0s");
        Kubectl = new Kubectl(Server.KubeconfigPath, Path.Combine(Root, "kube-cache"));
        Kubectl.Ok("create", "namespace", Namespace);
        SandboxFixture.WaitForNamespaceDefaults(Server.AdminClient(), Namespace);
        var web = string.Join("\n---\n", new[] { "web-a", "web-b" }.Select(name =>
            "apiVersion: v1\nkind: Pod\n" +
            $"metadata: {{name: {name}, labels: {{app: web}}}}\n" +
            "spec:\n  terminationGracePeriodSeconds: 1\n  containers:\n  - name: c\n    image: busybox\n" +
            $"    command: [perl, -e, '{ShellServer.Replace("'", "''")}']\n" +
            "    ports: [{containerPort: 8080}]\n"));
        Kubectl.Run(new[] { "-n", Namespace, "apply", "-f", "-" }, web + """

            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: hello}
            spec:
              replicas: 3
              selector: {matchLabels: {app: hello}}
              template:
                metadata: {labels: {app: hello}}
                spec:
                  containers: [{name: hello, image: "gcr.io/google-samples/hello-app:1.0", ports: [{containerPort: 8080}]}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: hello}
            spec: {selector: {app: hello}, ports: [{port: 8080}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: sticky}
            spec: {selector: {app: hello}, sessionAffinity: ClientIP, ports: [{port: 80, targetPort: 8080}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {type: NodePort, selector: {app: web}, ports: [{port: 8080}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: nobody}
            spec: {selector: {app: none}, ports: [{port: 8080}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: client}
            spec:
              terminationGracePeriodSeconds: 1
              containers: [{name: c, image: busybox, command: [sleep, "3600"]}]
            """, null);
        Kubectl.Ok("-n", Namespace, "wait", "--for=condition=Ready", "pod", "--all", "--timeout=60s");
        Kubectl.Ok("-n", Namespace, "rollout", "status", "deployment/hello", "--timeout=60s");
        WebNodePort = int.Parse(Kubectl.Ok("-n", Namespace, "get", "svc", "web", "-o", "jsonpath={.spec.ports[0].nodePort}"));
    }

    public string Get(string jsonPath, params string[] what) =>
        Kubectl.Ok(new[] { "-n", Namespace, "get" }.Concat(what).Concat(new[] { "-o", $"jsonpath={jsonPath}" }).ToArray());

    public KubectlResult Exec(string pod, params string[] command) =>
        Kubectl.Run(new[] { "-n", Namespace, "exec", pod, "--" }.Concat(command), null, null);

    public string ExecOk(string pod, params string[] command)
    {
        var r = Exec(pod, command);
        Assert.True(r.ExitCode == 0, r.ToString());
        return r.Stdout;
    }

    /// <summary>One HTTP GET from inside <paramref name="pod"/> with the host's wget (3 s timeout).</summary>
    public KubectlResult Wget(string pod, string url) => Exec(pod, "wget", "-qO-", "-T", "3", "-t", "1", url);

    public void Dispose()
    {
        Server.Dispose();
        try { Directory.Delete(Root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
