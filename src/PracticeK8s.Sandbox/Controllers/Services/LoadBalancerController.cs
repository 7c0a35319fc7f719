using System.Text.Json.Nodes;
using k8s.Models;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Events;
using PracticeK8s.Sandbox.Hosting;
using PracticeK8s.Sandbox.Networking;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Controllers.Services;

/// <summary>
/// The cloud provider's service controller: a LoadBalancer Service gets the cleanup finalizer, then
/// after <see cref="ClusterSettings.LoadBalancerDelay"/> an ingress address from
/// <see cref="LoadBalancerAddresses"/> (events EnsuringLoadBalancer, EnsuredLoadBalancer); when it is
/// deleted or changes type the address is released (DeletingLoadBalancer, DeletedLoadBalancer).
/// </summary>
public sealed class LoadBalancerController(SandboxState state, ClusterAccess cluster, EventRecorder events, ClusterSettings settings,
    ILogger<LoadBalancerController> log) : ControllerLoop(state, log)
{
    public const string CleanupFinalizer = "service.kubernetes.io/load-balancer-cleanup";
    private static readonly EventSource Source = new("service-controller");
    private readonly Dictionary<string, DateTime> _ensuringSince = new();

    protected override IReadOnlyCollection<string> WatchedKeys => new[] { "/services" };

    protected override void Reconcile()
    {
        var services = cluster.List<V1Service>("/services");
        var now = DateTime.UtcNow;
        foreach (var svc in services)
        {
            var wantsBalancer = svc.Model.Spec?.Type == "LoadBalancer" && !svc.IsBeingDeleted;
            var hasFinalizer = svc.Model.Metadata.Finalizers?.Contains(CleanupFinalizer) == true;
            if (!wantsBalancer)
            {
                _ensuringSince.Remove(svc.Uid);
                if (hasFinalizer || svc.Model.Status?.LoadBalancer?.Ingress is { Count: > 0 }) Release(svc);
                continue;
            }
            if (!hasFinalizer)
            {
                cluster.Mutate(svc.Stored, n =>
                {
                    var meta = n.Ensure("metadata");
                    var list = meta["finalizers"] as JsonArray ?? new JsonArray();
                    list.Add(CleanupFinalizer);
                    meta["finalizers"] = list;
                });
                continue;
            }
            if (svc.Model.Status?.LoadBalancer?.Ingress is { Count: > 0 }) continue;
            if (!_ensuringSince.TryGetValue(svc.Uid, out var since))
            {
                _ensuringSince[svc.Uid] = since = now;
                events.Normal(Source, svc.Stored, "EnsuringLoadBalancer", "Ensuring load balancer");
            }
            if (now < since + settings.LoadBalancerDelay)
            {
                WakeAt(since + settings.LoadBalancerDelay);
                continue;
            }
            var ports = (svc.Model.Spec!.Ports ?? new List<V1ServicePort>()).Where(p => (p.Protocol ?? "TCP") == "TCP").Select(p => p.Port).ToList();
            string? ip;
            StoredObject? updated = null;
            lock (LoadBalancerAddresses.AllocationLock) // Gateways take addresses from the same pool
            {
                ip = LoadBalancerAddresses.Pick(LoadBalancerAddresses.Taken(cluster), ports);
                if (ip is not null)
                    updated = cluster.Mutate(svc.Stored, n => n["status"] = new JsonObject
                    {
                        ["loadBalancer"] = new JsonObject { ["ingress"] = new JsonArray(new JsonObject { ["ip"] = ip, ["ipMode"] = "VIP" }) },
                    });
            }
            if (ip is null)
            {
                events.Warning(Source, svc.Stored, "SyncLoadBalancerFailed", "Error syncing load balancer: failed to ensure load balancer: no free address in 127.0.0.200-254");
                WakeAt(now + TimeSpan.FromSeconds(10));
                continue;
            }
            if (updated is not null) events.Normal(Source, updated, "EnsuredLoadBalancer", "Ensured load balancer");
            _ensuringSince.Remove(svc.Uid);
        }
    }

    private void Release(Live<V1Service> svc)
    {
        events.Normal(Source, svc.Stored, "DeletingLoadBalancer", "Deleting load balancer");
        cluster.Mutate(svc.Stored, n =>
        {
            n["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() };
            var list = n.Obj("metadata")?.Arr("finalizers");
            if (list?.FirstOrDefault(f => f?.GetValue<string>() == CleanupFinalizer) is { } f) list.Remove(f);
            if (list is { Count: 0 }) n.Obj("metadata")!.Remove("finalizers");
        });
        events.Normal(Source, svc.Stored, "DeletedLoadBalancer", "Deleted load balancer");
    }
}
