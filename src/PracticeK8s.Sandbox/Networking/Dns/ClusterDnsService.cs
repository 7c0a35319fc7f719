using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Networking.Cluster;

namespace PracticeK8s.Sandbox.Networking.Dns;

/// <summary>
/// kube-dns at its ClusterIP: when pods have network namespaces, <see cref="ClusterDnsServer"/> on
/// 10.96.0.10:53 (UDP and TCP), sockets the cluster network makes in its namespace. Without a pod
/// network there is nothing to serve (pods use the host's name servers).
/// </summary>
public sealed class ClusterDnsService(IClusterNetwork network, ClusterDnsServer server, ILogger<ClusterDnsService> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (network is not ClusterNetwork cluster) return Task.CompletedTask;
        Socket? udp = null;
        try
        {
            udp = cluster.Listen(ProtocolType.Udp, ClusterAddressPlan.DnsServiceIp, 53);
            var tcp = cluster.Listen(ProtocolType.Tcp, ClusterAddressPlan.DnsServiceIp, 53);
            return server.Serve(udp, tcp, stoppingToken);
        }
        catch (Exception e) when (e is IOException or SocketException or InvalidOperationException)
        {
            udp?.Dispose();
            log.LogError("cluster DNS not served at {Address}:53: {Message}", ClusterAddressPlan.DnsServiceIp, e.Message);
            return Task.CompletedTask;
        }
    }
}
