using System.Text.Json.Nodes;
using k8s.Models;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Controllers.Services;

/// <summary>
/// The endpointslice controller: for every Service with a selector, discovery.k8s.io/v1 slices
/// (<c>generateName &lt;svc&gt;-</c>, one per distinct port set, owned by the Service, labelled
/// <c>kubernetes.io/service-name</c> and managed-by) listing every backing pod with its
/// ready/serving/terminating conditions, node and pod reference.
/// </summary>
public sealed class EndpointSliceController(SandboxState state, ClusterAccess cluster, ILogger<EndpointSliceController> log) : ControllerLoop(state, log)
{
    public const string Key = "discovery.k8s.io/endpointslices";
    public const string ServiceNameLabel = "kubernetes.io/service-name", ManagedByLabel = "endpointslice.kubernetes.io/managed-by";
    public const string ManagedBy = "endpointslice-controller.k8s.io";

    protected override IReadOnlyCollection<string> WatchedKeys => new[] { "/services", "/pods", Key };

    protected override void Reconcile()
    {
        var podsByNamespace = cluster.List<V1Pod>("/pods").ToLookup(p => p.Namespace);
        var slicesByService = cluster.List<V1EndpointSlice>(Key)
            .Where(s => s.Model.Metadata.Label(ManagedByLabel) == ManagedBy)
            .ToLookup(s => (s.Namespace, s.Model.Metadata.Label(ServiceNameLabel)));
        foreach (var svc in cluster.List<V1Service>("/services"))
            if (svc.Model.Spec?.Selector is { Count: > 0 } && !svc.IsBeingDeleted)
                Sync(svc, podsByNamespace[svc.Namespace], slicesByService[(svc.Namespace, svc.Name)].ToList());
    }

    private void Sync(Live<V1Service> svc, IEnumerable<Live<V1Pod>> pods, List<Live<V1EndpointSlice>> slices)
    {
        var groups = ServiceBackends.Of(svc.Model, pods)
            .GroupBy(b => string.Join(",", b.Ports.Select(p => $"{p.Name}/{p.Port}/{p.Protocol}")))
            .Select(g => (Ports: Ports(g.First().Ports), Endpoints: new JsonArray(g.Select(b => (JsonNode)Endpoint(b)).ToArray())))
            .ToList();
        if (groups.Count == 0) groups.Add((new JsonArray(), new JsonArray())); // an empty placeholder slice, as upstream keeps
        var unused = new List<Live<V1EndpointSlice>>(slices);
        foreach (var (ports, endpoints) in groups)
        {
            var slice = unused.FirstOrDefault(s => JsonNode.DeepEquals(s.Stored.ToNode()["ports"] ?? new JsonArray(), ports)) ?? unused.FirstOrDefault();
            if (slice is not null)
            {
                unused.Remove(slice);
                var node = slice.Stored.ToNode();
                if (JsonNode.DeepEquals(node["endpoints"] ?? new JsonArray(), endpoints) && JsonNode.DeepEquals(node["ports"] ?? new JsonArray(), ports)) continue;
                cluster.Mutate(slice.Stored, n =>
                {
                    n["endpoints"] = endpoints.DeepClone();
                    n["ports"] = ports.DeepClone();
                    n.Ensure("metadata").Ensure("annotations")[EndpointsController.TriggerAnnotation] = Clock.Stamp();
                });
                continue;
            }
            var labels = new JsonObject();
            foreach (var (k, v) in svc.Model.Metadata.Labels ?? new Dictionary<string, string>()) labels[k] = v;
            labels[ManagedByLabel] = ManagedBy;
            labels[ServiceNameLabel] = svc.Name;
            cluster.Create(Key, new JsonObject
            {
                ["apiVersion"] = "discovery.k8s.io/v1",
                ["kind"] = "EndpointSlice",
                ["metadata"] = new JsonObject
                {
                    ["generateName"] = svc.Name + "-",
                    ["namespace"] = svc.Namespace,
                    ["labels"] = labels,
                    ["annotations"] = new JsonObject { [EndpointsController.TriggerAnnotation] = Clock.Stamp() },
                    ["ownerReferences"] = new JsonArray(OwnerReferences.ControllerRef(svc.Stored)),
                },
                ["addressType"] = "IPv4",
                ["endpoints"] = endpoints,
                ["ports"] = ports,
            });
        }
        foreach (var stale in unused) cluster.Delete(stale.Stored);
    }

    private static JsonArray Ports(IEnumerable<BackendPort> ports) => new(ports.Select(p =>
    {
        var o = new JsonObject { ["name"] = p.Name ?? "", ["port"] = p.Port, ["protocol"] = p.Protocol };
        return (JsonNode)o;
    }).ToArray());

    private static JsonObject Endpoint(Backend b)
    {
        var e = new JsonObject
        {
            ["addresses"] = new JsonArray(b.Ip),
            ["conditions"] = new JsonObject
            {
                ["ready"] = b.Ready,
                ["serving"] = PodState.IsReady(b.Pod.Model),
                ["terminating"] = b.Terminating,
            },
        };
        if (b.Node is not null) e["nodeName"] = b.Node;
        e["targetRef"] = new JsonObject { ["kind"] = "Pod", ["name"] = b.Pod.Name, ["namespace"] = b.Pod.Namespace, ["uid"] = b.Pod.Uid };
        return e;
    }
}
