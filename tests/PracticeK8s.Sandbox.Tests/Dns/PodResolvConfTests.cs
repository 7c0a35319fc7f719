using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Runtime;
using PracticeK8s.Sandbox.Runtime.Isolation;

namespace PracticeK8s.Sandbox.Tests.Dns;

/// <summary>A pod's resolv.conf as the kubelet writes it, per dnsPolicy, hostNetwork and dnsConfig.</summary>
public sealed class PodResolvConfTests
{
    private const string Host = """
        # the node's resolver
        nameserver 192.0.2.53
        nameserver 192.0.2.54
        search corp.example lab.example
        options edns0 timeout:2
        """;

    private static string Render(string? policy, bool hostNetwork = false, PodDnsConfig? config = null, bool reachable = true, string host = Host) =>
        PodResolvConf.Render("shop", policy, hostNetwork, config, host, reachable);

    [Theory]
    [InlineData(null)]
    [InlineData("ClusterFirst")]
    [InlineData("ClusterFirstWithHostNet")]
    public void ClusterFirst_NamesTheClusterDns_ItsSearchPathThenTheHosts_AndNdots5(string? policy) =>
        Assert.Equal("""
            search shop.svc.cluster.local svc.cluster.local cluster.local corp.example lab.example
            nameserver 10.96.0.10
            options ndots:5

            """.Replace("\r", ""), Render(policy));

    [Fact]
    public void ClusterFirst_WithHostNetwork_IsDefault_ButClusterFirstWithHostNetIsNot()
    {
        Assert.Equal(Render("Default"), Render("ClusterFirst", hostNetwork: true));
        Assert.Contains("nameserver 10.96.0.10", Render("ClusterFirstWithHostNet", hostNetwork: true));
    }

    [Fact]
    public void Default_IsTheHostsResolvConf() =>
        Assert.Equal("""
            search corp.example lab.example
            nameserver 192.0.2.53
            nameserver 192.0.2.54
            options edns0 timeout:2

            """.Replace("\r", ""), Render("Default"));

    [Fact]
    public void None_IsOnlyDnsConfig()
    {
        Assert.Equal("", Render("None"));
        var config = new PodDnsConfig(new[] { "1.2.3.4" }, new[] { "ns1.svc.cluster-domain.example", "my.dns.search.suffix" }, new[] { "ndots:2", "edns0" });
        Assert.Equal("""
            search ns1.svc.cluster-domain.example my.dns.search.suffix
            nameserver 1.2.3.4
            options ndots:2 edns0

            """.Replace("\r", ""), Render("None", config: config));
    }

    [Fact]
    public void DnsConfig_IsAppended_WithoutDuplicates_ItsOptionsReplacingSameNamedOnes_AndCutToTheLimits()
    {
        var config = new PodDnsConfig(new[] { "10.96.0.10", "1.1.1.1", "8.8.8.8", "9.9.9.9" }, new[] { "cluster.local", "extra.example" }, new[] { "ndots:2", "single-request-reopen" });
        Assert.Equal("""
            search shop.svc.cluster.local svc.cluster.local cluster.local corp.example lab.example extra.example
            nameserver 10.96.0.10
            nameserver 1.1.1.1
            nameserver 8.8.8.8
            options ndots:2 single-request-reopen

            """.Replace("\r", ""), Render("ClusterFirst", config: config));
    }

    [Fact]
    public void WithoutAReachableClusterDns_ClusterFirstKeepsTheSearchPath_OnTheHostsNameServers()
    {
        Assert.Equal("""
            search shop.svc.cluster.local svc.cluster.local cluster.local corp.example lab.example
            nameserver 192.0.2.53
            nameserver 192.0.2.54

            """.Replace("\r", ""), Render("ClusterFirst", reachable: false));
        Assert.Equal("search shop.svc.cluster.local svc.cluster.local cluster.local\n", Render(null, reachable: false, host: ""));
    }

    [Fact]
    public void ThePodSpec_CarriesPolicyHostNetworkAndDnsConfig_IntoTheContainersResolvConf()
    {
        var pod = PodSpecification.FromPod(JsonNode.Parse("""
            {"metadata":{"name":"p","namespace":"shop","uid":"u"},
             "spec":{"dnsPolicy":"None","hostNetwork":true,"containers":[{"name":"c","image":"busybox"}],
                     "dnsConfig":{"nameservers":["1.2.3.4"],"searches":["a.example"],"options":[{"name":"ndots","value":"1"},{"name":"rotate"}]}}}
            """)!.AsObject());
        var resolv = ContainerEtc.Files(pod, Host, clusterDnsReachable: true).Single(f => f.Path == "etc/resolv.conf").Content;
        Assert.Equal("search a.example\nnameserver 1.2.3.4\noptions ndots:1 rotate\n", resolv);
    }
}
