using k8s.Models;
using PracticeK8s.Printing;
using static PracticeK8s.Tests.Printing.Build;

namespace PracticeK8s.Tests.Printing;

public sealed class ServiceAndNodePrinterTests
{
    private static V1Service Service(string type, params V1ServicePort[] ports) => new()
    {
        Metadata = Meta("svc", MinutesAgo(3)),
        Spec = new V1ServiceSpec { Type = type, ClusterIP = "10.128.0.5", ClusterIPs = ["10.128.0.5"], Ports = ports.ToList() },
        Status = new V1ServiceStatus(),
    };

    private static V1ServicePort Port(int port, int? nodePort = null, string? protocol = "TCP") =>
        new() { Port = port, NodePort = nodePort, Protocol = protocol, TargetPort = port };

    [Fact]
    public void Service_Columns()
    {
        var printer = KubePrinters.ForKind("", "Service")!;
        Assert.Equal(["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE", "SELECTOR"], printer.Columns.Select(c => c.Header));
        Assert.Equal(["Name", "Type", "ClusterIP", "ExternalIP", "Ports", "Age", "Selector"], printer.Columns.Select(c => c.Property));
        Assert.Equal("Port(s)", printer.Columns[4].ServerName);
    }

    [Fact]
    public void ClusterIP_WithAndWithoutExternalIPs()
    {
        var service = Service("ClusterIP", Port(8080));
        service.Spec.Selector = Labels("role=hello");
        Assert.Equal(["svc", "ClusterIP", "10.128.0.5", "<none>", "8080/TCP", "3m", "role=hello"], KubePrinters.For(service).Cells(service, Now));
        service.Spec.ExternalIPs = ["1.2.3.4", "5.6.7.8"];
        Assert.Equal("1.2.3.4,5.6.7.8", Cell(service, "ExternalIP"));
    }

    [Fact]
    public void Headless_ShowsNone_ExternalNameHasNoClusterIP()
    {
        var headless = Service("ClusterIP", Port(5432));
        headless.Spec.ClusterIPs = ["None"];
        Assert.Equal("None", Cell(headless, "ClusterIP"));

        var external = Service("ExternalName");
        external.Spec.ClusterIPs = null;
        external.Spec.ExternalName = "db.example.com";
        Assert.Equal("<none>", Cell(external, "ClusterIP"));
        Assert.Equal("db.example.com", Cell(external, "ExternalIP"));
        Assert.Equal("<none>", Cell(external, "Ports"));
        Assert.Equal("<none>", Cell(external, "Selector"));
    }

    [Fact]
    public void NodePort_PortsShowNodePorts()
    {
        var service = Service("NodePort", Port(80, 32736), Port(443, 31001), Port(53, protocol: "UDP"));
        Assert.Equal("80:32736/TCP,443:31001/TCP,53/UDP", Cell(service, "Ports"));
        Assert.Equal("<none>", Cell(service, "ExternalIP"));
    }

    [Fact]
    public void LoadBalancer_PendingUntilIngress()
    {
        var service = Service("LoadBalancer", Port(8080, 32736));
        Assert.Equal("<pending>", Cell(service, "ExternalIP"));
        service.Status.LoadBalancer = new V1LoadBalancerStatus { Ingress = [new V1LoadBalancerIngress { Ip = "170.187.131.84" }] };
        Assert.Equal("170.187.131.84", Cell(service, "ExternalIP"));
        Assert.Equal("8080:32736/TCP", Cell(service, "Ports"));
    }

    [Fact]
    public void LoadBalancer_IngressSortedDeduplicated_HostnameWhenNoIP_ExternalIPsAppended_NeverCut()
    {
        var service = Service("LoadBalancer", Port(80, 30080));
        service.Status.LoadBalancer = new V1LoadBalancerStatus
        {
            Ingress =
            [
                new V1LoadBalancerIngress { Ip = "20.0.0.2" },
                new V1LoadBalancerIngress { Hostname = "a-very-long-name.elb.example.com" },
                new V1LoadBalancerIngress { Ip = "20.0.0.1", Hostname = "ignored" },
                new V1LoadBalancerIngress { Ip = "20.0.0.2" },
            ],
        };
        Assert.Equal("20.0.0.1,20.0.0.2,a-very-long-name.elb.example.com", Cell(service, "ExternalIP"));
        service.Spec.ExternalIPs = ["9.9.9.9"];
        Assert.Equal("20.0.0.1,20.0.0.2,a-very-long-name.elb.example.com,9.9.9.9", Cell(service, "ExternalIP"));
        service.Status.LoadBalancer = null;
        Assert.Equal("9.9.9.9", Cell(service, "ExternalIP"));
    }

    [Fact]
    public void MissingProtocolDefaultsToTcp_NoPortsIsNone()
    {
        Assert.Equal("80/TCP", Cell(Service("ClusterIP", Port(80, protocol: null)), "Ports"));
        Assert.Equal("<none>", Cell(Service("ClusterIP"), "Ports"));
    }

    private static V1Node Node(string? ready, bool unschedulable = false, Dictionary<string, string>? labels = null) => new()
    {
        Metadata = Meta("node-1", HoursAgo(24), labels: labels),
        Spec = new V1NodeSpec { Unschedulable = unschedulable },
        Status = new V1NodeStatus
        {
            Conditions = ready is null
                ? [new V1NodeCondition { Type = "MemoryPressure", Status = "False" }]
                : [new V1NodeCondition { Type = "MemoryPressure", Status = "False" }, new V1NodeCondition { Type = "Ready", Status = ready }],
            NodeInfo = new V1NodeSystemInfo { KubeletVersion = "v1.32.0" },
        },
    };

    [Theory]
    [InlineData("True", false, "Ready")]
    [InlineData("False", false, "NotReady")]
    [InlineData("Unknown", false, "NotReady")]
    [InlineData(null, false, "Unknown")]
    [InlineData("True", true, "Ready,SchedulingDisabled")]
    [InlineData("Unknown", true, "NotReady,SchedulingDisabled")]
    public void Node_Status(string? ready, bool unschedulable, string expected) =>
        Assert.Equal(expected, Cell(Node(ready, unschedulable), "Status"));

    [Fact]
    public void Node_Roles_FromRoleLabelsSortedAndDeduplicated()
    {
        Assert.Equal("<none>", Cell(Node("True"), "Roles"));
        var labels = Labels("node-role.kubernetes.io/master=", "node-role.kubernetes.io/control-plane=ignored",
            "node-role.kubernetes.io/=x", "kubernetes.io/role=master", "kubernetes.io/hostname=node-1");
        Assert.Equal("control-plane,master", Cell(Node("True", labels: labels), "Roles"));
        Assert.Equal("worker", Cell(Node("True", labels: Labels("kubernetes.io/role=worker")), "Roles"));
        Assert.Equal("<none>", Cell(Node("True", labels: Labels("kubernetes.io/role=")), "Roles"));
    }

    [Fact]
    public void Node_WideColumns_WithPlaceholders()
    {
        var node = Node("True");
        var printer = KubePrinters.For(node);
        Assert.Equal(["NAME", "STATUS", "ROLES", "AGE", "VERSION", "INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"],
            printer.Columns.Select(c => c.Header));
        Assert.Equal(["node-1", "Ready", "<none>", "24h", "v1.32.0", "<none>", "<none>", "<unknown>", "<unknown>", "<unknown>"], printer.Cells(node, Now));

        node.Status.Addresses =
        [
            new V1NodeAddress { Type = "Hostname", Address = "node-1" },
            new V1NodeAddress { Type = "InternalIP", Address = "192.168.0.4" },
            new V1NodeAddress { Type = "InternalIP", Address = "192.168.0.5" },
            new V1NodeAddress { Type = "ExternalIP", Address = "50.116.56.155" },
        ];
        Assert.Equal("192.168.0.4", Cell(node, "InternalIP"));
        Assert.Equal("50.116.56.155", Cell(node, "ExternalIP"));
    }
}
