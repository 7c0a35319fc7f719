using System.Text.Json.Nodes;
using k8s.Models;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Controllers.Services;

/// <summary>
/// The endpoints controller: for every Service with a selector, an Endpoints object of the same name
/// whose subsets list the ready pods (<c>addresses</c>) and the others (<c>notReadyAddresses</c>,
/// unless publishNotReadyAddresses) with node and pod reference, grouped by their resolved ports;
/// terminating pods leave. Endpoints it made go with their Service.
/// </summary>
public sealed class EndpointsController(SandboxState state, ClusterAccess cluster, ILogger<EndpointsController> log) : ControllerLoop(state, log)
{
    public const string Key = "/endpoints";
    public const string TriggerAnnotation = "endpoints.kubernetes.io/last-change-trigger-time";

    protected override IReadOnlyCollection<string> WatchedKeys => new[] { "/services", "/pods", Key };

    protected override void Reconcile()
    {
        var services = cluster.List<V1Service>("/services");
        var podsByNamespace = cluster.List<V1Pod>("/pods").ToLookup(p => p.Namespace);
        var managed = services.Where(s => s.Model.Spec?.Selector is { Count: > 0 } && !s.IsBeingDeleted).ToList();
        foreach (var svc in managed) Sync(svc, podsByNamespace[svc.Namespace]);
        var names = services.Select(s => (s.Namespace, s.Name)).ToHashSet();
        foreach (var ep in cluster.List<V1Endpoints>(Key))
            if (!names.Contains((ep.Namespace, ep.Name)) && ep.Model.Metadata.Annotation(TriggerAnnotation) is not null)
                cluster.Delete(ep.Stored);
    }

    private void Sync(Live<V1Service> svc, IEnumerable<Live<V1Pod>> pods)
    {
        var publishNotReady = svc.Model.Spec.PublishNotReadyAddresses == true;
        var subsets = new JsonArray();
        foreach (var group in ServiceBackends.Of(svc.Model, pods).Where(b => !b.Terminating)
                     .GroupBy(b => string.Join(",", b.Ports.Select(p => $"{p.Name}/{p.Port}/{p.Protocol}"))))
        {
            var ready = new JsonArray();
            var notReady = new JsonArray();
            foreach (var b in group) (b.Ready || publishNotReady ? ready : notReady).Add(Address(b, svc.Name));
            var subset = new JsonObject();
            if (ready.Count > 0) subset["addresses"] = ready;
            if (notReady.Count > 0) subset["notReadyAddresses"] = notReady;
            subset["ports"] = new JsonArray(group.First().Ports.Select(p => (JsonNode)Port(p)).ToArray());
            subsets.Add(subset);
        }
        var labels = new JsonObject();
        foreach (var (k, v) in svc.Model.Metadata.Labels ?? new Dictionary<string, string>()) labels[k] = v;
        if (svc.Model.Spec.ClusterIP == "None") labels["service.kubernetes.io/headless"] = "";
        var existing = State.Store.Get(Key, svc.Namespace, svc.Name);
        if (existing is null)
        {
            var ep = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Endpoints",
                ["metadata"] = new JsonObject
                {
                    ["name"] = svc.Name, ["namespace"] = svc.Namespace, ["labels"] = labels,
                    ["annotations"] = new JsonObject { [TriggerAnnotation] = Clock.Stamp() },
                },
            };
            if (subsets.Count > 0) ep["subsets"] = subsets;
            cluster.Create(Key, ep);
            return;
        }
        var node = existing.ToNode();
        var sameSubsets = JsonNode.DeepEquals(node["subsets"], subsets.Count > 0 ? subsets : null);
        var sameLabels = JsonNode.DeepEquals(node.Obj("metadata")?["labels"] ?? new JsonObject(), labels);
        if (sameSubsets && sameLabels) return;
        cluster.Mutate(existing, n =>
        {
            if (subsets.Count > 0) n["subsets"] = subsets.DeepClone();
            else n.Remove("subsets");
            var meta = n.Ensure("metadata");
            meta["labels"] = labels.DeepClone();
            meta.Ensure("annotations")[TriggerAnnotation] = Clock.Stamp();
        });
    }

    /// <summary>An address; <c>hostname</c> for a pod whose spec.subdomain names the Service (upstream's rule, read by cluster DNS).</summary>
    private static JsonObject Address(Backend b, string service)
    {
        var a = new JsonObject { ["ip"] = b.Ip };
        var spec = b.Pod.Model.Spec;
        if (!string.IsNullOrEmpty(spec?.Hostname) && spec.Subdomain == service) a["hostname"] = spec.Hostname;
        if (b.Node is not null) a["nodeName"] = b.Node;
        a["targetRef"] = new JsonObject
        {
            ["kind"] = "Pod", ["namespace"] = b.Pod.Namespace, ["name"] = b.Pod.Name, ["uid"] = b.Pod.Uid,
        };
        return a;
    }

    private static JsonObject Port(BackendPort p)
    {
        var o = new JsonObject();
        if (!string.IsNullOrEmpty(p.Name)) o["name"] = p.Name;
        o["port"] = p.Port;
        o["protocol"] = p.Protocol;
        return o;
    }
}
