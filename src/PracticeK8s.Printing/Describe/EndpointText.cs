using k8s.Models;

namespace PracticeK8s.Printing.Describe;

/// <summary>The "ip:port" lists describe shows for a service port (kubectl's formatEndpointSlices / formatEndpoints).</summary>
internal static class EndpointText
{
    private const int Max = 3;

    /// <summary>
    /// From EndpointSlices: ready endpoints only (a missing condition counts as ready), first address of each,
    /// for ports named <paramref name="portName"/> ("" for an unnamed port; null keeps all); "&lt;none&gt;" without slices.
    /// </summary>
    public static string FromSlices(IReadOnlyList<V1EndpointSlice> slices, string? portName)
    {
        if (slices.Count == 0) return KubeFormat.None;
        var list = new List<string>();
        bool more = false;
        int count = 0;
        void Visit(V1Endpoint endpoint, Func<string, string> text)
        {
            if (list.Count == Max) more = true; // kubectl sets this before looking at readiness
            if (endpoint.Conditions?.Ready == false) return;
            if (!more) list.Add(text(endpoint.Addresses?.FirstOrDefault() ?? ""));
            count++;
        }
        foreach (var slice in slices)
        {
            if (slice.Ports is null || slice.Ports.Count == 0)
            {
                foreach (var endpoint in slice.Endpoints ?? []) Visit(endpoint, address => address);
                continue;
            }
            foreach (var port in slice.Ports)
            {
                if (portName is not null && (port.Name ?? "") != portName) continue;
                foreach (var endpoint in slice.Endpoints ?? [])
                    Visit(endpoint, address => KubeFormat.HostPort(address, port.Port ?? 0));
            }
        }
        var text = string.Join(",", list);
        return more ? $"{text} + {count - Max} more..." : text;
    }

    /// <summary>From an Endpoints object (kubectl v1.32 and before), as the Endpoints table cell but filtered by port name.</summary>
    public static string FromEndpoints(V1Endpoints? endpoints, string? portName) =>
        Tables.Kinds.EndpointsPrinter.Format(endpoints ?? new V1Endpoints(), portName);
}
