using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using k8s.Models;
using PracticeK8s.Sandbox.Controllers;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Networking;

/// <summary>
/// The sandbox's "cloud" address pool for LoadBalancer Services: 127.0.0.200–254, an address whose
/// ports are free on this machine (another sandbox may be using the same pool) and not taken by
/// another Service or Gateway of this cluster.
/// </summary>
public static class LoadBalancerAddresses
{
    /// <summary>
    /// Held by every controller that hands out pool addresses (the Service controller, the Gateway
    /// controller) from reading <see cref="Taken"/> until the chosen address is written, so two
    /// never pick the same one.
    /// </summary>
    public static readonly object AllocationLock = new();

    private const string GatewaysKey = "gateway.networking.k8s.io/gateways";

    /// <summary>The pool addresses in use: LoadBalancer Services' ingress IPs and Gateways' addresses.</summary>
    public static HashSet<string> Taken(ClusterAccess cluster)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var svc in cluster.List<V1Service>("/services"))
            foreach (var ingress in svc.Model.Status?.LoadBalancer?.Ingress ?? new List<V1LoadBalancerIngress>())
                if (ingress.Ip is { } ip) taken.Add(ip);
        foreach (var gateway in cluster.Store.List(GatewaysKey, null).Items)
            foreach (var address in gateway.ToNode().Obj("status")?.Arr("addresses").Objects() ?? Enumerable.Empty<JsonObject>())
                if (address.Str("value") is { } value) taken.Add(value);
        return taken;
    }

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
