using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using k8s.Models;
using PracticeK8s.Sandbox.Controllers;

namespace PracticeK8s.Sandbox.Networking.Dns;

/// <summary>
/// The answers CoreDNS's kubernetes plugin gives (<c>kubernetes cluster.local in-addr.arpa { pods insecure; ttl 30 }</c>),
/// read from the cluster's Services, Endpoints and Pods at the moment of the question:
/// <list type="bullet">
/// <item><c>svc.ns.svc.cluster.local</c>: A of the ClusterIP; a headless Service's ready endpoint IPs; CNAME of an ExternalName.</item>
/// <item><c>host.svc.ns.svc.cluster.local</c>: a headless Service's endpoint by hostname (StatefulSet pods) or dashed IP.</item>
/// <item><c>_port._proto.svc.ns.svc.cluster.local</c> SRV for named ports (all ports for a plain SRV question on the Service).</item>
/// <item><c>a-b-c-d.ns.pod.cluster.local</c>: A of that IP; PTR (<c>in-addr.arpa</c>) of ClusterIPs, endpoint and pod IPs.</item>
/// </list>
/// A name that exists without records of the type asked (AAAA: the cluster is IPv4) is NODATA, a missing one
/// NXDOMAIN, both with the zone's SOA in the authority section. Names are compared case-insensitively.
/// Returns null for a name outside the cluster's zones (the server forwards it).
/// </summary>
public sealed class ClusterDnsResolver(ClusterAccess cluster)
{
    public const string Zone = "cluster.local";
    public const int Ttl = 30;
    private static readonly DomainName ZoneName = DomainName.Parse(Zone);
    private static readonly DomainName NameServer = DomainName.Parse("ns.dns." + Zone);
    private static readonly IPAddress NameServerAddress = IPAddress.Parse("10.96.0.10");
    private readonly uint _serial = (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public DnsAnswer? Resolve(DnsQuestion question)
    {
        var labels = question.Name.Labels.Select(l => l.ToLowerInvariant()).ToArray();
        if (labels.Length >= 2 && labels[^1] == "local" && labels[^2] == "cluster")
            return InZone(question, labels[..^2]);
        if (labels.Length >= 2 && labels[^1] == "arpa" && labels[^2] == "in-addr" && question.RecordType == RecordType.Ptr)
            return Reverse(question, labels[..^2]);
        return null;
    }

    private DnsAnswer InZone(DnsQuestion q, string[] rel)
    {
        if (rel.Length == 0) return Apex(q);
        return rel[^1] switch
        {
            "svc" => rel.Length switch
            {
                1 => NoData(),
                2 => NamespaceExists(rel[0]) ? NoData() : NxDomain(),
                3 => Service(q, rel[1], rel[0], port: null),
                4 => Endpoint(q, rel[2], rel[1], rel[0]),
                5 when rel[0].StartsWith('_') && rel[1].StartsWith('_') => Service(q, rel[3], rel[2], (rel[0][1..], rel[1][1..])),
                _ => NxDomain(),
            },
            "pod" => rel.Length switch
            {
                1 => NoData(),
                2 => NamespaceExists(rel[0]) ? NoData() : NxDomain(),
                3 => PodByAddress(q, rel[0]),
                _ => NxDomain(),
            },
            _ => NxDomain(),
        };
    }

    private DnsAnswer Apex(DnsQuestion q) => q.RecordType switch
    {
        RecordType.Soa => Found(new DnsRecordBase[] { Soa() }),
        RecordType.Ns => Found(new DnsRecordBase[] { new NsRecord(q.Name, Ttl, NameServer) },
            new DnsRecordBase[] { new ARecord(NameServer, Ttl, NameServerAddress) }),
        _ => NoData(),
    };

    /// <param name="port">for <c>_port._proto.svc...</c>: the port name and protocol asked for.</param>
    private DnsAnswer Service(DnsQuestion q, string ns, string name, (string Name, string Protocol)? port)
    {
        if (cluster.Get<V1Service>("/services", ns, name) is not { } live) return NxDomain();
        var svc = live.Model;
        var fqdn = DomainName.Parse($"{name}.{ns}.svc.{Zone}");
        if (svc.Spec?.Type == "ExternalName")
            return port is null && DomainName.TryParse(svc.Spec.ExternalName ?? "", out var target) && target is not null
                ? Found(new DnsRecordBase[] { new CNameRecord(q.Name, Ttl, target) })
                : NxDomain();
        var ports = (svc.Spec?.Ports ?? new List<V1ServicePort>())
            .Where(p => port is null || (Matches(p.Name, port.Value.Name) && Matches(p.Protocol ?? "TCP", port.Value.Protocol)))
            .ToList();
        if (port is not null && ports.Count == 0) return NxDomain();
        var headless = svc.Spec?.ClusterIP is null or "" or "None";
        var endpoints = headless ? DnsEndpoint.Ready(cluster, ns, name) : new List<DnsEndpoint>();
        if (headless && endpoints.Count == 0) return NxDomain();
        switch (q.RecordType)
        {
            case RecordType.A or RecordType.Any:
                return Found(headless
                    ? endpoints.Select(e => e.Ip).Distinct().Select(ip => (DnsRecordBase)new ARecord(q.Name, Ttl, IPAddress.Parse(ip))).ToList()
                    : new DnsRecordBase[] { new ARecord(q.Name, Ttl, IPAddress.Parse(svc.Spec!.ClusterIP)) });
            case RecordType.Srv:
                var targets = new List<(DomainName Target, int Port, string Ip)>();
                foreach (var p in ports)
                {
                    if (!headless) targets.Add((fqdn, p.Port, svc.Spec!.ClusterIP));
                    else
                        foreach (var e in endpoints)
                            if (e.Ports.FirstOrDefault(ep => Matches(ep.Name, p.Name ?? "") && Matches(ep.Protocol, p.Protocol ?? "TCP")) is { } ep)
                                targets.Add((DomainName.Parse($"{e.Label}.{name}.{ns}.svc.{Zone}"), ep.Port, e.Ip));
                }
                if (targets.Count == 0) return NoData();
                var weight = (ushort)Math.Max(1, 100 / targets.Count);
                return Found(
                    targets.Select(t => (DnsRecordBase)new SrvRecord(q.Name, Ttl, 0, weight, (ushort)t.Port, t.Target)).ToList(),
                    targets.DistinctBy(t => t.Target).Select(t => (DnsRecordBase)new ARecord(t.Target, Ttl, IPAddress.Parse(t.Ip))).ToList());
            default:
                return NoData();
        }
    }

    /// <summary><c>host.svc.ns.svc.cluster.local</c>: one endpoint of a headless Service, by hostname or dashed IP.</summary>
    private DnsAnswer Endpoint(DnsQuestion q, string ns, string service, string label)
    {
        if (cluster.Get<V1Service>("/services", ns, service) is not { } svc || svc.Model.Spec?.ClusterIP is not (null or "" or "None"))
            return NxDomain();
        var matches = DnsEndpoint.Ready(cluster, ns, service).Where(e => Matches(e.Label, label)).Select(e => e.Ip).Distinct().ToList();
        if (matches.Count == 0) return NxDomain();
        return q.RecordType is RecordType.A or RecordType.Any
            ? Found(matches.Select(ip => (DnsRecordBase)new ARecord(q.Name, Ttl, IPAddress.Parse(ip))).ToList())
            : NoData();
    }

    /// <summary><c>a-b-c-d.ns.pod.cluster.local</c> ("pods insecure": the address in the name, unchecked).</summary>
    private DnsAnswer PodByAddress(DnsQuestion q, string label)
    {
        var parts = label.Split('-');
        if (parts.Length != 4 || !IPAddress.TryParse(string.Join('.', parts), out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            return NxDomain();
        return q.RecordType is RecordType.A or RecordType.Any ? Found(new DnsRecordBase[] { new ARecord(q.Name, Ttl, ip) }) : NoData();
    }

    /// <summary>PTR of a ClusterIP, a Service endpoint or a pod; null (forward) for other addresses.</summary>
    private DnsAnswer? Reverse(DnsQuestion q, string[] octets)
    {
        if (octets.Length != 4 || !IPAddress.TryParse(string.Join('.', Enumerable.Reverse(octets)), out var parsed)) return null;
        var owner = OwnerOf(parsed.ToString());
        if (owner is null) return InClusterRanges(parsed) ? NxDomain() : null;
        return Found(new DnsRecordBase[] { new PtrRecord(q.Name, Ttl, DomainName.Parse(owner)) });
    }

    /// <summary>The name an address belongs to: a Service's ClusterIP, else an endpoint of a Service, else a pod.</summary>
    private string? OwnerOf(string ip)
    {
        var services = cluster.List<V1Service>("/services");
        if (services.FirstOrDefault(s => s.Model.Spec?.ClusterIP == ip) is { } svc)
            return $"{svc.Name}.{svc.Namespace}.svc.{Zone}";
        foreach (var s in services)
            if (DnsEndpoint.Ready(cluster, s.Namespace, s.Name).FirstOrDefault(e => e.Ip == ip) is { } endpoint)
                return $"{endpoint.Label}.{s.Name}.{s.Namespace}.svc.{Zone}";
        return cluster.List<V1Pod>("/pods").FirstOrDefault(p => p.Model.Status?.PodIP == ip) is { } pod
            ? $"{DnsEndpoint.Dashed(ip)}.{pod.Namespace}.pod.{Zone}"
            : null;
    }

    /// <summary>Service (10.96.0.0/12) and pod (10.244.0.0/16) addresses: nobody upstream knows them.</summary>
    private static bool InClusterRanges(IPAddress ip)
    {
        var b = ip.GetAddressBytes();
        return b[0] == 10 && ((b[1] & 0xF0) == 96 || b[1] == 244);
    }

    private bool NamespaceExists(string ns) => cluster.Store.Get("/namespaces", "", ns) is not null;

    private static bool Matches(string? a, string b) => string.Equals(a ?? "", b, StringComparison.OrdinalIgnoreCase);

    private SoaRecord Soa() => new(ZoneName, Ttl, NameServer, DomainName.Parse("hostmaster." + Zone), _serial, 7200, 1800, 86400, Ttl);

    private static DnsAnswer Found(IReadOnlyList<DnsRecordBase> answers, IReadOnlyList<DnsRecordBase>? additional = null) =>
        new(ReturnCode.NoError, answers, Array.Empty<DnsRecordBase>(), additional ?? Array.Empty<DnsRecordBase>(), true);

    private DnsAnswer NoData() =>
        new(ReturnCode.NoError, Array.Empty<DnsRecordBase>(), new DnsRecordBase[] { Soa() }, Array.Empty<DnsRecordBase>(), true);

    private DnsAnswer NxDomain() =>
        new(ReturnCode.NxDomain, Array.Empty<DnsRecordBase>(), new DnsRecordBase[] { Soa() }, Array.Empty<DnsRecordBase>(), true);
}
