using System.Collections.Concurrent;
using k8s.Models;
using PracticeK8s.Sandbox.Controllers;

namespace PracticeK8s.Sandbox.Networking;

/// <summary>
/// kube-proxy's choice of endpoint for a new connection to a Service port: the ready endpoints in
/// turn, or with <c>sessionAffinity: ClientIP</c> the one this client used last (within the
/// affinity timeout, 10800 s by default) while it stays ready.
/// </summary>
public sealed class ServiceBalancer(ClusterAccess cluster)
{
    private const int MaxAffinities = 50_000;
    private readonly ConcurrentDictionary<string, int> _turn = new();
    private readonly ConcurrentDictionary<(string Port, string Client), (string PodIp, DateTime Expires)> _affinity = new();

    /// <summary>The endpoints to try, best first.</summary>
    /// <param name="onlyNode">externalTrafficPolicy Local: only endpoints on this node.</param>
    public IReadOnlyList<ServiceEndpoint> Candidates(V1Service service, V1ServicePort port, string? clientIp, string? onlyNode = null)
    {
        var ns = service.Metadata.NamespaceProperty ?? "default";
        var all = ServiceEndpoints.Ready(cluster, ns, service.Metadata.Name, port.Name)
            .Where(e => onlyNode is null || e.NodeName == onlyNode).ToList();
        if (all.Count == 0) return all;
        var key = $"{ns}/{service.Metadata.Name}/{port.Port}";
        var start = _turn.AddOrUpdate(key, 0, (_, n) => n == int.MaxValue ? 0 : n + 1) % all.Count;
        var ordered = all.Skip(start).Concat(all.Take(start)).ToList();
        if (AffinityTimeout(service) is { } timeout && clientIp is not null
            && _affinity.TryGetValue((key, clientIp), out var sticky) && sticky.Expires > DateTime.UtcNow
            && ordered.FindIndex(e => e.PodIp == sticky.PodIp) is var i and >= 0)
        {
            var chosen = ordered[i];
            ordered.RemoveAt(i);
            ordered.Insert(0, chosen);
        }
        return ordered;
    }

    /// <summary>Records the endpoint a client was sent to (for ClientIP affinity).</summary>
    public void Used(V1Service service, V1ServicePort port, string? clientIp, ServiceEndpoint endpoint)
    {
        if (AffinityTimeout(service) is not { } timeout || clientIp is null) return;
        if (_affinity.Count >= MaxAffinities)
            foreach (var (k, v) in _affinity)
                if (v.Expires <= DateTime.UtcNow) _affinity.TryRemove(k, out _);
        if (_affinity.Count >= MaxAffinities) return;
        var key = $"{service.Metadata.NamespaceProperty ?? "default"}/{service.Metadata.Name}/{port.Port}";
        _affinity[(key, clientIp)] = (endpoint.PodIp, DateTime.UtcNow + timeout);
    }

    private static TimeSpan? AffinityTimeout(V1Service service) =>
        service.Spec?.SessionAffinity == "ClientIP"
            ? TimeSpan.FromSeconds(service.Spec.SessionAffinityConfig?.ClientIP?.TimeoutSeconds ?? 10800)
            : null;
}
