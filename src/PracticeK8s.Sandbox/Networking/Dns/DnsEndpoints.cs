using k8s.Models;
using PracticeK8s.Sandbox.Controllers;

namespace PracticeK8s.Sandbox.Networking.Dns;

/// <summary>One port of an endpoint address (from its Endpoints subset).</summary>
public sealed record DnsEndpointPort(string Name, int Port, string Protocol);

/// <summary>
/// A ready address of a Service's Endpoints object as the cluster DNS names it: by its
/// <c>hostname</c> (a pod with spec.hostname and spec.subdomain = the Service) or else its IP with
/// dashes (<c>10-244-1-5</c>), as CoreDNS's kubernetes plugin does.
/// </summary>
public sealed record DnsEndpoint(string Ip, string? Hostname, IReadOnlyList<DnsEndpointPort> Ports)
{
    public string Label => string.IsNullOrEmpty(Hostname) ? Dashed(Ip) : Hostname!;

    public static string Dashed(string ip) => ip.Replace('.', '-').Replace(':', '-');

    /// <summary>The ready addresses of Service <paramref name="service"/> (none when it has no Endpoints).</summary>
    public static List<DnsEndpoint> Ready(ClusterAccess cluster, string @namespace, string service)
    {
        var result = new List<DnsEndpoint>();
        if (cluster.Get<V1Endpoints>("/endpoints", @namespace, service) is not { } ep) return result;
        foreach (var subset in ep.Model.Subsets ?? new List<V1EndpointSubset>())
        {
            var ports = (subset.Ports ?? new List<Corev1EndpointPort>())
                .Select(p => new DnsEndpointPort(p.Name ?? "", p.Port, p.Protocol ?? "TCP")).ToList();
            foreach (var address in subset.Addresses ?? new List<V1EndpointAddress>())
                if (!string.IsNullOrEmpty(address.Ip)) result.Add(new DnsEndpoint(address.Ip, address.Hostname, ports));
        }
        return result;
    }
}
