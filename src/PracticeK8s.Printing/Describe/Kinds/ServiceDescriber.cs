using k8s.Models;

namespace PracticeK8s.Printing.Describe.Kinds;

/// <summary>
/// describe service. Related objects: <see cref="DescribeInput.EndpointSlices"/> (what kubectl v1.32 and later read;
/// older kubectl read the <see cref="DescribeInput.Endpoints"/> object), <see cref="DescribeInput.Events"/>.
/// </summary>
internal static class ServiceDescriber
{
    public static void Write(DescribeBuilder w, V1Service service, DescribeInput input, DateTime now)
    {
        var meta = service.Metadata ?? new V1ObjectMeta();
        var spec = service.Spec ?? new V1ServiceSpec();
        w.Field(0, "Name", meta.Name);
        w.Field(0, "Namespace", meta.NamespaceProperty);
        Common.Labels(w, "Labels", meta.Labels);
        Common.Annotations(w, "Annotations", meta.Annotations);
        w.Field(0, "Selector", KubeFormat.Labels(spec.Selector));
        w.Field(0, "Type", spec.Type);
        if (spec.IpFamilyPolicy is not null) w.Field(0, "IP Family Policy", spec.IpFamilyPolicy);
        w.Field(0, "IP Families", spec.IpFamilies is { Count: > 0 } families ? string.Join(",", families) : KubeFormat.None);
        w.Field(0, "IP", spec.ClusterIP);
        w.Field(0, "IPs", spec.ClusterIPs is { Count: > 0 } ips ? string.Join(",", ips) : KubeFormat.None);
        if (spec.ExternalIPs is { Count: > 0 } external) w.Field(0, "External IPs", string.Join(",", external));
        if (!string.IsNullOrEmpty(spec.LoadBalancerIP)) w.Field(0, "Desired LoadBalancer IP", spec.LoadBalancerIP);
        if (!string.IsNullOrEmpty(spec.ExternalName)) w.Field(0, "External Name", spec.ExternalName);
        if (service.Status?.LoadBalancer?.Ingress is { Count: > 0 } ingress)
            w.Field(0, "LoadBalancer Ingress", string.Join(", ", ingress.Select(i =>
                !string.IsNullOrEmpty(i.Ip) ? (i.IpMode is null ? i.Ip : $"{i.Ip} ({i.IpMode})") : i.Hostname)));

        var endpoints = input.Endpoints?.FirstOrDefault(e => e.Metadata?.Name == meta.Name) ?? input.Endpoints?.FirstOrDefault();
        foreach (var port in spec.Ports ?? [])
        {
            var name = KubeFormat.OrDefault(port.Name, KubeFormat.Unset);
            var protocol = port.Protocol ?? "TCP";
            w.Field(0, "Port", $"{name}\t{port.Port}/{protocol}");
            w.Field(0, "TargetPort", $"{port.TargetPort?.Value ?? "0"}/{protocol}");
            if (port.NodePort is int nodePort && nodePort != 0) w.Field(0, "NodePort", $"{name}\t{nodePort}/{protocol}");
            w.Field(0, "Endpoints", input.EndpointSlices is { } slices
                ? EndpointText.FromSlices(slices, port.Name ?? "")
                : EndpointText.FromEndpoints(endpoints, port.Name ?? ""));
        }
        w.Field(0, "Session Affinity", spec.SessionAffinity);
        if (!string.IsNullOrEmpty(spec.ExternalTrafficPolicy)) w.Field(0, "External Traffic Policy", spec.ExternalTrafficPolicy);
        if (spec.InternalTrafficPolicy is not null) w.Field(0, "Internal Traffic Policy", spec.InternalTrafficPolicy);
        if (spec.HealthCheckNodePort is int health && health != 0) w.Field(0, "HealthCheck NodePort", health.ToString());
        if (spec.LoadBalancerSourceRanges is { Count: > 0 } ranges) w.Field(0, "LoadBalancer Source Ranges", string.Join(",", ranges));
        if (!string.IsNullOrEmpty(spec.TrafficDistribution)) w.Field(0, "Traffic Distribution", spec.TrafficDistribution);
        EventsSection.Write(w, input.Events, now);
    }
}
