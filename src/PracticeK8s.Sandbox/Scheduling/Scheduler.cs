using System.Text.Json.Nodes;
using k8s.Models;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Controllers;
using PracticeK8s.Sandbox.Events;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Scheduling;

/// <summary>
/// The default scheduler: binds each pending pod (<c>schedulerName: default-scheduler</c>, no node)
/// to a node that passes the filters — in upstream's order NodeUnschedulable, NodeName,
/// TaintToleration, NodeAffinity (nodeSelector + required affinity), NodeResourcesFit — preferring
/// the node with the fewest pods. A pod no node fits stays Pending with <c>PodScheduled=False</c>
/// (Unschedulable) and a FailedScheduling event in upstream's wording; it is retried whenever pods,
/// nodes or claims change.
/// </summary>
public sealed class Scheduler(SandboxState state, ClusterAccess cluster, EventRecorder events, ILogger<Scheduler> log) : ControllerLoop(state, log)
{
    public const string Name = "default-scheduler";
    private static readonly EventSource Source = new(Name);
    private readonly BindingHandler _binding = new(state);
    private readonly Dictionary<string, (string Message, DateTime At)> _lastFailure = new();
    /// <summary>Pods per (controller uid, node) in this pass.</summary>
    private readonly Dictionary<(string Owner, string Node), int> _siblings = new();

    protected override IReadOnlyCollection<string> WatchedKeys => new[] { "/pods", "/nodes", "/persistentvolumeclaims" };

    protected override TimeSpan ResyncInterval => TimeSpan.FromSeconds(10);

    protected override void Reconcile()
    {
        var nodes = cluster.List<V1Node>("/nodes");
        var pods = cluster.List<V1Pod>("/pods");
        var load = nodes.ToDictionary(n => n.Name, _ => (Pods: 0, Requests: new PodRequests()));
        _siblings.Clear();
        foreach (var p in pods)
            if (PodState.IsScheduled(p.Model) && !PodState.IsTerminal(p.Model) && load.TryGetValue(p.Model.Spec.NodeName, out var l))
            {
                load[p.Model.Spec.NodeName] = (l.Pods + 1, l.Requests + PodRequests.Of(p.Model.Spec));
                CountSibling(p.Model, p.Model.Spec.NodeName);
            }

        var pending = pods.Where(p => !PodState.IsScheduled(p.Model) && !p.IsBeingDeleted && !PodState.IsTerminal(p.Model)
                                      && (p.Model.Spec.SchedulerName ?? Name) == Name)
            .OrderByDescending(p => p.Model.Spec.Priority ?? 0).ThenBy(p => p.Model.Metadata.CreationTimestamp).ToList();
        foreach (var pod in pending)
        {
            var (node, failure) = PickNode(pod, nodes, load);
            if (node is null)
            {
                Unschedulable(pod, failure!);
                continue;
            }
            try
            {
                _binding.Bind(ClusterAccess.Def(State, "/pods"), pod.Namespace, pod.Name, node.Name, pod.Uid, dryRun: false);
            }
            catch (ApiException) { continue; } // deleted or bound meanwhile
            _lastFailure.Remove(pod.Uid);
            var l = load[node.Name];
            load[node.Name] = (l.Pods + 1, l.Requests + PodRequests.Of(pod.Model.Spec));
            CountSibling(pod.Model, node.Name);
            SelectNodeForWaitingClaims(pod, node.Name);
            if (State.Store.Get("/pods", pod.Namespace, pod.Name) is { } bound)
                events.Normal(Source, bound, "Scheduled", $"Successfully assigned {pod.Namespace}/{pod.Name} to {node.Name}");
        }
        foreach (var uid in _lastFailure.Keys.Where(u => pending.All(p => p.Uid != u)).ToList()) _lastFailure.Remove(uid);
    }

    private void CountSibling(V1Pod pod, string node)
    {
        if (OwnerReferences.ControllerOf(pod.Metadata)?.Uid is { } owner)
            _siblings[(owner, node)] = _siblings.GetValueOrDefault((owner, node)) + 1;
    }

    private (Live<V1Node>? Node, string? Failure) PickNode(Live<V1Pod> pod, List<Live<V1Node>> nodes, Dictionary<string, (int Pods, PodRequests Requests)> load)
    {
        if (ClaimProblem(pod) is { } claimProblem)
            return (null, $"0/{nodes.Count} nodes are available: {claimProblem}. preemption: 0/{nodes.Count} nodes are available: {nodes.Count} Preemption is not helpful for scheduling.");
        if (nodes.Count == 0) return (null, "no nodes available to schedule pods");
        var reasons = new Dictionary<string, int>();
        var resourceFailures = 0;
        var fits = new List<Live<V1Node>>();
        var requests = PodRequests.Of(pod.Model.Spec);
        foreach (var node in nodes)
        {
            var reasonList = Filter(pod.Model, node.Model, requests, load.GetValueOrDefault(node.Name));
            if (reasonList.Count == 0) { fits.Add(node); continue; }
            if (reasonList[0].StartsWith("Insufficient", StringComparison.Ordinal) || reasonList[0] == "Too many pods") resourceFailures++;
            foreach (var r in reasonList) reasons[r] = reasons.GetValueOrDefault(r) + 1;
        }
        if (fits.Count > 0)
        {
            // Scoring: spread the pods of one controller over nodes (upstream's default topology spreading), then fewest pods.
            var owner = OwnerReferences.ControllerOf(pod.Model.Metadata)?.Uid;
            int Siblings(Live<V1Node> n) => owner is null ? 0 : _siblings.GetValueOrDefault((owner, n.Name));
            return (fits.OrderBy(Siblings).ThenBy(n => load.GetValueOrDefault(n.Name).Pods).ThenBy(_ => Random.Shared.Next()).First(), null);
        }
        var detail = string.Join(", ", reasons.Select(r => $"{r.Value} {r.Key}").Order(StringComparer.Ordinal));
        var preemption = new List<string>();
        if (resourceFailures > 0) preemption.Add($"{resourceFailures} No preemption victims found for incoming pod");
        if (nodes.Count - resourceFailures > 0) preemption.Add($"{nodes.Count - resourceFailures} Preemption is not helpful for scheduling");
        return (null, $"0/{nodes.Count} nodes are available: {detail}. preemption: 0/{nodes.Count} nodes are available: {string.Join(", ", preemption)}.");
    }

    /// <summary>The first failing filter's reason(s) for one node (resources may give several), or none.</summary>
    private static List<string> Filter(V1Pod pod, V1Node node, PodRequests requests, (int Pods, PodRequests Requests) load)
    {
        var tolerations = pod.Spec.Tolerations ?? new List<V1Toleration>();
        if (node.Spec?.Unschedulable == true && !tolerations.Any(t => NodeMatching.Tolerates(t,
                new V1Taint { Key = "node.kubernetes.io/unschedulable", Effect = "NoSchedule" })))
            return new List<string> { "node(s) were unschedulable" };
        if (!string.IsNullOrEmpty(pod.Spec.NodeName) && pod.Spec.NodeName != node.Metadata.Name)
            return new List<string> { "node(s) didn't match the requested node name" };
        if (NodeMatching.FirstUntoleratedTaint(tolerations, node, "NoSchedule", "NoExecute") is { } taint)
            return new List<string> { $"node(s) had untolerated taint {NodeMatching.Describe(taint)}" };
        if (!NodeMatching.MatchesNodeSelectorAndAffinity(pod.Spec, node))
            return new List<string> { "node(s) didn't match Pod's node affinity/selector" };
        var insufficient = new List<string>();
        if (load.Pods + 1 > PodRequests.AllocatablePods(node)) insufficient.Add("Too many pods");
        if (requests.MilliCpu > 0 && load.Requests.MilliCpu + requests.MilliCpu > PodRequests.AllocatableMilliCpu(node)) insufficient.Add("Insufficient cpu");
        if (requests.MemoryBytes > 0 && load.Requests.MemoryBytes + requests.MemoryBytes > PodRequests.AllocatableMemory(node)) insufficient.Add("Insufficient memory");
        return insufficient;
    }

    /// <summary>VolumeBinding's pre-filter: every claim exists, is not being deleted, and is bound unless it waits for its first consumer.</summary>
    private string? ClaimProblem(Live<V1Pod> pod)
    {
        foreach (var v in pod.Model.Spec.Volumes ?? new List<V1Volume>())
        {
            if (v.PersistentVolumeClaim?.ClaimName is not { } claim) continue;
            var pvc = cluster.Get<V1PersistentVolumeClaim>("/persistentvolumeclaims", pod.Namespace, claim);
            if (pvc is null) return $"persistentvolumeclaim \"{claim}\" not found";
            if (pvc.IsBeingDeleted) return $"persistentvolumeclaim \"{claim}\" is being deleted";
            if (pvc.Model.Status?.Phase == "Bound") continue;
            var className = pvc.Model.Spec?.StorageClassName;
            var sc = className is null ? null : cluster.Get<V1StorageClass>("storage.k8s.io/storageclasses", "", className);
            if (sc?.Model.VolumeBindingMode != "WaitForFirstConsumer") return "pod has unbound immediate PersistentVolumeClaims";
        }
        return null;
    }

    /// <summary>Claims waiting for their first consumer learn the chosen node (annotation the provisioner reads).</summary>
    private void SelectNodeForWaitingClaims(Live<V1Pod> pod, string node)
    {
        foreach (var v in pod.Model.Spec.Volumes ?? new List<V1Volume>())
        {
            if (v.PersistentVolumeClaim?.ClaimName is not { } claim) continue;
            if (State.Store.Get("/persistentvolumeclaims", pod.Namespace, claim) is not { } pvc) continue;
            var typed = cluster.Typed<V1PersistentVolumeClaim>(pvc);
            if (typed.Model.Status?.Phase == "Bound") continue;
            cluster.Mutate(pvc, o => o.Ensure("metadata").Ensure("annotations")["volume.kubernetes.io/selected-node"] = node);
        }
    }

    private void Unschedulable(Live<V1Pod> pod, string message)
    {
        cluster.Mutate(pod.Stored, o =>
        {
            var status = o.Ensure("status");
            var conditions = status["conditions"] as JsonArray ?? new JsonArray();
            var existing = conditions.Objects().FirstOrDefault(c => c.Str("type") == "PodScheduled");
            if (existing is not null && existing.Str("message") == message && existing.Str("status") == "False") return;
            if (existing is not null) conditions.Remove(existing);
            conditions.Add(new JsonObject
            {
                ["type"] = "PodScheduled", ["status"] = "False", ["lastProbeTime"] = null,
                ["lastTransitionTime"] = Clock.Stamp(), ["reason"] = "Unschedulable", ["message"] = message,
            });
            status["conditions"] = conditions;
        });
        var now = DateTime.UtcNow;
        if (_lastFailure.TryGetValue(pod.Uid, out var last) && last.Message == message && now - last.At < TimeSpan.FromSeconds(60)) return;
        _lastFailure[pod.Uid] = (message, now);
        if (State.Store.Get("/pods", pod.Namespace, pod.Name) is { } current)
            events.Warning(Source, current, "FailedScheduling", message);
    }
}
