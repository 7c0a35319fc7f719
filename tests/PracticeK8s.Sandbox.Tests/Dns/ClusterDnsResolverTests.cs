using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using PracticeK8s.Sandbox.Networking.Dns;

namespace PracticeK8s.Sandbox.Tests.Dns;

/// <summary>The resolver's answers (CoreDNS's kubernetes plugin) for Services, Endpoints and Pods in an in-memory cluster.</summary>
public sealed class ClusterDnsResolverTests : IDisposable
{
    private readonly InMemoryCluster _cluster = new();
    private readonly ClusterDnsResolver _resolver;

    public ClusterDnsResolverTests()
    {
        _cluster.Namespace("shop");
        _cluster.Service("shop", "web", """{"clusterIP":"10.96.7.7","ports":[{"name":"http","port":80,"protocol":"TCP"},{"name":"metrics","port":9100}]}""");
        _cluster.Service("shop", "db", """{"clusterIP":"None","ports":[{"name":"pg","port":5432}]}""");
        _cluster.Endpoints("shop", "db", new[] { ("10.244.1.5", (string?)"db-0"), ("10.244.2.6", null) }, """[{"name":"pg","port":5432,"protocol":"TCP"}]""");
        _cluster.Service("shop", "empty", """{"clusterIP":"None","ports":[{"port":80}]}""");
        _cluster.Service("shop", "ext", """{"type":"ExternalName","externalName":"example.org"}""");
        _cluster.Pod("shop", "loose", "10.244.0.9");
        _resolver = new ClusterDnsResolver(_cluster.Access);
    }

    public void Dispose() => _cluster.Dispose();

    private DnsAnswer Ask(string name, RecordType type = RecordType.A) =>
        _resolver.Resolve(new DnsQuestion(DomainName.Parse(name), type, RecordClass.INet))!;

    private static List<string> Addresses(DnsAnswer a) => a.Answers.OfType<ARecord>().Select(r => r.Address.ToString()).OrderBy(s => s).ToList();

    [Fact]
    public void ClusterIpService_AnswersItsClusterIp_WithTtl30_CaseInsensitively()
    {
        var a = Ask("Web.SHOP.svc.Cluster.Local");
        Assert.Equal(ReturnCode.NoError, a.Code);
        Assert.True(a.Authoritative);
        var record = Assert.IsType<ARecord>(Assert.Single(a.Answers));
        Assert.Equal("10.96.7.7", record.Address.ToString());
        Assert.Equal(30, record.TimeToLive);
    }

    [Fact]
    public void ExistingName_WithoutRecordsOfTheType_IsNoData_WithTheSoa()
    {
        var a = Ask("web.shop.svc.cluster.local", RecordType.Aaaa);
        Assert.Equal(ReturnCode.NoError, a.Code);
        Assert.Empty(a.Answers);
        var soa = Assert.IsType<SoaRecord>(Assert.Single(a.Authority));
        Assert.Equal("cluster.local", soa.Name.ToString(true).TrimEnd('.'));
        Assert.Equal(ReturnCode.NoError, Ask("shop.svc.cluster.local").Code); // a namespace: a name with children
    }

    [Theory]
    [InlineData("nope.shop.svc.cluster.local")]
    [InlineData("web.nowhere.svc.cluster.local")]
    [InlineData("nowhere.svc.cluster.local")]
    [InlineData("web.shop.cluster.local")]
    [InlineData("empty.shop.svc.cluster.local")] // headless without ready endpoints
    [InlineData("db-9.db.shop.svc.cluster.local")]
    [InlineData("_nope._tcp.web.shop.svc.cluster.local")]
    public void MissingNames_AreNxDomain_WithTheSoa(string name)
    {
        var a = Ask(name);
        Assert.Equal(ReturnCode.NxDomain, a.Code);
        Assert.IsType<SoaRecord>(Assert.Single(a.Authority));
    }

    [Fact]
    public void HeadlessService_AnswersItsReadyEndpointIps_AndEachEndpointByHostnameOrDashedIp()
    {
        Assert.Equal(new[] { "10.244.1.5", "10.244.2.6" }, Addresses(Ask("db.shop.svc.cluster.local")));
        Assert.Equal(new[] { "10.244.1.5" }, Addresses(Ask("db-0.db.shop.svc.cluster.local")));
        Assert.Equal(new[] { "10.244.2.6" }, Addresses(Ask("10-244-2-6.db.shop.svc.cluster.local")));
    }

    [Fact]
    public void Srv_ForANamedPort_TargetsTheServiceName_WithItsAddressAsAdditional()
    {
        var a = Ask("_http._tcp.web.shop.svc.cluster.local", RecordType.Srv);
        var srv = Assert.IsType<SrvRecord>(Assert.Single(a.Answers));
        Assert.Equal((80, "web.shop.svc.cluster.local"), (srv.Port, srv.Target.ToString(true).TrimEnd('.')));
        Assert.Equal("10.96.7.7", Assert.IsType<ARecord>(Assert.Single(a.Additional)).Address.ToString());
        // A plain SRV question on the Service lists every port.
        Assert.Equal(new ushort[] { 80, 9100 }, Ask("web.shop.svc.cluster.local", RecordType.Srv).Answers.OfType<SrvRecord>().Select(r => r.Port).OrderBy(p => p));
    }

    [Fact]
    public void Srv_OfAHeadlessService_TargetsEachEndpoint()
    {
        var a = Ask("_pg._tcp.db.shop.svc.cluster.local", RecordType.Srv);
        var targets = a.Answers.OfType<SrvRecord>().Select(r => $"{r.Target.ToString(true).TrimEnd('.')}:{r.Port}").OrderBy(s => s).ToList();
        Assert.Equal(new[] { "10-244-2-6.db.shop.svc.cluster.local:5432", "db-0.db.shop.svc.cluster.local:5432" }, targets);
        Assert.Equal(2, a.Additional.OfType<ARecord>().Count());
    }

    [Fact]
    public void ExternalName_IsACname()
    {
        var cname = Assert.IsType<CNameRecord>(Assert.Single(Ask("ext.shop.svc.cluster.local").Answers));
        Assert.Equal("example.org", cname.CanonicalName.ToString(true).TrimEnd('.'));
    }

    [Fact]
    public void PodNames_AnswerTheAddressTheyCarry()
    {
        Assert.Equal(new[] { "10.244.3.4" }, Addresses(Ask("10-244-3-4.shop.pod.cluster.local")));
        Assert.Equal(ReturnCode.NxDomain, Ask("not-an-ip.shop.pod.cluster.local").Code);
    }

    [Theory]
    [InlineData("7.7.96.10.in-addr.arpa", "web.shop.svc.cluster.local")]
    [InlineData("5.1.244.10.in-addr.arpa", "db-0.db.shop.svc.cluster.local")]
    [InlineData("9.0.244.10.in-addr.arpa", "10-244-0-9.shop.pod.cluster.local")]
    public void Ptr_NamesClusterIpsEndpointsAndPods(string reverse, string expected)
    {
        var ptr = Assert.IsType<PtrRecord>(Assert.Single(Ask(reverse, RecordType.Ptr).Answers));
        Assert.Equal(expected, ptr.PointerDomainName.ToString(true).TrimEnd('.'));
    }

    [Fact]
    public void UnknownClusterAddresses_AreNxDomain_OthersAndOutsideNames_AreForwarded()
    {
        Assert.Equal(ReturnCode.NxDomain, Ask("99.99.96.10.in-addr.arpa", RecordType.Ptr).Code);
        Assert.Null(_resolver.Resolve(new DnsQuestion(DomainName.Parse("8.8.8.8.in-addr.arpa"), RecordType.Ptr, RecordClass.INet)));
        Assert.Null(_resolver.Resolve(new DnsQuestion(DomainName.Parse("example.org"), RecordType.A, RecordClass.INet)));
    }

    [Fact]
    public void ZoneApex_HasItsSoaAndNameServer()
    {
        Assert.IsType<SoaRecord>(Assert.Single(Ask("cluster.local", RecordType.Soa).Answers));
        Assert.IsType<NsRecord>(Assert.Single(Ask("cluster.local", RecordType.Ns).Answers));
    }
}
