using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>Endpoints: NAME ENDPOINTS AGE.</summary>
internal sealed class EndpointsPrinter : ObjectTablePrinter<V1Endpoints>
{
    public EndpointsPrinter() : base("", "Endpoints")
    {
        NameColumn();
        Column("Endpoints", "Endpoints", "string", 0, "Endpoints of the service.", e => Format(e, portName: null));
        AgeColumn();
    }

    /// <summary>
    /// Up to three ready "ip:port" entries (ports outer, addresses inner; bare IPs for port-less subsets),
    /// then " + N more..."; "&lt;none&gt;" with no subsets. <paramref name="portName"/> keeps only ports of that name
    /// (describe service uses it); null keeps all.
    /// </summary>
    public static string Format(V1Endpoints endpoints, string? portName)
    {
        if (endpoints.Subsets is null || endpoints.Subsets.Count == 0) return KubeFormat.None;
        const int max = 3;
        var list = new List<string>();
        int count = 0;
        foreach (var subset in endpoints.Subsets)
        {
            var addresses = subset.Addresses ?? [];
            if (subset.Ports is null || subset.Ports.Count == 0)
            {
                count += addresses.Count;
                list.AddRange(addresses.Take(max - list.Count).Select(a => a.Ip));
                continue;
            }
            foreach (var port in subset.Ports)
            {
                if (portName is not null && (port.Name ?? "") != portName) continue;
                count += addresses.Count;
                list.AddRange(addresses.Take(max - list.Count).Select(a => KubeFormat.HostPort(a.Ip, port.Port)));
            }
        }
        return KubeFormat.ListWithMore(list, count, max, whenEmpty: "");
    }
}
