using k8s;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.PortForward;

/// <summary>
/// Stock kubectl's port-forward against the sandbox: 1.33 (SPDY tunneled in a WebSocket, or plain
/// SPDY when told so), 1.28 (plain SPDY only), pods and Services, many connections, the pod's deletion.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class KubectlPortForwardTests(SandboxFixture f)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly Dictionary<string, string> PlainSpdy = new() { ["KUBECTL_PORT_FORWARD_WEBSOCKETS"] = "false" };

    private async Task<string> HelloService(string ns)
    {
        var pod = await HelloPods.Start(f.Admin, ns);
        await f.Admin.CoreV1.CreateNamespacedServiceAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "hello" },
            Spec = new V1ServiceSpec
            {
                Selector = new Dictionary<string, string> { ["app"] = pod },
                Ports = new List<V1ServicePort> { new() { Port = 80, TargetPort = 8080 } },
            },
        }, ns);
        return pod;
    }

    private static Task<string> Fetch(KubectlForward forward) =>
        HelloPods.Until(() => HelloPods.GetLocal(forward.LocalPort, Timeout), r => r.Contains("Hello, world!"), Timeout);

    [Fact]
    public async Task Kubectl133_PodAndService_OverTheWebSocketTunnel()
    {
        var ns = f.NewNamespace("pfk");
        await HelloService(ns);
        using (var pod = KubectlForward.Start(KubectlForward.Kubectl133, f.Server.KubeconfigPath, ns, null, "pod/hello", "0:8080", "-v=6"))
        {
            Assert.Contains("Hello, world!", await Fetch(pod));
            Assert.Contains("negotiated protocol: portforward.k8s.io", pod.Stderr); // the tunnel, no fallback
            Assert.DoesNotContain("verb=\"POST\"", pod.Stderr);
        }
        using var svc = KubectlForward.Start(KubectlForward.Kubectl133, f.Server.KubeconfigPath, ns, null, "svc/hello", "0:80");
        Assert.Contains("Hello, world!", await Fetch(svc));
    }

    [Fact]
    public async Task Kubectl128_OverPlainSpdy()
    {
        var ns = f.NewNamespace("pfk");
        await HelloService(ns);
        using (var pod = KubectlForward.Start(KubectlForward.Kubectl128, f.Server.KubeconfigPath, ns, null, "pod/hello", "0:8080"))
            Assert.Contains("Hello, world!", await Fetch(pod));
        using var svc = KubectlForward.Start(KubectlForward.Kubectl128, f.Server.KubeconfigPath, ns, null, "svc/hello", "0:80");
        Assert.Contains("Hello, world!", await Fetch(svc));
    }

    [Fact]
    public async Task Kubectl133_WithWebSocketsOff_UpgradesToSpdy()
    {
        var ns = f.NewNamespace("pfk");
        await HelloPods.Start(f.Admin, ns);
        using var forward = KubectlForward.Start(KubectlForward.Kubectl133, f.Server.KubeconfigPath, ns, PlainSpdy, "pod/hello", "0:8080", "-v=6");
        Assert.Contains("Hello, world!", await Fetch(forward));
        Assert.Matches("verb=\"POST\" url=\"[^\"]*/pods/hello/portforward\" status=\"101 Switching Protocols\"", forward.Stderr);
        Assert.DoesNotContain("negotiated protocol", forward.Stderr);
    }

    [Theory]
    [InlineData(KubectlForward.Kubectl133)]
    [InlineData(KubectlForward.Kubectl128)]
    public async Task TwentyConcurrentConnections_ThroughOneForward_AllSucceed(string kubectl)
    {
        var ns = f.NewNamespace("pfk");
        await HelloPods.Start(f.Admin, ns);
        using var forward = KubectlForward.Start(kubectl, f.Server.KubeconfigPath, ns, null, "pod/hello", "0:8080");
        await Fetch(forward); // the pod's server is up
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => HelloPods.GetLocal(forward.LocalPort, Timeout)));
        Assert.All(responses, r => Assert.Contains("Hello, world!", r));
    }

    [Theory]
    [InlineData(KubectlForward.Kubectl133, false)]
    [InlineData(KubectlForward.Kubectl133, true)]
    [InlineData(KubectlForward.Kubectl128, false)]
    public async Task DeletingThePod_EndsKubectlWithLostConnection(string kubectl, bool plainSpdy)
    {
        var ns = f.NewNamespace("pfk");
        await HelloPods.Start(f.Admin, ns);
        using var forward = KubectlForward.Start(kubectl, f.Server.KubeconfigPath, ns, plainSpdy ? PlainSpdy : null, "pod/hello", "0:8080");
        await Fetch(forward);
        await f.Admin.CoreV1.DeleteNamespacedPodAsync("hello", ns, new V1DeleteOptions { GracePeriodSeconds = 0 });
        var exit = forward.WaitForExit(TimeSpan.FromSeconds(15));
        Assert.True(exit is not null, $"kubectl kept forwarding after its pod was deleted:\n{forward.Stderr}");
        Assert.Equal(1, exit);
        Assert.Contains("lost connection to pod", forward.Stderr);
    }

    [Fact]
    public async Task ARefusedPort_IsReportedOnTheErrorStream()
    {
        var ns = f.NewNamespace("pfk");
        await HelloPods.Start(f.Admin, ns);
        using var forward = KubectlForward.Start(KubectlForward.Kubectl133, f.Server.KubeconfigPath, ns, null, "pod/hello", "0:9");
        try { await HelloPods.GetLocal(forward.LocalPort, Timeout); } catch (IOException) { }
        var deadline = DateTime.UtcNow + Timeout;
        while (!forward.Stderr.Contains("error forwarding port 9") && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Contains("an error occurred forwarding", forward.Stderr);
        Assert.Contains("error forwarding port 9 to pod", forward.Stderr);
    }
}
