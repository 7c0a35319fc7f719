using System.Text.Json;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.Dns;

/// <summary>
/// A sandbox with <c>--isolation namespaces</c> (pods in network namespaces of their own) running a
/// Deployment behind a Service, a StatefulSet behind a headless Service, a busybox client pod, and a
/// busybox pod with <c>dnsPolicy: None</c> whose only name server is its own 127.0.0.1 (nothing listens
/// on port 53 there, so its lookups fail at once).
/// </summary>
public sealed class InPodDnsSandbox : IDisposable
{
    public const string Namespace = "dnsin";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pk8s-dnsin-" + Guid.NewGuid().ToString("N")[..8]);
    public SandboxProcess Server { get; }
    public Kubectl Kubectl { get; }
    /// <summary>Why pods have no network of their own here (null when they have one).</summary>
    public string? NoPodNetwork { get; }

    public InPodDnsSandbox()
    {
        Server = SandboxProcess.Start(Path.Combine(_root, "data"), null, "--isolation", "namespaces", "--pod-start-delay", "0s");
        Kubectl = new Kubectl(Server.KubeconfigPath, Path.Combine(_root, "kube-cache"));
        Kubectl.Ok("create", "namespace", Namespace);
        SandboxFixture.WaitForNamespaceDefaults(Server.AdminClient(), Namespace);
        Kubectl.Run(new[] { "-n", Namespace, "apply", "-f", "-" }, """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: hello}
            spec:
              replicas: 1
              selector: {matchLabels: {app: hello}}
              template:
                metadata: {labels: {app: hello}}
                spec: {terminationGracePeriodSeconds: 1, containers: [{name: hello, image: nginx, ports: [{containerPort: 80}]}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: hello}
            spec: {selector: {app: hello}, ports: [{name: http, port: 8080, targetPort: 80}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: nginx}
            spec: {clusterIP: None, selector: {app: web}, ports: [{name: web, port: 80}]}
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
                spec: {terminationGracePeriodSeconds: 1, containers: [{name: nginx, image: nginx, ports: [{name: web, containerPort: 80}]}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: client}
            spec:
              terminationGracePeriodSeconds: 1
              containers: [{name: c, image: busybox, command: [sleep, "3600"]}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: nodns}
            spec:
              terminationGracePeriodSeconds: 1
              dnsPolicy: None
              dnsConfig:
                nameservers: [127.0.0.1]
                searches: [dnsin.svc.cluster.local]
                options: [{name: ndots, value: "2"}, {name: attempts, value: "1"}]
              containers: [{name: c, image: busybox, command: [sleep, "3600"]}]
            """, null);
        Kubectl.Ok("-n", Namespace, "wait", "--for=condition=Ready", "pod", "--all", "--timeout=90s");
        Kubectl.Ok("-n", Namespace, "rollout", "status", "statefulset/web", "--timeout=90s");
        Kubectl.Ok("-n", Namespace, "wait", "--for=condition=Ready", "pod", "--all", "--timeout=90s");
        var resolv = Exec("client", "cat", "/etc/resolv.conf").Stdout;
        NoPodNetwork = resolv.Contains("nameserver 10.96.0.10") ? null : $"pods have no network of their own here (resolv.conf: {resolv.Trim()}; stderr: {Server.StandardError})";
    }

    public KubectlResult Exec(string pod, params string[] command) =>
        Kubectl.Run(new[] { "-n", Namespace, "exec", pod, "--" }.Concat(command), null, null);

    public string Get(string jsonPath, params string[] what) =>
        Kubectl.Ok(new[] { "-n", Namespace, "get" }.Concat(what).Concat(new[] { "-o", $"jsonpath={jsonPath}" }).ToArray());

    public void Dispose()
    {
        Server.Dispose();
        try { Directory.Delete(_root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>
/// The cluster DNS from inside a pod, through the container's own resolver (the C library reading the
/// resolv.conf the kubelet wrote): short names through the search path, FQDNs, a headless Service's pod
/// IPs, a StatefulSet pod's name, kubernetes.default, NXDOMAIN, and busybox's nslookup.
/// </summary>
public sealed class InPodDnsTests(InPodDnsSandbox s, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<InPodDnsSandbox>
{
    private const string Ns = InPodDnsSandbox.Namespace;

    /// <summary>A host with an nslookup of its own: containers run that one, whose format is not ours.</summary>
    private static readonly bool HostHasNslookup =
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d != "" && File.Exists(Path.Combine(d, "nslookup")));

    private string Resolve(string name)
    {
        Assert.True(s.NoPodNetwork is null, s.NoPodNetwork);
        var r = s.Exec("client", "getent", "ahostsv4", name);
        Assert.True(r.ExitCode == 0, $"getent ahostsv4 {name}: {r}");
        return r.Stdout;
    }

    private static List<string> Addresses(string getent) =>
        getent.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]).Distinct().OrderBy(a => a).ToList();

    [Fact]
    public void ResolvConf_NamesTheClusterDns_ItsSearchPath_AndNdots5()
    {
        Assert.True(s.NoPodNetwork is null, s.NoPodNetwork);
        var resolv = s.Exec("client", "cat", "/etc/resolv.conf").Stdout;
        Assert.StartsWith($"search {Ns}.svc.cluster.local svc.cluster.local cluster.local", resolv);
        Assert.Contains("nameserver 10.96.0.10\n", resolv);
        Assert.EndsWith("options ndots:5\n", resolv);
    }

    [Fact]
    public void AServiceByShortNameAndByFqdn_IsItsClusterIp_UnderItsFullName()
    {
        var clusterIp = s.Get("{.spec.clusterIP}", "service", "hello");
        var shortName = Resolve("hello");
        Assert.Equal(new[] { clusterIp }, Addresses(shortName));
        Assert.Contains($"hello.{Ns}.svc.cluster.local", shortName);
        Assert.Equal(new[] { clusterIp }, Addresses(Resolve($"hello.{Ns}.svc.cluster.local")));
        Assert.Equal(new[] { clusterIp }, Addresses(Resolve($"hello.{Ns}")));
    }

    [Fact]
    public void AHeadlessService_IsItsPodsIps_AndAStatefulSetPod_ItsOwnName()
    {
        var ips = s.Get("{.items[*].status.podIP}", "pods", "-l", "app=web").Split(' ').OrderBy(a => a).ToList();
        Assert.Equal(2, ips.Count);
        Assert.Equal(ips, Addresses(Resolve("nginx")));
        Assert.Equal(new[] { s.Get("{.status.podIP}", "pod", "web-0") }, Addresses(Resolve("web-0.nginx")));
        Assert.Equal(new[] { s.Get("{.status.podIP}", "pod", "web-1") }, Addresses(Resolve($"web-1.nginx.{Ns}.svc.cluster.local")));
    }

    [Fact]
    public void ShortNameLookups_TakeMilliseconds()
    {
        Assert.True(s.NoPodNetwork is null, s.NoPodNetwork);
        // 50 lookups of a short name in one exec: each walks the search path (NXDOMAIN, then the answer).
        var r = s.Exec("client", "sh", "-c", "a=$(date +%s%N); i=0; while [ $i -lt 50 ]; do getent ahostsv4 hello >/dev/null || exit 1; i=$((i+1)); done; b=$(date +%s%N); echo $(( (b-a)/50000 ))");
        Assert.True(r.ExitCode == 0, r.ToString());
        var microseconds = long.Parse(r.Stdout.Trim());
        output.WriteLine($"getent ahostsv4 hello in a pod (process start included): {microseconds / 1000.0:F1} ms each");
        Assert.True(microseconds < 1_000_000, $"{microseconds} µs per lookup");
    }

    [Fact]
    public void KubernetesDefault_IsTheKubernetesService()
    {
        var clusterIp = s.Kubectl.Ok("-n", "default", "get", "service", "kubernetes", "-o", "jsonpath={.spec.clusterIP}");
        Assert.Equal(new[] { clusterIp }, Addresses(Resolve("kubernetes.default")));
    }

    [Fact]
    public void AMissingName_IsNotFound_AndNslookupSaysNxDomain()
    {
        Assert.True(s.NoPodNetwork is null, s.NoPodNetwork);
        var missing = $"nope.{Ns}.svc.cluster.local";
        Assert.Equal(2, s.Exec("client", "getent", "hosts", missing).ExitCode);
        var r = s.Exec("client", "nslookup", missing);
        Assert.NotEqual(0, r.ExitCode);
        if (!HostHasNslookup) Assert.Contains($"** server can't find {missing}: NXDOMAIN", r.Stdout);
    }

    [Fact]
    public void DnsPolicyNone_WritesOnlyDnsConfig_AndNslookupThereSaysNxDomain()
    {
        Assert.Equal($"search {Ns}.svc.cluster.local\nnameserver 127.0.0.1\noptions ndots:2 attempts:1\n", s.Exec("nodns", "cat", "/etc/resolv.conf").Stdout);
        var r = s.Exec("nodns", "nslookup", "hello");
        Assert.NotEqual(0, r.ExitCode);
        if (!HostHasNslookup) Assert.Equal("Server:\t\t127.0.0.1\nAddress:\t127.0.0.1:53\n\n** server can't find hello: NXDOMAIN\n\n", r.Stdout);
    }

    [Fact]
    public void Nslookup_OfAShortName_PrintsLikeBusybox()
    {
        Assert.True(s.NoPodNetwork is null, s.NoPodNetwork);
        var clusterIp = s.Get("{.spec.clusterIP}", "service", "hello");
        var r = s.Exec("client", "nslookup", "hello");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains(clusterIp, r.Stdout);
        if (HostHasNslookup) return;
        Assert.StartsWith("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n", r.Stdout);
        Assert.Contains($"Name:\thello.{Ns}.svc.cluster.local\nAddress: {clusterIp}\n", r.Stdout);
    }
}
