using System.Collections.Concurrent;
using System.Net;
using k8s.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Controllers;
using PracticeK8s.Sandbox.Runtime;

namespace PracticeK8s.Sandbox.Networking;

/// <summary>
/// kube-proxy for the sandbox: every NodePort (and LoadBalancer) Service port answers HTTP on
/// 127.0.0.1 and on every node's InternalIP and ExternalIP at its nodePort, and a LoadBalancer's
/// ingress address at the Service port (see <see cref="NodeAddresses"/>). Each request goes to the
/// next ready endpoint in turn (with <c>externalTrafficPolicy: Local</c>, only to endpoints on the
/// node whose address was called), answered by the container runtime as that pod would; with no
/// endpoint the connection is refused (closed), as kube-proxy rejects it.
/// </summary>
public sealed class ServiceProxy(SandboxState state, ClusterAccess cluster, IContainerRuntime runtime, ILogger<ServiceProxy> log)
    : ControllerLoop(state, log)
{
    private sealed record Target(string Namespace, string Service, int Port, string? PortName, bool LocalOnly);

    private readonly Dictionary<string, (string Signature, ProxyListener? Listener, DateTime Retry)> _listeners = new();
    private readonly ConcurrentDictionary<string, int> _turn = new();
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
                var target = new Target(svc.Namespace, svc.Name, port.Port, port.Name, local);
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
            var listener = ProxyListener.StartAsync(endpoints, ctx => Forward(ctx, target), CancellationToken.None).GetAwaiter().GetResult();
            if (listener is null) log.LogWarning("cannot listen on {Endpoints} for {Service}; retrying", string.Join(", ", endpoints), $"{target.Namespace}/{target.Service}");
            _listeners[key] = (signature, listener, now + TimeSpan.FromSeconds(10));
            if (listener is null) WakeAt(now + TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>Sends one request to the next ready endpoint of the Service port.</summary>
    private async Task Forward(HttpContext ctx, Target target)
    {
        var candidates = ReadyEndpoints(target, ctx.Connection.LocalIpAddress?.ToString());
        if (candidates.Count > 0)
        {
            var start = _turn.AddOrUpdate($"{target.Namespace}/{target.Service}/{target.Port}", 0, (_, n) => n + 1);
            for (int i = 0; i < candidates.Count; i++)
            {
                var (podUid, port) = candidates[(start + i) % candidates.Count];
                if (await runtime.ServeHttpAsync(podUid, port, ctx)) return;
            }
        }
        ctx.Abort(); // nothing answers: the client sees the connection closed, as when kube-proxy rejects it
    }

    private List<(string PodUid, int Port)> ReadyEndpoints(Target target, string? localAddress)
    {
        var result = new List<(string, int)>();
        if (cluster.Get<V1Endpoints>("/endpoints", target.Namespace, target.Service) is not { } ep) return result;
        var node = target.LocalOnly && localAddress is not null ? _nodeByAddress.GetValueOrDefault(localAddress) : null;
        foreach (var subset in ep.Model.Subsets ?? new List<V1EndpointSubset>())
        {
            var port = (subset.Ports ?? new List<Corev1EndpointPort>()).FirstOrDefault(p => p.Name == target.PortName || subset.Ports!.Count == 1);
            if (port is null) continue;
            foreach (var address in subset.Addresses ?? new List<V1EndpointAddress>())
                if (address.TargetRef?.Uid is { } uid && (node is null || address.NodeName == node))
                    result.Add((uid, port.Port));
        }
        return result;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var (_, (_, listener, _)) in _listeners)
            if (listener is not null) await listener.DisposeAsync();
        _listeners.Clear();
    }
}
