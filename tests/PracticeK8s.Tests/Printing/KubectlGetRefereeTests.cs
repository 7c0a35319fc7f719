using k8s.Models;
using PracticeK8s.Printing;
using static PracticeK8s.Tests.Printing.Build;

namespace PracticeK8s.Tests.Printing;

/// <summary>
/// Stock kubectl (v1.32) as the referee: a fake server answers with <see cref="ServerTable"/> Tables, and what
/// kubectl prints must equal what <see cref="KubeTable.Render"/> computes for the same objects.
/// </summary>
public sealed class KubectlGetRefereeTests(KubectlGetRefereeFixture fixture) : IClassFixture<KubectlGetRefereeFixture>
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
public sealed class KubectlGetRefereeFixture : IDisposable
{
    private readonly FakeApiServer server = new();
    private readonly KubectlRun kubectl;
    private readonly DateTime now = DateTime.UtcNow;

    public DateTime Now => now;
    public object[] Pods { get; }
    public object[] Services { get; }
    public object[] Events { get; }

    public KubectlGetRefereeFixture()
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
        server.Resource("", "pods", "Pod", shortName: "po", inAll: true);
        server.Resource("", "services", "Service", shortName: "svc", inAll: true);
        server.Resource("", "events", "Event", shortName: "ev");
        kubectl = new KubectlRun(server.Port);
    }

    private System.Text.Json.Nodes.JsonObject Table(IEnumerable<object> objects)
    {
        var list = objects.ToList();
        return ServerTable.Build(KubePrinters.For(list[0]), list, now);
    }

    public string RunKubectl(params string[] args) => kubectl.Run(32, args);

    public void Dispose()
    {
        server.Dispose();
        kubectl.Dispose();
    }
}
