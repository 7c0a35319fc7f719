using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using PracticeK8s.Sandbox.Hosting;

namespace PracticeK8s.Sandbox.Networking.Dns;

/// <summary>
/// <c>--cluster-dns ADDRESS:PORT</c>: the cluster DNS also on an address of the host (UDP and TCP on
/// the same port; port 0 picks a free one, published as <c>clusterDns</c> in sandbox.json), for tests
/// and for <c>dig @127.0.0.1 -p PORT</c>. Does nothing without the option.
/// </summary>
public sealed class ExtraClusterDnsListener(ClusterSettings settings, ClusterDnsServer server) : BackgroundService
{
    private (Socket Udp, Socket Tcp)? _sockets;

    /// <summary>Where it listens (null without the option); known once the host has started.</summary>
    public IPEndPoint? Endpoint { get; private set; }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.ClusterDnsListen is { } at)
        {
            _sockets = Bind(at);
            Endpoint = (IPEndPoint)_sockets.Value.Udp.LocalEndPoint!;
        }
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _sockets is { } s ? server.Serve(s.Udp, s.Tcp, stoppingToken) : Task.CompletedTask;

    /// <summary>A UDP and a listening TCP socket on one port (for port 0, a free port both can take).</summary>
    public static (Socket Udp, Socket Tcp) Bind(IPEndPoint at)
    {
        for (var attempt = 0; ; attempt++)
        {
            var udp = new Socket(at.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            var tcp = new Socket(at.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                udp.Bind(at);
                tcp.Bind(new IPEndPoint(at.Address, ((IPEndPoint)udp.LocalEndPoint!).Port));
                tcp.Listen(128);
                return (udp, tcp);
            }
            catch (SocketException) when (at.Port == 0 && attempt < 20)
            {
                udp.Dispose();
                tcp.Dispose();
            }
        }
    }
}
