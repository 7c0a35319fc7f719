using System.Net;
using System.Net.Sockets;
using k8s.Models;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Controllers;

namespace PracticeK8s.Sandbox.Networking.Cluster;

/// <summary>
/// kube-proxy inside the cluster: every Service's ClusterIP answers on each of its TCP ports in the
/// cluster namespace (so from every pod), each connection handed to <see cref="ServiceRelay"/>
/// (round robin or ClientIP affinity; reset without endpoints). Ports a sandbox server answers
/// itself (the cluster DNS) are left to it.
/// </summary>
public sealed class ClusterIpProxy(SandboxState state, ClusterAccess cluster, IClusterNetwork clusterNetwork, ServiceRelay relay,
    ILogger<ClusterIpProxy> log) : ControllerLoop(state, log)
{
    private readonly Dictionary<string, (string Signature, TcpListenerSet? Listener, DateTime Retry)> _listeners = new();

    /// <summary>ClusterIP:port pairs served by the sandbox itself, not proxied.</summary>
    public static readonly IReadOnlySet<string> ServedDirectly = new HashSet<string> { $"{ClusterAddressPlan.DnsServiceIp}:53" };

    protected override IReadOnlyCollection<string> WatchedKeys => new[] { "/services" };

    protected override void Reconcile()
    {
        if (clusterNetwork is not ClusterNetwork network) return; // pods share the host's network: no ClusterIPs to serve
        var desired = new Dictionary<string, (string Ip, int Port, string Namespace, string Name)>();
        foreach (var svc in cluster.List<V1Service>("/services"))
        {
            if (svc.IsBeingDeleted || svc.Model.Spec?.Type == "ExternalName") continue;
            foreach (var ip in svc.Model.Spec?.ClusterIPs ?? (svc.Model.Spec?.ClusterIP is { } one ? new List<string> { one } : new List<string>()))
            {
                if (!IPAddress.TryParse(ip, out var address) || address.AddressFamily != AddressFamily.InterNetwork) continue;
                foreach (var port in (svc.Model.Spec!.Ports ?? new List<V1ServicePort>()).Where(p => (p.Protocol ?? "TCP") == "TCP"))
                    if (!ServedDirectly.Contains($"{ip}:{port.Port}"))
                        desired[$"{svc.Uid}/{ip}/{port.Port}"] = (ip, port.Port, svc.Namespace, svc.Name);
            }
        }
        foreach (var key in _listeners.Keys.Where(k => !desired.ContainsKey(k)).ToList())
        {
            _listeners[key].Listener?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
            _listeners.Remove(key);
        }
        var now = DateTime.UtcNow;
        foreach (var (key, target) in desired)
        {
            var signature = target.ToString();
            if (_listeners.TryGetValue(key, out var current) && current.Signature == signature && (current.Listener is not null || now < current.Retry))
            {
                if (current.Listener is null) WakeAt(current.Retry);
                continue;
            }
            current.Listener?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
            TcpListenerSet? listener = null;
            try
            {
                var socket = network.Listen(ProtocolType.Tcp, target.Ip, target.Port);
                listener = TcpListenerSet.Serve(new[] { socket }, (client, ct) => relay.RelayAsync(client, target.Namespace, target.Name, target.Port, null, ct), log);
            }
            catch (IOException e)
            {
                log.LogWarning("cannot listen on {Ip}:{Port} for {Service}: {Message}; retrying", target.Ip, target.Port, $"{target.Namespace}/{target.Name}", e.Message);
                WakeAt(now + TimeSpan.FromSeconds(10));
            }
            _listeners[key] = (signature, listener, now + TimeSpan.FromSeconds(10));
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var (_, (_, listener, _)) in _listeners)
            if (listener is not null) await listener.DisposeAsync();
        _listeners.Clear();
    }
}

