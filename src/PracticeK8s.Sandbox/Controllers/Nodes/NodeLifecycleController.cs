using System.Text.Json.Nodes;
using k8s.Models;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Events;
using PracticeK8s.Sandbox.Hosting;
using PracticeK8s.Sandbox.Kubelet;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Scheduling;

namespace PracticeK8s.Sandbox.Controllers.Nodes;

/// <summary>
/// The node lifecycle controller: taints from node state — cordon (<c>spec.unschedulable</c>) →
/// <c>node.kubernetes.io/unschedulable:NoSchedule</c>; a node whose lease and heartbeat are older
/// than the grace period → conditions Unknown ("Kubelet stopped posting node status."), its pods
/// not Ready, taints <c>node.kubernetes.io/unreachable</c> NoSchedule and NoExecute (event NodeNotReady)
/// — and the taint manager: pods that do not tolerate a NoExecute taint (or whose tolerationSeconds
/// ran out) are deleted (event TaintManagerEviction).
/// </summary>
public sealed class NodeLifecycleController(SandboxState state, ClusterAccess cluster, EventRecorder events, ClusterSettings settings,
    ILogger<NodeLifecycleController> log) : ControllerLoop(state, log)
{
    public const string UnschedulableTaint = "node.kubernetes.io/unschedulable", UnreachableTaint = "node.kubernetes.io/unreachable",
        NotReadyTaint = "node.kubernetes.io/not-ready";
    private static readonly EventSource Source = new("node-controller");
    private static readonly EventSource TaintManager = new("taint-eviction-controller");
    private readonly DateTime _started = DateTime.UtcNow;

    protected override IReadOnlyCollection<string> WatchedKeys => new[] { "/nodes", NodeAgent.LeaseKey, "/pods" };

    protected override TimeSpan ResyncInterval => settings.LeaseRenewInterval;

    protected override void Reconcile()
    {
        var now = DateTime.UtcNow;
        var nodes = cluster.List<V1Node>("/nodes");
        foreach (var node in nodes) SyncNode(node, now);
        EvictUntolerated(cluster.List<V1Node>("/nodes"), now);
    }

    private void SyncNode(Live<V1Node> node, DateTime now)
    {
        var lease = cluster.Get<V1Lease>(NodeAgent.LeaseKey, NodeAgent.LeaseNamespace, node.Name);
        var heard = new[]
        {
            lease?.Model.Spec?.RenewTime,
            node.Model.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.LastHeartbeatTime,
            node.Model.Metadata.CreationTimestamp,
        }.Where(t => t is not null).Select(t => t!.Value.ToUniversalTime()).DefaultIfEmpty(DateTime.MinValue).Max();
        var silentFor = now - heard;
        var grace = settings.NodeMonitorGracePeriod;
        var ready = node.Model.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
        var lost = silentFor > grace && now - _started > grace;
        if (lost && ready?.Status != "Unknown")
        {
            var updated = cluster.Mutate(node.Stored, n => MarkUnknown(n.Ensure("status")));
            if (updated is not null)
            {
                events.Normal(Source, updated, "NodeNotReady", $"Node {node.Name} status is now: NodeNotReady");
                MarkPodsNotReady(node.Name);
            }
        }
        else if (!lost) WakeAt(heard + grace + TimeSpan.FromMilliseconds(100));
        var readyStatus = lost ? "Unknown" : ready?.Status ?? "Unknown";
        cluster.Mutate(node.Stored, n => SetTaints(n, node.Model.Spec?.Unschedulable == true, readyStatus));
    }

    private static void MarkUnknown(JsonObject status)
    {
        var now = Clock.Stamp();
        foreach (var c in status.Arr("conditions").Objects())
        {
            var type = c.Str("type");
            if (type is not ("Ready" or "MemoryPressure" or "DiskPressure" or "PIDPressure")) continue;
            c["status"] = "Unknown";
            c["reason"] = "NodeStatusUnknown";
            c["message"] = "Kubelet stopped posting node status.";
            c["lastTransitionTime"] = now;
        }
    }

    /// <summary>The taints this controller owns, from cordon and readiness (others' taints are kept as they are).</summary>
    private static void SetTaints(JsonObject node, bool unschedulable, string ready)
    {
        var spec = node.Ensure("spec");
        var taints = spec["taints"] as JsonArray ?? new JsonArray();
        var wanted = new List<(string Key, string Effect)>();
        if (unschedulable) wanted.Add((UnschedulableTaint, "NoSchedule"));
        if (ready == "Unknown") { wanted.Add((UnreachableTaint, "NoSchedule")); wanted.Add((UnreachableTaint, "NoExecute")); }
        if (ready == "False") { wanted.Add((NotReadyTaint, "NoSchedule")); wanted.Add((NotReadyTaint, "NoExecute")); }
        foreach (var t in taints.Objects().ToList())
        {
            var key = t.Str("key");
            if (key is UnschedulableTaint or UnreachableTaint or NotReadyTaint && !wanted.Contains((key!, t.Str("effect") ?? "")))
                taints.Remove(t);
        }
        foreach (var (key, effect) in wanted)
        {
            if (taints.Objects().Any(t => t.Str("key") == key && t.Str("effect") == effect)) continue;
            var taint = new JsonObject { ["key"] = key, ["effect"] = effect };
            if (effect == "NoExecute" || key == UnschedulableTaint) taint["timeAdded"] = Clock.Stamp();
            taints.Add(taint);
        }
        if (taints.Count > 0) spec["taints"] = taints;
        else spec.Remove("taints");
    }

    /// <summary>Pods on a lost node are no longer Ready (so Services stop sending them traffic).</summary>
    private void MarkPodsNotReady(string nodeName)
    {
        foreach (var pod in cluster.List<V1Pod>("/pods").Where(p => p.Model.Spec.NodeName == nodeName && !PodState.IsTerminal(p.Model)))
            cluster.Mutate(pod.Stored, n =>
            {
                foreach (var c in n.Obj("status")?.Arr("conditions").Objects() ?? Enumerable.Empty<JsonObject>())
                    if (c.Str("type") is "Ready" or "ContainersReady" && c.Str("status") != "False")
                    {
                        c["status"] = "False";
                        c["lastTransitionTime"] = Clock.Stamp();
                        c.Remove("reason");
                        c.Remove("message");
                    }
            });
    }

    /// <summary>The taint manager: NoExecute taints evict pods that do not tolerate them (at once, or after tolerationSeconds).</summary>
    private void EvictUntolerated(List<Live<V1Node>> nodes, DateTime now)
    {
        var tainted = nodes.Where(n => n.Model.Spec?.Taints?.Any(t => t.Effect == "NoExecute") == true).ToDictionary(n => n.Name);
        if (tainted.Count == 0) return;
        foreach (var pod in cluster.List<V1Pod>("/pods"))
        {
            if (pod.IsBeingDeleted || PodState.IsTerminal(pod.Model) || pod.Model.Spec.NodeName is not { } nodeName
                || !tainted.TryGetValue(nodeName, out var node)) continue;
            DateTime? evictAt = null;
            foreach (var taint in node.Model.Spec.Taints.Where(t => t.Effect == "NoExecute"))
            {
                var toleration = (pod.Model.Spec.Tolerations ?? new List<V1Toleration>()).FirstOrDefault(t => NodeMatching.Tolerates(t, taint));
                var added = taint.TimeAdded?.ToUniversalTime() ?? now;
                var at = toleration is null ? now : toleration.TolerationSeconds is { } secs ? added.AddSeconds(Math.Max(0, secs)) : (DateTime?)null;
                if (at is { } t && (evictAt is null || t < evictAt)) evictAt = t;
            }
            if (evictAt is not { } when) continue;
            if (when > now) { WakeAt(when); continue; }
            events.Normal(TaintManager, pod.Stored, "TaintManagerEviction", $"Marking for deletion Pod {pod.Namespace}/{pod.Name}");
            cluster.Delete(pod.Stored);
        }
    }
}
