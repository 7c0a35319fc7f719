using k8s.Models;
using PracticeK8s.Printing;
using static PracticeK8s.Tests.Printing.Build;

namespace PracticeK8s.Tests.Printing;

public sealed class DescribeServiceTests
{
    /// <summary>kubectl's raw writer output (TAB-separated), aligned by the describe tab writer.</summary>
    private static string Aligned(string raw) => TabWriter.FormatText(raw, TabWriter.DescribeMinWidth, TabWriter.DescribePadding);

    private static V1Service Hello() => new()
    {
        Metadata = Meta("hello", MinutesAgo(4), "default"),
        Spec = new V1ServiceSpec
        {
            Selector = Labels("role=hello"), Type = "ClusterIP", IpFamilyPolicy = "SingleStack", IpFamilies = ["IPv4"],
            ClusterIP = "10.128.137.215", ClusterIPs = ["10.128.137.215"], SessionAffinity = "None",
            InternalTrafficPolicy = null,
            Ports = [new V1ServicePort { Port = 8080, Protocol = "TCP", TargetPort = 8080 }],
        },
        Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus() },
    };

    private static V1EndpointSlice Slice(string service, int port, string? portName, params (string Ip, bool? Ready)[] endpoints) => new()
    {
        Metadata = Meta(service + "-abcde", labels: Labels("kubernetes.io/service-name=" + service)),
        AddressType = "IPv4",
        Ports = [new Discoveryv1EndpointPort { Port = port, Name = portName, Protocol = "TCP" }],
        Endpoints = endpoints.Select(e => new V1Endpoint { Addresses = [e.Ip], Conditions = new V1EndpointConditions { Ready = e.Ready } }).ToList(),
    };

    private const string CourseText = """
        Name:              hello
        Namespace:         default
        Labels:            <none>
        Annotations:       <none>
        Selector:          role=hello
        Type:              ClusterIP
        IP Family Policy:  SingleStack
        IP Families:       IPv4
        IP:                10.128.137.215
        IPs:               10.128.137.215
        Port:              <unset>  8080/TCP
        TargetPort:        8080/TCP
        Endpoints:         10.2.1.8:8080,10.2.1.9:8080,10.2.2.10:8080
        Session Affinity:  None
        Events:            <none>

        """;

    [Fact]
    public void CourseSample_FromEndpointSlices()
    {
        var input = new DescribeInput
        {
            Resource = Hello(), Events = [], TimeZone = TimeZoneInfo.Utc,
            EndpointSlices = [Slice("hello", 8080, "", ("10.2.1.8", true), ("10.2.2.11", false), ("10.2.1.9", null), ("10.2.2.10", true))],
        };
        Assert.Equal(CourseText, Describer.Describe(input, Now));
    }

    [Fact]
    public void NotReadyEndpointAfterThreeReadyOnes_GivesKubectlsZeroMore()
    {
        // kubectl marks "more" before checking readiness, so a trailing not-ready endpoint prints " + 0 more...".
        var input = new DescribeInput
        {
            Resource = Hello(), TimeZone = TimeZoneInfo.Utc,
            EndpointSlices = [Slice("hello", 8080, "", ("10.2.1.8", true), ("10.2.1.9", true), ("10.2.2.10", true), ("10.2.2.11", false))],
        };
        Assert.Contains("Endpoints:         10.2.1.8:8080,10.2.1.9:8080,10.2.2.10:8080 + 0 more...\n", Describer.Describe(input, Now));
    }

    [Fact]
    public void CourseSample_FromEndpointsObject()
    {
        var endpoints = new V1Endpoints
        {
            Metadata = Meta("hello", ns: "default"),
            Subsets =
            [
                new V1EndpointSubset
                {
                    Addresses = [new V1EndpointAddress { Ip = "10.2.1.8" }, new V1EndpointAddress { Ip = "10.2.1.9" }, new V1EndpointAddress { Ip = "10.2.2.10" }],
                    NotReadyAddresses = [new V1EndpointAddress { Ip = "10.2.2.11" }],
                    Ports = [new Corev1EndpointPort { Port = 8080, Protocol = "TCP" }],
                },
            ],
        };
        var input = new DescribeInput { Resource = Hello(), Events = [], Endpoints = [endpoints], TimeZone = TimeZoneInfo.Utc };
        Assert.Equal(CourseText, Describer.Describe(input, Now));
    }

    [Fact]
    public void LoadBalancerWithNamedPorts_NodePorts_PoliciesAndEvents()
    {
        var service = Hello();
        service.Metadata.Labels = Labels("app=web");
        service.Metadata.Annotations = new Dictionary<string, string> { ["kubectl.kubernetes.io/last-applied-configuration"] = "{}", ["team"] = "blue" };
        service.Spec.Type = "LoadBalancer";
        service.Spec.ExternalTrafficPolicy = "Cluster";
        service.Spec.InternalTrafficPolicy = "Cluster";
        service.Spec.Ports =
        [
            new V1ServicePort { Name = "http", Port = 80, NodePort = 30080, Protocol = "TCP", TargetPort = "web" },
            new V1ServicePort { Name = "metrics", Port = 9090, NodePort = 30090, Protocol = "TCP", TargetPort = 9090 },
        ];
        service.Status.LoadBalancer.Ingress = [new V1LoadBalancerIngress { Ip = "170.187.131.84", IpMode = "VIP" }, new V1LoadBalancerIngress { Hostname = "lb.example.com" }];
        var events = new[]
        {
            new Corev1Event { Type = "Normal", Reason = "EnsuredLoadBalancer", Message = "Ensured load balancer", Source = new V1EventSource { Component = "service-controller" }, FirstTimestamp = MinutesAgo(3), LastTimestamp = MinutesAgo(3), Count = 1 },
            new Corev1Event { Type = "Normal", Reason = "EnsuringLoadBalancer", Message = "Ensuring load balancer ", Source = new V1EventSource { Component = "service-controller" }, FirstTimestamp = MinutesAgo(10), LastTimestamp = MinutesAgo(4), Count = 2 },
        };
        var slices = new[]
        {
            Slice("hello", 8080, "http", ("10.0.0.1", true), ("10.0.0.2", true), ("10.0.0.3", true), ("10.0.0.4", true), ("10.0.0.5", true)),
            Slice("hello", 9090, "metrics", ("10.0.0.1", true)),
        };
        var input = new DescribeInput { Resource = service, Events = events, EndpointSlices = slices, TimeZone = TimeZoneInfo.Utc };
        var raw =
            "Name:\thello\nNamespace:\tdefault\nLabels:\tapp=web\nAnnotations:\tteam: blue\nSelector:\trole=hello\nType:\tLoadBalancer\n" +
            "IP Family Policy:\tSingleStack\nIP Families:\tIPv4\nIP:\t10.128.137.215\nIPs:\t10.128.137.215\n" +
            "LoadBalancer Ingress:\t170.187.131.84 (VIP), lb.example.com\n" +
            "Port:\thttp\t80/TCP\nTargetPort:\tweb/TCP\nNodePort:\thttp\t30080/TCP\n" +
            "Endpoints:\t10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 2 more...\n" +
            "Port:\tmetrics\t9090/TCP\nTargetPort:\t9090/TCP\nNodePort:\tmetrics\t30090/TCP\nEndpoints:\t10.0.0.1:9090\n" +
            "Session Affinity:\tNone\nExternal Traffic Policy:\tCluster\nInternal Traffic Policy:\tCluster\n" +
            "Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n" +
            "  Normal\tEnsuringLoadBalancer\t4m (x2 over 10m)\tservice-controller\tEnsuring load balancer\n" +
            "  Normal\tEnsuredLoadBalancer\t3m\tservice-controller\tEnsured load balancer\n";
        Assert.Equal(Aligned(raw), Describer.Describe(input, Now));
    }

    [Fact]
    public void ThreeCellPortLines_ArePaddedOnlyAmongThemselves()
    {
        var service = Hello();
        service.Spec.Ports = [new V1ServicePort { Name = "a-very-long-port-name", Port = 80, Protocol = "TCP", TargetPort = 80 }];
        var text = Describer.Describe(new DescribeInput { Resource = service, TimeZone = TimeZoneInfo.Utc }, Now);
        Assert.Contains("Port:              a-very-long-port-name  80/TCP\n", text);
        Assert.Contains("TargetPort:        80/TCP\n", text);
        Assert.Contains("Endpoints:         <none>\n", text); // nothing fetched: no slices, no Endpoints object
        Assert.DoesNotContain("Events", text); // events not fetched: no section at all
    }

    [Fact]
    public void ExternalNameService()
    {
        var service = new V1Service
        {
            Metadata = Meta("db", ns: "default"),
            Spec = new V1ServiceSpec { Type = "ExternalName", ExternalName = "db.example.com", SessionAffinity = "None" },
        };
        var raw = "Name:\tdb\nNamespace:\tdefault\nLabels:\t<none>\nAnnotations:\t<none>\nSelector:\t<none>\nType:\tExternalName\n" +
                  "IP Families:\t<none>\nIP:\t\nIPs:\t<none>\nExternal Name:\tdb.example.com\nSession Affinity:\tNone\nEvents:\t<none>\n";
        Assert.Equal(Aligned(raw), Describer.Describe(new DescribeInput { Resource = service, Events = [], TimeZone = TimeZoneInfo.Utc }, Now));
    }
}
