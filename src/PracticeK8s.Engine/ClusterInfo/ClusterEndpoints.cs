using k8s.Models;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Engine.ClusterInfo;

/// <summary>One line of kubectl cluster-info: what runs at which address.</summary>
public sealed record ClusterEndpoint(string Name, string Url)
{
    public override string ToString() => $"{Name} is running at {Url}";
}

/// <summary>
/// kubectl cluster-info: the control plane's address, then every kube-system Service labelled
/// kubernetes.io/cluster-service=true, named by its kubernetes.io/name label, reached at its load
/// balancer (http://ip:port for each port) or else through the API server's service proxy (first port).
/// </summary>
public static class ClusterEndpoints
{
    public const string ControlPlane = "Kubernetes control plane";

    public static async Task<IReadOnlyList<ClusterEndpoint>> ListAsync(KubeConnection connection, CancellationToken cancel)
    {
        var services = await connection.Api.GetAsync<V1ServiceList>(
            "/api/v1/namespaces/kube-system/services?labelSelector=" + Uri.EscapeDataString("kubernetes.io/cluster-service=true"), cancel).ConfigureAwait(false);
        return [new ClusterEndpoint(ControlPlane, connection.Server), .. Of(services.Items, connection.Server)];
    }

    public static IEnumerable<ClusterEndpoint> Of(IEnumerable<V1Service> services, string server)
    {
        foreach (var svc in services)
        {
            var link = "";
            var ports = svc.Spec?.Ports ?? [];
            if (svc.Status?.LoadBalancer?.Ingress is { Count: > 0 } ingress)
            {
                var host = string.IsNullOrEmpty(ingress[0].Ip) ? ingress[0].Hostname : ingress[0].Ip;
                link = string.Concat(ports.Select(p => $"http://{host}:{p.Port} "));
            }
            else if (ports.Count > 0)
            {
                var port = ports[0];
                var name = string.IsNullOrEmpty(port.Name) ? svc.Metadata.Name : $"{svc.Metadata.Name}:{port.Name}";
                link = $"{server.TrimEnd('/')}/api/v1/namespaces/{svc.Metadata.NamespaceProperty}/services/{name}/proxy";
            }
            var label = svc.Metadata.Labels?.TryGetValue("kubernetes.io/name", out var n) == true && !string.IsNullOrEmpty(n) ? n : svc.Metadata.Name;
            yield return new ClusterEndpoint(label, link);
        }
    }
}
