using System.Diagnostics;
using k8s.Models;
using PracticeK8s.Printing;
using static PracticeK8s.Tests.Printing.Build;

namespace PracticeK8s.Tests.Printing;

/// <summary>
/// Stock kubectl (v1.32) as the referee: a fake server answers with <see cref="ServerTable"/> Tables, and what
/// kubectl prints must equal what <see cref="KubeTable.Render"/> computes for the same objects.
/// </summary>
public sealed class KubectlRefereeTests(KubectlRefereeFixture fixture) : IClassFixture<KubectlRefereeFixture>
{
    private readonly DateTime now = fixture.Now;
    private readonly object[] pods = fixture.Pods;
    private readonly object[] services = fixture.Services;
    private readonly object[] events = fixture.Events;

    private string RunKubectl(params string[] args) => fixture.RunKubectl(args);

    [Fact]
    public void Pods_Default() => Assert.Equal(KubeTable.Render(pods.Take(2), now), RunKubectl("get", "pods"));

    [Fact]
    public void Pods_WideWithLabelColumns() =>
        Assert.Equal(KubeTable.Render(pods.Take(2), now, new TableOptions { Wide = true, ShowLabels = true, LabelColumns = ["tier", "app"] }),
            RunKubectl("get", "pods", "-o", "wide", "--show-labels", "-L", "tier,app"));

    [Fact]
    public void Pods_AllNamespaces() =>
        Assert.Equal(KubeTable.Render(pods, now, new TableOptions { WithNamespace = true }), RunKubectl("get", "pods", "-A"));

    [Fact]
    public void PodsAndServices_OneTablePerKind() =>
        Assert.Equal(KubeTable.Render(pods.Take(2).Concat(services), now), RunKubectl("get", "pods,svc"));

    [Fact]
    public void PodsAndServices_NoHeaders() =>
        Assert.Equal(KubeTable.Render(pods.Take(2).Concat(services), now, new TableOptions { NoHeaders = true }), RunKubectl("get", "pods,svc", "--no-headers"));

    [Fact]
    public void Events_DefaultAndWide()
    {
        Assert.Equal(KubeTable.Render(events, now), RunKubectl("get", "events"));
        Assert.Equal(KubeTable.Render(events, now, new TableOptions { Wide = true }), RunKubectl("get", "events", "-o", "wide"));
    }
}

/// <summary>One fake server, kubeconfig and kubectl cache for all referee tests.</summary>
public sealed class KubectlRefereeFixture : IDisposable
{
    private static readonly string Kubectl = File.Exists("/usr/lib/google-cloud-sdk/bin/kubectl.1.32")
        ? "/usr/lib/google-cloud-sdk/bin/kubectl.1.32" : "kubectl";

    private readonly FakeTableServer server = new();
    private readonly string workDir = Directory.CreateTempSubdirectory("printing-kubectl-").FullName;
    private readonly DateTime now = DateTime.UtcNow;

    public DateTime Now => now;
    public object[] Pods { get; }
    public object[] Services { get; }
    public object[] Events { get; }

    public KubectlRefereeFixture()
    {
        V1Pod Pod(string name, string ns, double minutes, string? waiting, int restarts, params string[] labels) => new()
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, CreationTimestamp = now.AddMinutes(-minutes), Labels = labels.Length == 0 ? null : Labels(labels) },
            Spec = new V1PodSpec { NodeName = "node-1", Containers = [new V1Container { Name = "c" }] },
            Status = new V1PodStatus
            {
                Phase = "Running", PodIPs = [new V1PodIP { Ip = "10.0.0.9" }],
                ContainerStatuses = [waiting is null ? Running("c", restarts: restarts, lastFinished: restarts > 0 ? now.AddMinutes(-7) : null) : Waiting("c", waiting, restarts)],
            },
        };
        object[] pods =
        [
            Pod("web-1", "default", 3, null, 2, "app=web", "tier=front"),
            Pod("web-2-with-a-much-longer-name", "default", 125, "CrashLoopBackOff", 12, "app=web"),
            Pod("coredns-x", "kube-system", 3000, null, 0),
        ];
        object[] services =
        [
            new V1Service { Metadata = Meta("kubernetes", now.AddHours(-25), "default"), Spec = new V1ServiceSpec { Type = "ClusterIP", ClusterIPs = ["10.96.0.1"], Ports = [new V1ServicePort { Port = 443, Protocol = "TCP" }] } },
            new V1Service { Metadata = Meta("lb", now.AddMinutes(-2), "default"), Spec = new V1ServiceSpec { Type = "LoadBalancer", ClusterIPs = ["10.96.0.9"], Ports = [new V1ServicePort { Port = 80, NodePort = 30080, Protocol = "TCP" }] } },
        ];
        object[] events =
        [
            new Corev1Event
            {
                Metadata = Meta("web-1.17a", ns: "default"), InvolvedObject = new V1ObjectReference { Kind = "Pod", Name = "web-1", FieldPath = "spec.containers{c}" },
                Type = "Normal", Reason = "Pulled", Message = "Pulled image", Source = new V1EventSource { Component = "kubelet", Host = "node-1" },
                FirstTimestamp = now.AddMinutes(-10), LastTimestamp = now.AddMinutes(-2), Count = 4,
            },
        ];
        (Pods, Services, Events) = (pods, services, events);
        server.Route("/api/v1/namespaces/default/pods", Table(pods.Take(2)));
        server.Route("/api/v1/pods", Table(pods));
        server.Route("/api/v1/namespaces/default/services", Table(services));
        server.Route("/api/v1/namespaces/default/events", Table(events));
        File.WriteAllText(Path.Combine(workDir, "kubeconfig"), $$$"""
            apiVersion: v1
            kind: Config
            clusters: [{name: fake, cluster: {server: "http://127.0.0.1:{{{server.Port}}}"}}]
            users: [{name: u, user: {token: x}}]
            contexts: [{name: fake, context: {cluster: fake, user: u, namespace: default}}]
            current-context: fake
            """);
    }

    private System.Text.Json.Nodes.JsonObject Table(IEnumerable<object> objects)
    {
        var list = objects.ToList();
        return ServerTable.Build(KubePrinters.For(list[0]), list, now);
    }

    public string RunKubectl(params string[] args)
    {
        var start = new ProcessStartInfo(Kubectl) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--kubeconfig", Path.Combine(workDir, "kubeconfig"), "--cache-dir", Path.Combine(workDir, "cache") }.Concat(args))
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish");
        }
        Assert.True(process.ExitCode == 0, $"kubectl {string.Join(' ', args)} failed: {stderr.Result}");
        return stdout.Result;
    }

    public void Dispose()
    {
        server.Dispose();
        try { Directory.Delete(workDir, recursive: true); } catch (IOException) { }
    }
}
