using System.Net;
using System.Net.Sockets;

namespace PracticeK8s.Sandbox.Networking;

/// <summary>
/// The sandbox's "cloud" address pool for LoadBalancer Services: 127.0.0.200–254, an address whose
/// ports are free on this machine (another sandbox may be using the same pool) and not taken by
/// another Service of this cluster.
/// </summary>
public static class LoadBalancerAddresses
{
    public static string? Pick(IReadOnlySet<string> taken, IReadOnlyList<int> ports)
    {
        for (int octet = NodeAddresses.FirstLoadBalancerOctet; octet <= NodeAddresses.LastLoadBalancerOctet; octet++)
        {
            var ip = $"127.0.0.{octet}";
            if (taken.Contains(ip)) continue;
            if (ports.All(p => CanListen(ip, p))) return ip;
        }
        return null;
    }

    public static bool CanListen(string ip, int port)
    {
        try
        {
            var probe = new TcpListener(IPAddress.Parse(ip), port);
            probe.Start();
            probe.Stop();
            return true;
        }
        catch (SocketException) { return false; }
    }
}
