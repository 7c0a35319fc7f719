using k8s.Models;

namespace PracticeK8s.Printing.Describe.Kinds;

/// <summary>describe endpoints and describe endpointslice. Related objects: <see cref="DescribeInput.Events"/>.</summary>
internal static class EndpointsDescriber
{
    public static void WriteEndpoints(DescribeBuilder w, V1Endpoints endpoints, DescribeInput input, DateTime now)
    {
        var meta = endpoints.Metadata ?? new V1ObjectMeta();
        w.Field(0, "Name", meta.Name);
        w.Field(0, "Namespace", meta.NamespaceProperty);
        Common.Labels(w, "Labels", meta.Labels);
        Common.Annotations(w, "Annotations", meta.Annotations);
        using (w.Group(0, "Subsets"))
        {
            foreach (var subset in endpoints.Subsets ?? [])
            {
                w.Field(2, "Addresses", KubeFormat.OrDefault(string.Join(",", (subset.Addresses ?? []).Select(a => a.Ip)), KubeFormat.None));
                w.Field(2, "NotReadyAddresses", KubeFormat.OrDefault(string.Join(",", (subset.NotReadyAddresses ?? []).Select(a => a.Ip)), KubeFormat.None));
                if (subset.Ports is { Count: > 0 } ports)
                    w.Table(2, "Ports", ["Name", "Port", "Protocol"],
                        ports.Select(p => (IReadOnlyList<string>)[KubeFormat.OrDefault(p.Name, KubeFormat.Unset), p.Port.ToString(), p.Protocol ?? ""]),
                        rowIndent: 4);
                w.Text(0, "");
            }
        }
        EventsSection.Write(w, input.Events, now);
    }

    public static void WriteEndpointSlice(DescribeBuilder w, V1EndpointSlice slice, DescribeInput input, DateTime now)
    {
        var meta = slice.Metadata ?? new V1ObjectMeta();
        w.Field(0, "Name", meta.Name);
        w.Field(0, "Namespace", meta.NamespaceProperty);
        Common.Labels(w, "Labels", meta.Labels);
        Common.Annotations(w, "Annotations", meta.Annotations);
        w.Field(0, "AddressType", slice.AddressType);
        if (slice.Ports is not { Count: > 0 } ports) w.InlineField(0, "Ports", KubeFormat.Unset);
        else
            w.Table(0, "Ports", ["Name", "Port", "Protocol"], ports.Select(p => (IReadOnlyList<string>)
                [KubeFormat.OrDefault(p.Name, KubeFormat.Unset), p.Port?.ToString() ?? KubeFormat.Unset, p.Protocol ?? ""]), rowIndent: 2);
        if (slice.Endpoints is not { Count: > 0 } endpoints) w.InlineField(0, "Endpoints", KubeFormat.None);
        else
        {
            using var _ = w.Group(0, "Endpoints");
            foreach (var endpoint in endpoints)
            {
                w.Field(2, "- Addresses", KubeFormat.OrDefault(string.Join(", ", endpoint.Addresses ?? []), KubeFormat.None));
                using (w.Group(4, "Conditions"))
                    w.Field(6, "Ready", endpoint.Conditions?.Ready is bool ready ? Common.GoBool(ready) : KubeFormat.Unset);
                w.Field(4, "Hostname", endpoint.Hostname ?? KubeFormat.Unset);
                if (endpoint.TargetRef is { } target) w.Field(4, "TargetRef", $"{target.Kind}/{target.Name}");
                w.Field(4, "NodeName", endpoint.NodeName ?? KubeFormat.Unset);
                w.Field(4, "Zone", endpoint.Zone ?? KubeFormat.Unset);
            }
        }
        EventsSection.Write(w, input.Events, now);
    }
}
