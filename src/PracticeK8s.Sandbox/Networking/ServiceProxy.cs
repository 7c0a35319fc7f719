using System.Net;
using System.Net.Sockets;
using k8s.Models;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Controllers;

namespace PracticeK8s.Sandbox.Networking;

/// <summary>
/// kube-proxy's node side for the sandbox: every NodePort (and LoadBalancer) Service TCP port
/// answers on 127.0.0.1 and on every node's InternalIP and ExternalIP at its nodePort, and a
/// LoadBalancer's ingress address at the Service port (see <see cref="NodeAddresses"/>). Each
/// connection goes through <see cref="ServiceRelay"/> (with <c>externalTrafficPolicy: Local</c>,
/// only to endpoints on the node whose address was called).
/// </summary>
public sealed class ServiceProxy(SandboxState state, ClusterAccess cluster, ServiceRelay relay, ILogger<ServiceProxy> log)
    : ControllerLoop(state, log)
{
    private sealed record Target(string Namespace, string Service, int Port, bool LocalOnly);

    private readonly Dictionary<string, (string Signature, TcpListenerSet? Listener, DateTime Retry)> _listeners = new();
    private Dictionary<string, string> _nodeByAddress = new();

    protected override IReadOnlyCollection<string> WatchedKeys => new[] { "/services", "/nodes" };

    protected override void Reconcile()
    {
        var nodes = cluster.List<V1Node>("/nodes");
        _nodeByAddress = nodes.SelectMany(n => (n.Model.Status?.Addresses ?? new List<V1NodeAddress>())
                .Where(a => a.Type is "InternalIP" or "ExternalIP").Select(a => (a.Address, n.Name)))
            .GroupBy(a => a.Address).ToDictionary(g => g.Key, g => g.First().Name);
        var nodeAddresses = new[] { IPAddress.Loopback }.Concat(_nodeByAddress.Keys.Select(IPAddress.Parse)).ToList();
        var desired = new Dictionary<string, (List<IPEndPoint> Endpoints, Target Target)>();
        foreach (var svc in cluster.List<V1Service>("/services"))
        {
            var spec = svc.Model.Spec;
            if (spec?.Type is not ("NodePort" or "LoadBalancer") || svc.IsBeingDeleted) continue;
            var local = spec.ExternalTrafficPolicy == "Local";
            foreach (var port in (spec.Ports ?? new List<V1ServicePort>()).Where(p => (p.Protocol ?? "TCP") == "TCP"))
            {
                var target = new Target(svc.Namespace, svc.Name, port.Port, local);
                if (port.NodePort is { } nodePort)
                    desired[$"{svc.Uid}/node/{nodePort}"] = (nodeAddresses.Select(a => new IPEndPoint(a, nodePort)).ToList(), target);
                foreach (var ingress in svc.Model.Status?.LoadBalancer?.Ingress ?? new List<V1LoadBalancerIngress>())
                    if (IPAddress.TryParse(ingress.Ip, out var ip))
                        desired[$"{svc.Uid}/lb/{ingress.Ip}/{port.Port}"] = (new List<IPEndPoint> { new(ip, port.Port) }, target with { LocalOnly = false });
            }
        }
        foreach (var key in _listeners.Keys.Where(k => !desired.ContainsKey(k)).ToList())
        {
            _listeners[key].Listener?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
            _listeners.Remove(key);
        }
        var now = DateTime.UtcNow;
        foreach (var (key, (endpoints, target)) in desired)
        {
            var signature = string.Join(",", endpoints.Select(e => e.ToString())) + "|" + target;
            if (_listeners.TryGetValue(key, out var current) && current.Signature == signature && (current.Listener is not null || now < current.Retry))
            {
                if (current.Listener is null) WakeAt(current.Retry);
                continue;
            }
            current.Listener?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
            var listener = TcpListenerSet.Bind(endpoints, (client, ct) => Relay(client, target, ct), log);
            if (listener is null) log.LogWarning("cannot listen on {Endpoints} for {Service}; retrying", string.Join(", ", endpoints), $"{target.Namespace}/{target.Service}");
            _listeners[key] = (signature, listener, now + TimeSpan.FromSeconds(10));
            if (listener is null) WakeAt(now + TimeSpan.FromSeconds(10));
        }
    }

    private Task Relay(Socket client, Target target, CancellationToken ct)
    {
        var local = (client.LocalEndPoint as IPEndPoint)?.Address.ToString();
        var node = target.LocalOnly && local is not null ? _nodeByAddress.GetValueOrDefault(local) : null;
        return relay.RelayAsync(client, target.Namespace, target.Service, target.Port, node, ct);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var (_, (_, listener, _)) in _listeners)
            if (listener is not null) await listener.DisposeAsync();
        _listeners.Clear();
    }
}
