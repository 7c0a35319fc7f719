using System.Text.Json;
using k8s.Models;
using PracticeK8s.Printing;
using static PracticeK8s.Tests.Printing.Build;

namespace PracticeK8s.Tests.Printing;

public sealed class OtherKindPrinterTests
{
    [Fact]
    public void Namespace_Row()
    {
        var ns = new V1Namespace { Metadata = Meta("kube-system", MinutesAgo(102)), Status = new V1NamespaceStatus { Phase = "Active" } };
        Assert.Equal(["kube-system", "Active", "102m"], KubePrinters.For(ns).Cells(ns, Now));
    }

    private static V1Ingress Ingress(params string?[] hosts) => new()
    {
        Metadata = Meta("web", HoursAgo(1)),
        Spec = new V1IngressSpec { Rules = hosts.Select(h => new V1IngressRule { Host = h }).ToList() },
        Status = new V1IngressStatus(),
    };

    [Fact]
    public void Ingress_Row()
    {
        var ingress = Ingress("a.example.com");
        ingress.Spec.IngressClassName = "nginx";
        ingress.Status.LoadBalancer = new V1IngressLoadBalancerStatus
        {
            Ingress = [new V1IngressLoadBalancerIngress { Ip = "10.0.0.9" }, new V1IngressLoadBalancerIngress { Hostname = "lb.example.com" }, new V1IngressLoadBalancerIngress { Ip = "10.0.0.1" }],
        };
        var printer = KubePrinters.For(ingress);
        Assert.Equal(["NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"], printer.Columns.Select(c => c.Header));
        Assert.Equal(["web", "nginx", "a.example.com", "10.0.0.1,10.0.0.9,lb.example.com", "80", "60m"], printer.Cells(ingress, Now));
    }

    [Fact]
    public void Ingress_NoClassNoAddress_TlsPorts()
    {
        var ingress = Ingress(null, null);
        ingress.Spec.Tls = [new V1IngressTLS { Hosts = ["a"] }];
        Assert.Equal(["web", "<none>", "*", "", "80, 443", "60m"], KubePrinters.For(ingress).Cells(ingress, Now));
    }

    [Theory]
    [InlineData(new[] { "a", "b", "c" }, "a,b,c")]
    [InlineData(new[] { "a", "b", "c", "d", "e" }, "a,b,c + 2 more...")]
    [InlineData(new[] { "a", "", "b", "c" }, "a,b,c")]
    [InlineData(new[] { "a", "b", "c", "" }, "a,b,c + 1 more...")]
    public void Ingress_HostsListsThreeThenCountsRemainingRules(string[] hosts, string expected) =>
        Assert.Equal(expected, Cell(Ingress(hosts.Select(h => h.Length == 0 ? null : h).ToArray()), "Hosts"));

    [Fact]
    public void Event_ColumnsInterleaveWideOnes()
    {
        var printer = KubePrinters.ForKind("", "Event")!;
        Assert.Equal(["LAST SEEN", "TYPE", "REASON", "OBJECT", "SUBOBJECT", "SOURCE", "MESSAGE", "FIRST SEEN", "COUNT", "NAME"],
            printer.Columns.Select(c => c.Header));
        Assert.Equal(["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"],
            KubeTable.VisibleColumns(printer, wide: false).Select(i => printer.Columns[i].Header));
    }

    [Fact]
    public void Event_ClassicFields()
    {
        var e = new Corev1Event
        {
            Metadata = Meta("nginx-7c5d.17a3"),
            InvolvedObject = new V1ObjectReference { Kind = "Pod", Name = "nginx-7c5d", FieldPath = "spec.containers{nginx}" },
            Type = "Normal", Reason = "Pulled", Message = "  Successfully pulled image \"nginx\"\n",
            Source = new V1EventSource { Component = "kubelet", Host = "node-1" },
            FirstTimestamp = MinutesAgo(10), LastTimestamp = MinutesAgo(3), Count = 5,
        };
        Assert.Equal(["3m", "Normal", "Pulled", "pod/nginx-7c5d", "spec.containers{nginx}", "kubelet, node-1",
            "Successfully pulled image \"nginx\"", "10m", "5", "nginx-7c5d.17a3"], KubePrinters.For(e).Cells(e, Now));
    }

    [Fact]
    public void Event_NewStyle_SeriesEventTimeReportingFields()
    {
        var e = new Corev1Event
        {
            Metadata = Meta("e"),
            InvolvedObject = new V1ObjectReference { Kind = "Node" },
            EventTime = MinutesAgo(20), ReportingComponent = "kube-proxy", ReportingInstance = "kube-proxy-node-1",
            Series = new Corev1EventSeries { Count = 4, LastObservedTime = SecondsAgo(30) },
        };
        Assert.Equal("30s", Cell(e, "LastSeen"));
        Assert.Equal("20m", Cell(e, "FirstSeen"));
        Assert.Equal("4", Cell(e, "Count"));
        Assert.Equal("node", Cell(e, "Object"));
        Assert.Equal("kube-proxy, kube-proxy-node-1", Cell(e, "Source"));

        var single = new Corev1Event { Metadata = Meta("s"), InvolvedObject = new V1ObjectReference { Kind = "ReplicaSet", Name = "web-6d4b" }, EventTime = MinutesAgo(2) };
        Assert.Equal("2m", Cell(single, "LastSeen"));
        Assert.Equal("1", Cell(single, "Count"));
        Assert.Equal("replicaset/web-6d4b", Cell(single, "Object"));
        Assert.Equal("", Cell(single, "Source"));
        Assert.Equal("<unknown>", Cell(new Corev1Event { InvolvedObject = new V1ObjectReference() }, "FirstSeen"));
    }

    [Fact]
    public void ConfigMapAndSecret_CountKeys()
    {
        var configMap = new V1ConfigMap
        {
            Metadata = Meta("kube-root-ca.crt", HoursAgo(5)),
            Data = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" },
            BinaryData = new Dictionary<string, byte[]> { ["c"] = [1] },
        };
        Assert.Equal(["kube-root-ca.crt", "3", "5h"], KubePrinters.For(configMap).Cells(configMap, Now));

        var secret = new V1Secret
        {
            Metadata = Meta("tls", SecondsAgo(5)), Type = "kubernetes.io/tls",
            Data = new Dictionary<string, byte[]> { ["tls.crt"] = [1], ["tls.key"] = [2] },
        };
        Assert.Equal(["tls", "kubernetes.io/tls", "2", "5s"], KubePrinters.For(secret).Cells(secret, Now));
        secret.StringData = new Dictionary<string, string> { ["tls.key"] = "x", ["ca.crt"] = "y" };
        Assert.Equal("3", Cell(secret, "Data"));
    }

    private static V1EndpointAddress Address(string ip) => new() { Ip = ip };

    [Fact]
    public void Endpoints_PortsOuterAddressesInner_ThreeThenMore()
    {
        var endpoints = new V1Endpoints
        {
            Metadata = Meta("web", MinutesAgo(1)),
            Subsets =
            [
                new V1EndpointSubset
                {
                    Addresses = [Address("10.244.0.5"), Address("10.244.0.6"), Address("fd00::7")],
                    NotReadyAddresses = [Address("10.244.0.99")],
                    Ports = [new Corev1EndpointPort { Port = 80 }, new Corev1EndpointPort { Port = 443 }],
                },
            ],
        };
        Assert.Equal(["web", "10.244.0.5:80,10.244.0.6:80,[fd00::7]:80 + 3 more...", "60s"], KubePrinters.For(endpoints).Cells(endpoints, Now));
    }

    [Fact]
    public void Endpoints_NoSubsets_PortlessSubsets_OnlyNotReady()
    {
        Assert.Equal("<none>", Cell(new V1Endpoints { Metadata = Meta("e") }, "Endpoints"));
        var headless = new V1Endpoints { Metadata = Meta("e"), Subsets = [new V1EndpointSubset { Addresses = [Address("10.0.0.1"), Address("10.0.0.2")] }] };
        Assert.Equal("10.0.0.1,10.0.0.2", Cell(headless, "Endpoints"));
        var notReady = new V1Endpoints
        {
            Metadata = Meta("e"),
            Subsets = [new V1EndpointSubset { NotReadyAddresses = [Address("10.0.0.1")], Ports = [new Corev1EndpointPort { Port = 80 }] }],
        };
        Assert.Equal("", Cell(notReady, "Endpoints"));
    }

    [Fact]
    public void ServiceAccount_PodDisruptionBudget_Lease_IngressClass()
    {
        var sa = new V1ServiceAccount { Metadata = Meta("default", HoursAgo(30)), Secrets = [new V1ObjectReference { Name = "t" }] };
        Assert.Equal(["default", "1", "30h"], KubePrinters.For(sa).Cells(sa, Now));
        Assert.Equal(["NAME", "SECRETS", "AGE"], KubePrinters.For(sa).Columns.Select(c => c.Header));

        var pdb = new V1PodDisruptionBudget
        {
            Metadata = Meta("web-pdb", MinutesAgo(15)),
            Spec = new V1PodDisruptionBudgetSpec { MinAvailable = "50%" },
            Status = new V1PodDisruptionBudgetStatus { DisruptionsAllowed = 1 },
        };
        Assert.Equal(["NAME", "MIN AVAILABLE", "MAX UNAVAILABLE", "ALLOWED DISRUPTIONS", "AGE"], KubePrinters.For(pdb).Columns.Select(c => c.Header));
        Assert.Equal(["web-pdb", "50%", "N/A", "1", "15m"], KubePrinters.For(pdb).Cells(pdb, Now));
        pdb.Spec = new V1PodDisruptionBudgetSpec { MaxUnavailable = 1 };
        Assert.Equal("N/A", Cell(pdb, "MinAvailable"));
        Assert.Equal("1", Cell(pdb, "MaxUnavailable"));

        var lease = new V1Lease { Metadata = Meta("node-1", HoursAgo(24)), Spec = new V1LeaseSpec { HolderIdentity = "node-1" } };
        Assert.Equal(["node-1", "node-1", "24h"], KubePrinters.For(lease).Cells(lease, Now));
        Assert.Equal("", Cell(new V1Lease { Metadata = Meta("x"), Spec = new V1LeaseSpec() }, "Holder"));

        var ingressClass = new V1IngressClass { Metadata = Meta("nginx", HoursAgo(2)), Spec = new V1IngressClassSpec { Controller = "k8s.io/ingress-nginx" } };
        Assert.Equal(["nginx", "k8s.io/ingress-nginx", "<none>", "120m"], KubePrinters.For(ingressClass).Cells(ingressClass, Now));
        ingressClass.Spec.Parameters = new V1IngressClassParametersReference { ApiGroup = "k8s.example.com", Kind = "IngressParameters", Name = "external-lb" };
        Assert.Equal("IngressParameters.k8s.example.com/external-lb", Cell(ingressClass, "Parameters"));
        ingressClass.Spec.Parameters.ApiGroup = null;
        Assert.Equal("IngressParameters/external-lb", Cell(ingressClass, "Parameters"));
    }

    [Fact]
    public void EndpointSlice_ListsAllAddresses_AndPorts()
    {
        var slice = new V1EndpointSlice
        {
            Metadata = Meta("web-abc12", MinutesAgo(4)),
            AddressType = "IPv4",
            Ports = [new Discoveryv1EndpointPort { Port = 80 }, new Discoveryv1EndpointPort { Name = "metrics" }, new Discoveryv1EndpointPort()],
            Endpoints =
            [
                new V1Endpoint { Addresses = ["10.1.0.1"], Conditions = new V1EndpointConditions { Ready = false } },
                new V1Endpoint { Addresses = ["10.1.0.2", "10.1.0.3", "10.1.0.4"] },
            ],
        };
        var printer = KubePrinters.For(slice);
        Assert.Equal(["NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"], printer.Columns.Select(c => c.Header));
        Assert.Equal(["web-abc12", "IPv4", "80,metrics,*", "10.1.0.1,10.1.0.2,10.1.0.3 + 1 more...", "4m"], printer.Cells(slice, Now));
        var empty = new V1EndpointSlice { Metadata = Meta("e"), AddressType = "IPv6" };
        Assert.Equal("<unset>", Cell(empty, "Ports"));
        Assert.Equal("<unset>", Cell(empty, "Endpoints"));
    }

    [Fact]
    public void CustomResourceDefinition_ShowsCreatedAtTimestamp()
    {
        var crd = new V1CustomResourceDefinition { Metadata = Meta("crontabs.stable.example.com", new DateTime(2024, 3, 9, 7, 5, 1, DateTimeKind.Utc)) };
        var printer = KubePrinters.For(crd);
        Assert.Equal(["NAME", "CREATED AT"], printer.Columns.Select(c => c.Header));
        Assert.Equal("date", printer.Columns[1].Type);
        Assert.Equal(["crontabs.stable.example.com", "2024-03-09T07:05:01Z"], printer.Cells(crd, Now));
    }

    [Fact]
    public void Generic_NameAndAge_ForModelsAndJson()
    {
        var role = new V1PodTemplate { Metadata = Meta("reader", MinutesAgo(7)) };
        Assert.Same(KubePrinters.Generic, KubePrinters.For(role));
        Assert.Equal(["NAME", "AGE"], KubePrinters.Generic.Columns.Select(c => c.Header));
        Assert.Equal(["reader", "7m"], KubePrinters.Generic.Cells(role, Now));

        var json = JsonDocument.Parse("""{"apiVersion":"stable.example.com/v1","kind":"CronTab","metadata":{"name":"my-cron","creationTimestamp":"2024-05-01T11:00:00Z"}}""").RootElement;
        Assert.Equal(["my-cron", "60m"], KubePrinters.For(json).Cells(json, Now));
        Assert.Equal(["", "<unknown>"], KubePrinters.Generic.Cells(new object(), Now));
    }
}
