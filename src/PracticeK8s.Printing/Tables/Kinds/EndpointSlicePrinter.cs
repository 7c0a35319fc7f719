using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>EndpointSlice (discovery.k8s.io): NAME ADDRESSTYPE PORTS ENDPOINTS AGE.</summary>
internal sealed class EndpointSlicePrinter : ObjectTablePrinter<V1EndpointSlice>
{
    private const int Max = 3;

    public EndpointSlicePrinter() : base("discovery.k8s.io", "EndpointSlice")
    {
        NameColumn();
        Column("AddressType", "AddressType", "string", 0, "The type of address carried by this slice.", s => s.AddressType ?? "");
        Column("Ports", "Ports", "string", 0, "The ports exposed by each endpoint in this slice.", s => Ports(s.Ports));
        Column("Endpoints", "Endpoints", "string", 0, "The addresses of the endpoints in this slice.", s => Endpoints(s.Endpoints));
        AgeColumn();
    }

    /// <summary>Up to three port numbers (a port's name when unnumbered, "*" when neither), or "&lt;unset&gt;".</summary>
    private static string Ports(IList<Discoveryv1EndpointPort>? ports)
    {
        var all = (ports ?? []).Select(p => p.Port?.ToString() ?? p.Name ?? "*").ToList();
        return KubeFormat.ListWithMore(all.Take(Max).ToList(), all.Count, Max, KubeFormat.Unset);
    }

    /// <summary>Up to three addresses of any endpoint (ready or not), or "&lt;unset&gt;".</summary>
    private static string Endpoints(IList<V1Endpoint>? endpoints)
    {
        var all = (endpoints ?? []).SelectMany(e => e.Addresses ?? []).ToList();
        return KubeFormat.ListWithMore(all.Take(Max).ToList(), all.Count, Max, KubeFormat.Unset);
    }
}
