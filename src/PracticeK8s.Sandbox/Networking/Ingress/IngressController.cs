using System.Text.Json.Nodes;
using k8s.Models;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Controllers;
using PracticeK8s.Sandbox.Events;

namespace PracticeK8s.Sandbox.Networking.Ingress;

/// <summary>
/// ingress-nginx's control loop: compiles the Ingresses it owns (<see cref="IngressOwnership"/>) into the
/// route table the data plane reads, and — while a controller pod is ready, as the controller runs in
/// it — publishes its Service's LoadBalancer address into each owned Ingress's
/// <c>status.loadBalancer.ingress</c> (removing it from Ingresses it no longer owns) and records
/// <c>Normal Sync "Scheduled for sync"</c> for each change of an owned Ingress it sees, its own status
/// writes included (hence upstream's usual "(x2 over ...)").
/// </summary>
public sealed class IngressController(SandboxState state, ClusterAccess cluster, EventRecorder events, IngressRoutes routes,
    ILogger<IngressController> log) : ControllerLoop(state, log)
{
    public const string Namespace = "ingress-nginx";
    public const string ServiceName = "ingress-nginx-controller";
    public const string IngressKey = "networking.k8s.io/ingresses";
    public const string ClassKey = "networking.k8s.io/ingressclasses";
    private static readonly EventSource Source = new("nginx-ingress-controller");

    private readonly Dictionary<string, long> _syncedVersion = new();
    private string _tableSignature = "";

    protected override IReadOnlyCollection<string> WatchedKeys => new[] { IngressKey, ClassKey, "/services", "/endpoints" };

    protected override void Reconcile()
    {
        var classes = cluster.List<V1IngressClass>(ClassKey).Select(c => c.Model).ToList();
        var ingresses = cluster.List<V1Ingress>(IngressKey);
        var owned = ingresses.Where(i => !i.IsBeingDeleted && IngressOwnership.Owns(i.Model, classes)).ToList();
        var signature = string.Join(",", owned.Select(i => $"{i.Uid}/{i.Stored.ResourceVersion}"));
        if (signature != _tableSignature)
        {
            routes.Publish(IngressTableBuilder.Build(owned.Select(i => i.Model)));
            _tableSignature = signature;
        }

        if (ServiceEndpoints.Ready(cluster, Namespace, ServiceName, "http").Count == 0) return;
        var addresses = (cluster.Get<V1Service>("/services", Namespace, ServiceName)?.Model.Status?.LoadBalancer?.Ingress ?? new List<V1LoadBalancerIngress>())
            .Select(i => i.Ip).Where(ip => !string.IsNullOrEmpty(ip)).ToList();
        var ownedUids = owned.Select(i => i.Uid).ToHashSet();
        foreach (var ingress in ingresses)
        {
            var current = (ingress.Model.Status?.LoadBalancer?.Ingress ?? new List<V1IngressLoadBalancerIngress>()).Select(i => i.Ip).ToList();
            if (!ownedUids.Contains(ingress.Uid))
            {
                if (current.Count > 0 && current.All(addresses.Contains)) WriteStatus(ingress, new List<string>());
                continue;
            }
            if (!_syncedVersion.TryGetValue(ingress.Uid, out var seen) || seen != ingress.Stored.ResourceVersion)
            {
                _syncedVersion[ingress.Uid] = ingress.Stored.ResourceVersion;
                events.Normal(Source, ingress.Stored, "Sync", "Scheduled for sync");
            }
            if (addresses.Count > 0 && !current.SequenceEqual(addresses)) WriteStatus(ingress, addresses); // seen (and synced) on the next pass
        }
        foreach (var gone in _syncedVersion.Keys.Where(uid => !ownedUids.Contains(uid)).ToList()) _syncedVersion.Remove(gone);
    }

    private Storage.StoredObject? WriteStatus(Live<V1Ingress> ingress, List<string> addresses) =>
        cluster.Mutate(ingress.Stored, n =>
        {
            var list = new JsonArray();
            foreach (var ip in addresses) list.Add(new JsonObject { ["ip"] = ip });
            n["status"] = new JsonObject { ["loadBalancer"] = addresses.Count == 0 ? new JsonObject() : new JsonObject { ["ingress"] = list } };
        });
}
