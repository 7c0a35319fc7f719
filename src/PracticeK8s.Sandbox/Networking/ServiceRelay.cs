using System.Net;
using System.Net.Sockets;
using k8s.Models;
using PracticeK8s.Sandbox.Controllers;

namespace PracticeK8s.Sandbox.Networking;

/// <summary>
/// One client connection to a Service port, as kube-proxy's userspace mode handles it: relayed to
/// the first endpoint the <see cref="ServiceBalancer"/> offers that accepts (through
/// <see cref="IPodConnector"/>); with none, the connection is reset, as kube-proxy rejects it.
/// Shared by the node side (NodePort/LoadBalancer) and the cluster side (ClusterIP).
/// </summary>
public sealed class ServiceRelay(ClusterAccess cluster, IPodConnector connector, ServiceBalancer balancer)
{
    /// <param name="onlyNode">externalTrafficPolicy Local: only endpoints on this node.</param>
    public async Task RelayAsync(Socket client, string ns, string name, int servicePort, string? onlyNode, CancellationToken ct)
    {
        var clientIp = (client.RemoteEndPoint as IPEndPoint)?.Address.ToString();
        if (cluster.Get<V1Service>("/services", ns, name)?.Model is { } service && ServiceEndpoints.PortOf(service, null, servicePort) is { } port)
            foreach (var endpoint in balancer.Candidates(service, port, clientIp, onlyNode))
            {
                await using var backend = await connector.ConnectAsync(endpoint.PodIp, endpoint.Port, ct);
                if (backend is null) continue;
                balancer.Used(service, port, clientIp, endpoint);
                await using var stream = new NetworkStream(client, ownsSocket: false);
                await TcpRelay.PumpAsync(stream, backend, ct);
                return;
            }
        client.LingerState = new LingerOption(true, 0);
    }
}
