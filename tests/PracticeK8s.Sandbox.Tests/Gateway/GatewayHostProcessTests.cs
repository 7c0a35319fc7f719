using System.Net.Http;
using System.Text.RegularExpressions;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.Gateway;

/// <summary>A sandbox of its own in the host-process mode (<c>--isolation none</c>, pods without network namespaces).</summary>
public sealed class HostProcessSandbox : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "pk8s-gw-host-" + Guid.NewGuid().ToString("N")[..8]);
    public SandboxProcess Server { get; }
    public Kubectl Kubectl { get; }

    public HostProcessSandbox()
    {
        Server = SandboxProcess.Start(Path.Combine(Root, "data"), null, "--isolation", "none", "--pod-start-delay", "0s");
        Kubectl = new Kubectl(Server.KubeconfigPath, Path.Combine(Root, "kube-cache"));
    }

    public void Dispose()
    {
        Server.Dispose();
        try { Directory.Delete(Root, true); } catch (IOException) { }
    }
}

/// <summary>Without pod network namespaces, a Gateway still routes from the host to the built-in images' pods.</summary>
public sealed class GatewayHostProcessTests(HostProcessSandbox sandbox) : IClassFixture<HostProcessSandbox>
{
    [Fact]
    public async Task Gateway_RoutesFromTheHost_InTheHostProcessMode()
    {
        var r = sandbox.Kubectl.Run(new[] { "apply", "-f", "-" }, """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: hello, namespace: default}
            spec:
              replicas: 2
              selector: {matchLabels: {app: hello}}
              template:
                metadata: {labels: {app: hello}}
                spec:
                  containers: [{name: hello, image: "gcr.io/google-samples/hello-app:1.0", ports: [{containerPort: 8080}]}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: hello, namespace: default}
            spec:
              selector: {app: hello}
              ports: [{port: 8080}]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: web, namespace: default}
            spec:
              gatewayClassName: practicek8s
              listeners: [{name: http, port: 8080, protocol: HTTP}]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: hello, namespace: default}
            spec:
              parentRefs: [{name: web}]
              rules:
              - matches: [{path: {type: PathPrefix, value: /hello}}]
                backendRefs: [{name: hello, port: 8080}]
            """, null);
        Assert.True(r.ExitCode == 0, r.ToString());
        var address = Regex.Match(sandbox.Kubectl.WaitFor(@"(?m)^web\s+practicek8s\s+127\.0\.0\.\d+\s+True\s", "get", "gateway", "web"), @"127\.0\.0\.\d+").Value;
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.Zero }) { Timeout = TimeSpan.FromSeconds(5) };
        var pods = new HashSet<string>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (pods.Count < 2 && DateTime.UtcNow < deadline)
        {
            try
            {
                var body = await http.GetStringAsync($"http://{address}:8080/hello");
                pods.Add(Regex.Match(body, @"Hostname: (\S+)").Groups[1].Value);
            }
            catch (HttpRequestException) { await Task.Delay(200); }
        }
        Assert.Equal(2, pods.Count); // both replicas answer through the Gateway
        Assert.All(pods, p => Assert.StartsWith("hello-", p));
    }
}
