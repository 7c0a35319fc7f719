using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ARSoft.Tools.Net.Dns;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Cluster;
using PracticeK8s.Sandbox.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PracticeK8s.Sandbox.Tests.Dns;

/// <summary>
/// A real sandbox started with <c>--cluster-dns 127.0.0.1:0</c>; objects made with kubectl, asked over
/// real UDP and TCP sockets as a pod's resolver would ask 10.96.0.10.
/// </summary>
public sealed class DnsSandbox : IDisposable
{
    public SandboxProcess Server { get; }
    public Kubernetes Admin { get; }
    public Kubectl Kubectl { get; }
    public IPEndPoint Dns { get; }
    private readonly string _root;

    public DnsSandbox()
    {
        _root = Path.Combine(Path.GetTempPath(), "pk8s-dns-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Server = SandboxProcess.Start(Path.Combine(_root, "data"), null, "--pod-start-delay", "300ms", "--cluster-dns", "127.0.0.1:0");
        Admin = Server.AdminClient();
        Kubectl = new Kubectl(Server.KubeconfigPath, Path.Combine(_root, "kube-cache"));
        using var ready = JsonDocument.Parse(File.ReadAllText(Path.Combine(Server.DataDir, "sandbox.json")));
        Dns = IPEndPoint.Parse(ready.RootElement.GetProperty("clusterDns").GetString()!);
    }

    public void Apply(string ns, string yaml)
    {
        var dir = Path.Combine(_root, "files", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "m.yaml"), yaml);
        Kubectl.Ok("-n", ns, "apply", "-f", Path.Combine(dir, "m.yaml"));
    }

    public void Dispose()
    {
        Admin.Dispose();
        Server.Dispose();
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }
}

public sealed class SandboxDnsTests(DnsSandbox sandbox, ITestOutputHelper output) : IClassFixture<DnsSandbox>
{
    private const string Apps = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: hello}
        spec:
          replicas: 2
          selector: {matchLabels: {app: hello}}
          template:
            metadata: {labels: {app: hello}}
            spec:
              containers: [{name: hello, image: nginx, ports: [{name: http, containerPort: 80}]}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: hello}
        spec:
          selector: {app: hello}
          ports: [{name: http, port: 8080, targetPort: 80, protocol: TCP}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: hello-headless}
        spec:
          clusterIP: None
          selector: {app: hello}
          ports: [{name: http, port: 80}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: nginx}
        spec:
          clusterIP: None
          selector: {app: web}
          ports: [{name: web, port: 80}]
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web}
        spec:
          serviceName: nginx
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: nginx, image: nginx, ports: [{name: web, containerPort: 80}]}]
        """;

    private async Task<string> ReadyNamespace()
    {
        var ns = "dns-" + Guid.NewGuid().ToString("N")[..6];
        sandbox.Kubectl.Ok("create", "namespace", ns);
        SandboxFixture.WaitForNamespaceDefaults(sandbox.Admin, ns);
        sandbox.Apply(ns, Apps);
        await ClusterFixture.Eventually(async () =>
        {
            var pods = (await sandbox.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items;
            var endpoints = (await sandbox.Admin.CoreV1.ListNamespacedEndpointsAsync(ns)).Items;
            return pods.Count == 4 && pods.All(p => p.Status?.PodIP is not null && p.Status.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true)
                && endpoints.Count(e => e.Subsets?.Sum(s => s.Addresses?.Count ?? 0) == 2) == 3;
        }, "4 ready pods and 3 Endpoints with 2 addresses each", 40);
        return ns;
    }

    private static List<string> Addresses(DnsMessage m) => m.AnswerRecords.OfType<ARecord>().Select(r => r.Address.ToString()).OrderBy(s => s).ToList();

    [Fact]
    public async Task KubernetesDefault_IsTheKubernetesServiceClusterIp_AndKubeDnsIs10_96_0_10()
    {
        var kubernetes = await sandbox.Admin.CoreV1.ReadNamespacedServiceAsync("kubernetes", "default");
        foreach (var tcp in new[] { false, true })
            Assert.Equal(new[] { kubernetes.Spec.ClusterIP }, Addresses(await DnsWire.Ask(sandbox.Dns, "kubernetes.default.svc.cluster.local", tcp: tcp)));
        Assert.Equal("10.96.0.10", (await sandbox.Admin.CoreV1.ReadNamespacedServiceAsync("kube-dns", "kube-system")).Spec.ClusterIP);
        Assert.Equal(new[] { "10.96.0.10" }, Addresses(await DnsWire.Ask(sandbox.Dns, "kube-dns.kube-system.svc.cluster.local")));
    }

    [Fact]
    public async Task ServicesHeadlessServicesAndStatefulSetPods_ResolveOverUdpAndTcp()
    {
        var ns = await ReadyNamespace();
        var hello = await sandbox.Admin.CoreV1.ReadNamespacedServiceAsync("hello", ns);
        var pods = (await sandbox.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items;
        var helloIps = pods.Where(p => p.Metadata.Labels["app"] == "hello").Select(p => p.Status.PodIP).OrderBy(s => s).ToList();
        var web0 = pods.Single(p => p.Metadata.Name == "web-0").Status.PodIP;
        foreach (var tcp in new[] { false, true })
        {
            Assert.Equal(new[] { hello.Spec.ClusterIP }, Addresses(await DnsWire.Ask(sandbox.Dns, $"hello.{ns}.svc.cluster.local", tcp: tcp)));
            Assert.Equal(helloIps, Addresses(await DnsWire.Ask(sandbox.Dns, $"hello-headless.{ns}.svc.cluster.local", tcp: tcp)));
            Assert.Equal(new[] { web0 }, Addresses(await DnsWire.Ask(sandbox.Dns, $"web-0.nginx.{ns}.svc.cluster.local", tcp: tcp)));
        }
        // kubectl shows the hostname the DNS name comes from.
        Assert.Contains("web-0", sandbox.Kubectl.Ok("-n", ns, "get", "endpoints", "nginx", "-o", "jsonpath={.subsets[*].addresses[*].hostname}"));
        var aaaa = await DnsWire.Ask(sandbox.Dns, $"hello.{ns}.svc.cluster.local", RecordType.Aaaa);
        Assert.Equal((ReturnCode.NoError, 0), (aaaa.ReturnCode, aaaa.AnswerRecords.Count));
    }

    [Fact]
    public async Task SrvForANamedPort_AndNxDomainForAMissingName()
    {
        var ns = await ReadyNamespace();
        var srv = await DnsWire.Ask(sandbox.Dns, $"_http._tcp.hello.{ns}.svc.cluster.local", RecordType.Srv);
        var record = Assert.IsType<SrvRecord>(Assert.Single(srv.AnswerRecords));
        Assert.Equal((8080, $"hello.{ns}.svc.cluster.local"), (record.Port, record.Target.ToString(true).TrimEnd('.')));
        var sts = await DnsWire.Ask(sandbox.Dns, $"_web._tcp.nginx.{ns}.svc.cluster.local", RecordType.Srv);
        Assert.Equal(new[] { $"web-0.nginx.{ns}.svc.cluster.local", $"web-1.nginx.{ns}.svc.cluster.local" },
            sts.AnswerRecords.OfType<SrvRecord>().Select(r => r.Target.ToString(true).TrimEnd('.')).OrderBy(s => s));
        var missing = await DnsWire.Ask(sandbox.Dns, $"nope.{ns}.svc.cluster.local");
        Assert.Equal(ReturnCode.NxDomain, missing.ReturnCode);
        Assert.IsType<SoaRecord>(Assert.Single(missing.AuthorityRecords));
    }

    [Fact]
    public async Task GarbageAndOversizedInput_LeaveTheServerAnswering()
    {
        var watch = Stopwatch.StartNew();
        using (var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            udp.Connect(sandbox.Dns);
            var random = new Random(5);
            for (var i = 0; i < 5000; i++)
            {
                var packet = new byte[random.Next(0, 1400)];
                random.NextBytes(packet);
                udp.Send(packet);
            }
        }
        using (var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await tcp.ConnectAsync(sandbox.Dns);
            var junk = new byte[65535 + 2];
            new Random(6).NextBytes(junk);
            junk[0] = 0xFF; junk[1] = 0xFF;
            try { await tcp.SendAsync(junk, SocketFlags.None); } catch (SocketException) { }
            Assert.Null(await DnsWire.ReadFramed(tcp, TimeSpan.FromSeconds(5)));
        }
        Assert.NotEmpty((await DnsWire.Ask(sandbox.Dns, "kubernetes.default.svc.cluster.local")).AnswerRecords);
        output.WriteLine($"5000 garbage datagrams and a 64 KiB garbage TCP message refused, then answered: {watch.ElapsedMilliseconds} ms");
        Assert.False(sandbox.Server.HasExited);
    }
}
