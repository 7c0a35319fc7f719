using System.Net;
using PracticeK8s.Sandbox.Tests.Cluster;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.Ingress;

/// <summary>
/// Without pod isolation (<c>--isolation none</c>, the host-process fallback) the Ingress still routes
/// from the host: the controller's LoadBalancer address reaches built-in backends over their private
/// sockets, and 443 presents the controller's certificate. A sandbox of this class alone.
/// </summary>
public sealed class IngressHostProcessTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pk8s-ing-none-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly SandboxProcess _server;
    private readonly Kubectl _kubectl;

    public IngressHostProcessTests()
    {
        _server = SandboxProcess.Start(Path.Combine(_root, "data"), null, "--isolation", "none", "--pod-start-delay", "0s", "--load-balancer-delay", "300ms");
        _kubectl = new Kubectl(_server.KubeconfigPath, Path.Combine(_root, "kube-cache"));
    }

    [Fact]
    public async Task WithoutIsolation_TheIngressStillRoutesFromTheHost()
    {
        using var admin = _server.AdminClient();
        var ns = "plain";
        _kubectl.Ok("create", "namespace", ns);
        SandboxFixture.WaitForNamespaceDefaults(admin, ns);
        _kubectl.Run(new[] { "-n", ns, "apply", "-f", "-" }, IngressTests.HelloApp("hello") + "\n---\n" + """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: plain}
            spec:
              rules:
              - host: plain.test
                http:
                  paths: [{path: /hello, pathType: Prefix, backend: {service: {name: hello, port: {number: 8080}}}}]
            """, null);
        var ip = _kubectl.WaitFor(@"^127\.0\.0\.2\d\d$", TimeSpan.FromSeconds(45), "-n", ns, "get", "ingress", "plain", "-o", "jsonpath={.status.loadBalancer.ingress[0].ip}").Trim();
        await ClusterFixture.Eventually(async () => await IngressTests.Who(ip, "plain.test", "/hello") == "hello", "/hello routed to hello-app", seconds: 30);
        Assert.Equal("404", await IngressTests.Who(ip, "plain.test", "/other"));
        Assert.Equal("CN=Kubernetes Ingress Controller Fake Certificate, O=Acme Co", (await IngressTests.Handshake(ip, "plain.test")).Subject);
        Assert.Contains("[plain-hello-8080]", _kubectl.Ok("-n", "ingress-nginx", "logs", "deployment/ingress-nginx-controller"));
    }

    public void Dispose()
    {
        _server.Dispose();
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }
}
