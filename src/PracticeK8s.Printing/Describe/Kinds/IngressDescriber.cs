using k8s.Models;

namespace PracticeK8s.Printing.Describe.Kinds;

/// <summary>
/// describe ingress. Related objects: <see cref="DescribeInput.Services"/> (each backend service),
/// <see cref="DescribeInput.EndpointSlices"/> (labelled kubernetes.io/service-name=SERVICE; older kubectl read
/// <see cref="DescribeInput.Endpoints"/>), <see cref="DescribeInput.Events"/>.
/// </summary>
internal static class IngressDescriber
{
    public static void Write(DescribeBuilder w, V1Ingress ingress, DescribeInput input, DateTime now)
    {
        var meta = ingress.Metadata ?? new V1ObjectMeta();
        var spec = ingress.Spec ?? new V1IngressSpec();
        w.Field(0, "Name", meta.Name);
        Common.Labels(w, "Labels", meta.Labels);
        w.Field(0, "Namespace", meta.NamespaceProperty);
        w.Field(0, "Address", KubeFormat.LoadBalancerIngress(ingress.Status?.LoadBalancer?.Ingress?.Select(i => (i.Ip, i.Hostname))));
        w.Field(0, "Ingress Class", spec.IngressClassName ?? KubeFormat.None);
        var defaultBackend = spec.DefaultBackend is { } backend ? Backend(backend, input) : "<default>";
        w.Field(0, "Default backend", defaultBackend);
        if (spec.Tls is { Count: > 0 } tls)
        {
            using var _ = w.Group(0, "TLS");
            foreach (var entry in tls)
            {
                var hosts = string.Join(",", entry.Hosts ?? []);
                w.Text(2, string.IsNullOrEmpty(entry.SecretName) ? $"SNI routes {hosts}" : $"{entry.SecretName} terminates {hosts}");
            }
        }
        // Host lines end with an empty cell; path lines start two spaces deeper with an empty first cell.
        var rows = new List<IReadOnlyList<string>>();
        foreach (var rule in spec.Rules ?? [])
        {
            if (rule.Http is null) continue;
            rows.Add([KubeFormat.OrDefault(rule.Host, "*"), ""]);
            foreach (var path in rule.Http.Paths ?? [])
                rows.Add(["  ", (path.Path ?? "") + " ", Backend(path.Backend, input)]);
        }
        if (rows.Count == 0) rows.Add(["*", "*", defaultBackend]);
        w.Table(0, "Rules", ["Host", "Path", "Backends"], rows, rowIndent: 2);
        Common.Annotations(w, "Annotations", meta.Annotations);
        EventsSection.Write(w, input.Events, now);
    }

    /// <summary>"service:port (endpoints)", or the resource reference, as kubectl's describeBackendV1.</summary>
    private static string Backend(V1IngressBackend? backend, DescribeInput input)
    {
        if (backend?.Service is { } service)
        {
            var port = service.Port?.Number is int number && number != 0 ? number.ToString() : service.Port?.Name ?? "";
            var text = $"{service.Name}:{port}";
            var target = input.Services?.FirstOrDefault(s => s.Metadata?.Name == service.Name);
            if (target is null) return $"{text} (<error: services \"{service.Name}\" not found>)";
            var portName = "";
            foreach (var servicePort in target.Spec?.Ports ?? [])
            {
                if (service.Port?.Number is int n && n != 0 && n == servicePort.Port) portName = servicePort.Name ?? "";
                else if (!string.IsNullOrEmpty(service.Port?.Name) && service.Port.Name == servicePort.Name) portName = servicePort.Name;
            }
            var endpoints = input.EndpointSlices is { } slices
                ? EndpointText.FromSlices(slices.Where(s => s.Metadata?.Labels.ValueOrNull("kubernetes.io/service-name") == service.Name).ToList(), portName)
                : EndpointText.FromEndpoints(input.Endpoints?.FirstOrDefault(e => e.Metadata?.Name == service.Name), portName);
            return $"{text} ({endpoints})";
        }
        if (backend?.Resource is { } resource)
            return $"APIGroup: {resource.ApiGroup ?? KubeFormat.None}, Kind: {resource.Kind}, Name: {resource.Name}";
        return "";
    }
}
