using k8s.Models;
using PracticeK8s.Sandbox.Controllers;

namespace PracticeK8s.Sandbox.Networking;

/// <summary>One ready address behind a Service port: the pod's IP and UID, its node and the target port.</summary>
public sealed record ServiceEndpoint(string PodIp, string? PodUid, string? NodeName, int Port);

/// <summary>The ready endpoints of one Service port, read from the Service's Endpoints object.</summary>
public static class ServiceEndpoints
{
    /// <param name="portName">the Service port's name (null or "" for an unnamed single port).</param>
    public static List<ServiceEndpoint> Ready(ClusterAccess cluster, string @namespace, string service, string? portName)
    {
        var result = new List<ServiceEndpoint>();
        if (cluster.Get<V1Endpoints>("/endpoints", @namespace, service) is not { } ep) return result;
        foreach (var subset in ep.Model.Subsets ?? new List<V1EndpointSubset>())
        {
            var ports = subset.Ports ?? new List<Corev1EndpointPort>();
            var port = ports.FirstOrDefault(p => (p.Name ?? "") == (portName ?? "")) ?? (ports.Count == 1 ? ports[0] : null);
            if (port is null) continue;
            foreach (var address in subset.Addresses ?? new List<V1EndpointAddress>())
                result.Add(new ServiceEndpoint(address.Ip, address.TargetRef?.Uid, address.NodeName, port.Port));
        }
        return result;
    }

    /// <summary>The Service port named <paramref name="portName"/> or numbered <paramref name="number"/>.</summary>
    public static V1ServicePort? PortOf(V1Service service, string? portName, int? number) =>
        (service.Spec?.Ports ?? new List<V1ServicePort>()).FirstOrDefault(p =>
            number is { } n ? p.Port == n : (p.Name ?? "") == (portName ?? ""));
}
