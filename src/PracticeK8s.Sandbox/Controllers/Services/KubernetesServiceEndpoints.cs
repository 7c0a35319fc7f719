using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Controllers.Services;

/// <summary>
/// The API server's own endpoint reconciler: the <c>kubernetes</c> Service in <c>default</c> points at
/// this server (127.0.0.1 and the port it listens on) through its Endpoints and EndpointSlice of that name.
/// </summary>
public sealed class KubernetesServiceEndpoints(SandboxState state, ClusterAccess cluster, ILogger<KubernetesServiceEndpoints> log) : ControllerLoop(state, log)
{
    protected override IReadOnlyCollection<string> WatchedKeys => new[] { "/services", EndpointsController.Key, EndpointSliceController.Key };

    protected override TimeSpan ResyncInterval => TimeSpan.FromSeconds(1);

    protected override void Reconcile()
    {
        var address = State.ServerAddress;
        var colon = address.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(address[(colon + 1)..], out var port) || port == 0) return; // not listening yet
        var ip = address[..colon];
        if (State.Store.Get("/services", "default", "kubernetes") is not { } svc) return;
        cluster.Mutate(svc, n =>
        {
            foreach (var p in n.Obj("spec")?.Arr("ports").Objects() ?? Enumerable.Empty<JsonObject>())
                if (p.Str("name") == "https") p["targetPort"] = port;
        });
        var subsets = new JsonArray(new JsonObject
        {
            ["addresses"] = new JsonArray(new JsonObject { ["ip"] = ip }),
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "https", ["port"] = port, ["protocol"] = "TCP" }),
        });
        Upsert(EndpointsController.Key, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Endpoints",
            ["metadata"] = new JsonObject
            {
                ["name"] = "kubernetes", ["namespace"] = "default",
                ["labels"] = new JsonObject { ["endpointslice.kubernetes.io/skip-mirror"] = "true" },
            },
            ["subsets"] = subsets,
        }, "subsets");
        Upsert(EndpointSliceController.Key, new JsonObject
        {
            ["apiVersion"] = "discovery.k8s.io/v1",
            ["kind"] = "EndpointSlice",
            ["metadata"] = new JsonObject
            {
                ["name"] = "kubernetes", ["namespace"] = "default",
                ["labels"] = new JsonObject { [EndpointSliceController.ServiceNameLabel] = "kubernetes" },
            },
            ["addressType"] = "IPv4",
            ["endpoints"] = new JsonArray(new JsonObject
            {
                ["addresses"] = new JsonArray(ip),
                ["conditions"] = new JsonObject { ["ready"] = true },
            }),
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "https", ["port"] = port, ["protocol"] = "TCP" }),
        }, "endpoints", "ports");
    }

    private void Upsert(string key, JsonObject desired, params string[] fields)
    {
        if (State.Store.Get(key, "default", "kubernetes") is { } existing)
            cluster.Mutate(existing, n => { foreach (var f in fields) n[f] = desired[f]!.DeepClone(); });
        else cluster.Create(key, desired);
    }
}
