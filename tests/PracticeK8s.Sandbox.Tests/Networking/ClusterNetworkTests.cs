using System.Net.Sockets;
using PracticeK8s.Sandbox.Tests.Cluster;

namespace PracticeK8s.Sandbox.Tests.Networking;

/// <summary>
/// The cluster network seen from inside pods (stock kubectl exec, the host's wget in the container):
/// pod IPs and ClusterIPs answer, shell processes of two pods listen on the same port, session
/// affinity holds, the API server answers at the kubernetes Service, and the host's loopback is not
/// the pod's.
/// </summary>
public sealed class ClusterNetworkTests(NetworkSandbox s) : IClassFixture<NetworkSandbox>
{
    [Fact]
    public void PodIpAndClusterIp_AnswerFromInsideAPod()
    {
        var podIps = s.Get("{.items[*].status.podIP}", "pods", "-l", "app=hello").Split(' ');
        Assert.Equal(3, podIps.Length);
        Assert.All(podIps, ip => Assert.StartsWith("10.244.", ip));
        foreach (var ip in podIps)
            Assert.Contains("Hello, world!", s.Wget("client", $"http://{ip}:8080/").Stdout);
        var clusterIp = s.Get("{.spec.clusterIP}", "svc", "hello");
        Assert.StartsWith("10.96.", clusterIp);
        Assert.Contains("Hello, world!", s.Wget("client", $"http://{clusterIp}:8080/").Stdout);
        var eth0 = s.ExecOk("client", "ip", "-4", "-o", "addr", "show", "eth0");
        Assert.Contains(s.Get("{.status.podIP}", "pod", "client") + "/16", eth0);
    }

    [Fact]
    public async Task ShellProcesses_OfTwoPods_ListenOnTheSamePort_AndAreReachedByPodIpClusterIpAndNodePort()
    {
        foreach (var pod in new[] { "web-a", "web-b" })
        {
            var ip = s.Get("{.status.podIP}", "pod", pod);
            await ClusterFixture.Eventually(() => Task.FromResult(s.Wget("client", $"http://{ip}:8080/").Stdout == $"served by {pod}\n"),
                $"{pod}'s own server answers at {ip}:8080");
        }
        var clusterIp = s.Get("{.spec.clusterIP}", "svc", "web");
        var viaService = Enumerable.Range(0, 6).Select(_ => s.Wget("client", $"http://{clusterIp}:8080/").Stdout.Trim()).ToHashSet();
        Assert.Equal(new HashSet<string> { "served by web-a", "served by web-b" }, viaService);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var fromHost = new HashSet<string>();
        for (int i = 0; i < 6; i++) fromHost.Add((await http.GetStringAsync($"http://127.0.0.1:{s.WebNodePort}/")).Trim());
        Assert.Equal(new HashSet<string> { "served by web-a", "served by web-b" }, fromHost);
    }

    [Fact]
    public void ClientIpAffinity_KeepsAClientOnOnePod_WithoutItConnectionsAreSpread()
    {
        var sticky = s.Get("{.spec.clusterIP}", "svc", "sticky");
        var plain = s.Get("{.spec.clusterIP}", "svc", "hello");
        string Host(string url) => s.Wget("client", url).Stdout.Split('\n').Single(l => l.StartsWith("Hostname:"));
        Assert.Single(Enumerable.Range(0, 8).Select(_ => Host($"http://{sticky}/")).ToHashSet());
        Assert.True(Enumerable.Range(0, 6).Select(_ => Host($"http://{plain}:8080/")).ToHashSet().Count >= 2);
    }

    [Fact]
    public void ApiServer_AnswersAtTheKubernetesService_WithACertificateNamingIt()
    {
        Assert.Equal("10.96.0.1 443", s.ExecOk("client", "sh", "-c", "echo $KUBERNETES_SERVICE_HOST $KUBERNETES_SERVICE_PORT").Trim());
        var version = s.ExecOk("client", "wget", "-qO-", "-T", "3", "--ca-certificate=/var/run/secrets/kubernetes.io/serviceaccount/ca.crt",
            "https://10.96.0.1/version");
        Assert.Contains("\"gitVersion\"", version);
        var token = s.ExecOk("client", "cat", "/var/run/secrets/kubernetes.io/serviceaccount/token");
        var denied = s.Exec("client", "wget", "-qO-", "--content-on-error", "-T", "3", "--ca-certificate=/var/run/secrets/kubernetes.io/serviceaccount/ca.crt",
            $"--header=Authorization: Bearer {token}", "https://10.96.0.1/api/v1/namespaces/net/secrets");
        Assert.Equal(8, denied.ExitCode); // wget: the server answered with an error
        Assert.Contains("\"code\":403", denied.Stdout.Replace(" ", ""));
    }

    [Fact]
    public void TheHostsLoopback_IsNotThePods()
    {
        // The sandbox's API listens on the host's 127.0.0.1 only: inside a pod that address is its own.
        var r = s.Wget("client", $"https://127.0.0.1:{s.Server.Port}/version");
        Assert.Equal(4, r.ExitCode); // wget: network failure (connection refused)
        var links = s.ExecOk("client", "ip", "-o", "link", "show").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':')[1].Trim().Split('@')[0]).Order().ToList();
        Assert.Equal(new[] { "eth0", "lo" }, links);
    }

    [Fact]
    public void AServiceWithoutEndpoints_RefusesAtOnce()
    {
        var ip = s.Get("{.spec.clusterIP}", "svc", "nobody");
        var started = DateTime.UtcNow;
        var r = s.Wget("client", $"http://{ip}:8080/");
        Assert.NotEqual(0, r.ExitCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3), "the connection is reset, not left to time out");
    }

    [Fact]
    public void ExecInABuiltinPod_ReachesItsServerOnLocalhost()
    {
        var pod = s.Get("{.items[0].metadata.name}", "pods", "-l", "app=hello");
        Assert.Contains("Hello, world!", s.Wget(pod, "http://localhost:8080/").Stdout);
    }
}
