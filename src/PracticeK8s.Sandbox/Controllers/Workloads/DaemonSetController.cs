using System.Text.Json.Nodes;
using k8s.Models;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Events;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Scheduling;

namespace PracticeK8s.Sandbox.Controllers.Workloads;

/// <summary>
/// One pod per eligible node for each DaemonSet: nodes its nodeSelector/affinity match and whose
/// NoSchedule/NoExecute taints it tolerates — with the tolerations upstream adds to every daemon pod
/// (not-ready, unreachable, pressure, unschedulable, network-unavailable for hostNetwork), so cordoned
/// nodes keep theirs. Pods are pinned with required node affinity <c>matchFields metadata.name</c>
/// (the scheduler binds them), labelled <c>controller-revision-hash</c> and
/// <c>pod-template-generation</c>; pods on nodes that no longer fit go; RollingUpdate replaces old
/// pods within maxUnavailable. Events from <c>daemonset-controller</c>.
/// </summary>
public sealed class DaemonSetController(SandboxState state, ClusterAccess cluster, EventRecorder events, ILogger<DaemonSetController> log)
    : ControllerLoop(state, log)
{
    public const string Key = "apps/daemonsets";
    private static readonly EventSource Source = new("daemonset-controller");
    private readonly ControllerRevisions _revisions = new(cluster);

    protected override IReadOnlyCollection<string> WatchedKeys => new[] { Key, "/pods", "/nodes" };

    protected override void Reconcile()
    {
        var nodes = cluster.List<V1Node>("/nodes");
        var podsByNamespace = cluster.List<V1Pod>("/pods").ToLookup(p => p.Namespace);
        foreach (var ds in cluster.List<V1DaemonSet>(Key))
            if (!ds.IsBeingDeleted) Sync(ds, nodes, podsByNamespace[ds.Namespace]);
    }

    /// <summary>The tolerations every daemon pod gets (upstream's AddOrUpdateDaemonPodTolerations).</summary>
    public static IEnumerable<V1Toleration> DaemonTolerations(bool hostNetwork)
    {
        yield return new V1Toleration { Key = "node.kubernetes.io/not-ready", OperatorProperty = "Exists", Effect = "NoExecute" };
        yield return new V1Toleration { Key = "node.kubernetes.io/unreachable", OperatorProperty = "Exists", Effect = "NoExecute" };
        yield return new V1Toleration { Key = "node.kubernetes.io/disk-pressure", OperatorProperty = "Exists", Effect = "NoSchedule" };
        yield return new V1Toleration { Key = "node.kubernetes.io/memory-pressure", OperatorProperty = "Exists", Effect = "NoSchedule" };
        yield return new V1Toleration { Key = "node.kubernetes.io/pid-pressure", OperatorProperty = "Exists", Effect = "NoSchedule" };
        yield return new V1Toleration { Key = "node.kubernetes.io/unschedulable", OperatorProperty = "Exists", Effect = "NoSchedule" };
        if (hostNetwork) yield return new V1Toleration { Key = "node.kubernetes.io/network-unavailable", OperatorProperty = "Exists", Effect = "NoSchedule" };
    }

    private void Sync(Live<V1DaemonSet> ds, List<Live<V1Node>> nodes, IEnumerable<Live<V1Pod>> namespacePods)
    {
        var spec = ds.Model.Spec.Template.Spec;
        var tolerations = (spec.Tolerations ?? new List<V1Toleration>()).Concat(DaemonTolerations(spec.HostNetwork == true)).ToList();
        var revision = _revisions.Current(ds.Stored, ds.Model.Spec.Selector?.MatchLabels?.AsReadOnly(), ds.Model.Spec.RevisionHistoryLimit ?? 10);
        if (revision is null) return;
        var hash = revision.Value.Hash;
        var pods = PodOwnership.Claim(cluster, ds.Stored, ds.Model.Spec.Selector, namespacePods);
        var byNode = pods.Where(p => !p.IsBeingDeleted).GroupBy(p => TargetNode(p.Model)).ToDictionary(g => g.Key, g => g.ToList());
        var nodeNames = nodes.Select(n => n.Name).ToHashSet();
        int desired = 0, current = 0, misscheduled = 0, ready = 0, available = 0, updated = 0;
        var now = DateTime.UtcNow;
        var minReady = ds.Model.Spec.MinReadySeconds ?? 0;
        var oldPods = new List<Live<V1Pod>>();
        var unavailableNodes = 0;
        foreach (var node in nodes)
        {
            var fits = NodeMatching.MatchesNodeSelectorAndAffinity(spec, node.Model);
            var shouldRun = fits && NodeMatching.FirstUntoleratedTaint(tolerations, node.Model, "NoSchedule", "NoExecute") is null;
            var shouldContinue = fits && NodeMatching.FirstUntoleratedTaint(tolerations, node.Model, "NoExecute") is null;
            var here = byNode.GetValueOrDefault(node.Name) ?? new List<Live<V1Pod>>();
            foreach (var failed in here.Where(p => p.Model.Status?.Phase == "Failed").ToList())
            {
                events.Warning(Source, ds.Stored, "FailedDaemonPod", $"Found failed daemon pod {failed.Namespace}/{failed.Name} on node {node.Name}, will try to kill it");
                DeletePod(ds, failed);
                here.Remove(failed);
            }
            if (shouldRun) desired++;
            if (here.Count > 0 && !shouldRun) misscheduled++;
            if (shouldRun && here.Count == 0) CreatePod(ds, node.Name, hash);
            if (!shouldContinue)
            {
                foreach (var p in here) DeletePod(ds, p);
                continue;
            }
            foreach (var extra in here.OrderBy(p => p.Model.Metadata.CreationTimestamp).Skip(1)) DeletePod(ds, extra);
            if (here.Count == 0) { if (shouldRun) unavailableNodes++; continue; }
            var pod = here.OrderBy(p => p.Model.Metadata.CreationTimestamp).First();
            if (shouldRun) current++;
            if (PodState.IsReady(pod.Model)) ready++;
            if (PodState.IsAvailable(pod.Model, minReady, now)) available++;
            else if (shouldRun) unavailableNodes++;
            if (PodState.AvailableAt(pod.Model, minReady) is { } at && at > now) WakeAt(at);
            if (pod.Model.Metadata.Label(ControllerRevisions.HashLabel) == hash) updated++;
            else oldPods.Add(pod);
        }
        foreach (var (nodeName, orphans) in byNode.Where(b => !nodeNames.Contains(b.Key)))
            foreach (var p in orphans.Where(p => !string.IsNullOrEmpty(p.Model.Spec.NodeName))) DeletePod(ds, p);
        if (ds.Model.Spec.UpdateStrategy?.Type != "OnDelete")
        {
            var maxUnavailable = Math.Max(1, RolloutMath.Scaled(ds.Model.Spec.UpdateStrategy?.RollingUpdate?.MaxUnavailable, desired, roundUp: false, fallback: 1));
            var budget = maxUnavailable - unavailableNodes;
            foreach (var old in oldPods.OrderBy(p => PodState.IsReady(p.Model) ? 1 : 0))
            {
                if (!PodState.IsAvailable(old.Model, minReady, now)) DeletePod(ds, old);
                else if (budget-- > 0) DeletePod(ds, old);
            }
        }
        cluster.SetStatus(ds.Stored, new V1DaemonSetStatus
        {
            CurrentNumberScheduled = current,
            DesiredNumberScheduled = desired,
            NumberMisscheduled = misscheduled,
            NumberReady = ready,
            NumberAvailable = available == 0 ? null : available,
            NumberUnavailable = desired - available <= 0 ? null : desired - available,
            UpdatedNumberScheduled = updated == 0 ? null : updated,
            ObservedGeneration = ds.Model.Metadata.Generation,
        });
    }

    /// <summary>The node a daemon pod is for: where it is bound, else the node its affinity pins it to.</summary>
    private static string TargetNode(V1Pod pod)
    {
        if (!string.IsNullOrEmpty(pod.Spec.NodeName)) return pod.Spec.NodeName;
        return pod.Spec.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms?
            .SelectMany(t => t.MatchFields ?? new List<V1NodeSelectorRequirement>())
            .FirstOrDefault(f => f.Key == "metadata.name" && f.OperatorProperty == "In")?.Values?.FirstOrDefault() ?? "";
    }

    private void CreatePod(Live<V1DaemonSet> ds, string node, string hash)
    {
        var template = PodTemplates.TemplateOf(ds.Stored);
        var pod = PodTemplates.NewPod(template, ds.Stored, ds.Name + "-");
        var labels = pod.Obj("metadata")!.Ensure("labels");
        labels[ControllerRevisions.HashLabel] = hash;
        labels["pod-template-generation"] = (ds.Model.Metadata.Generation ?? 1).ToString();
        var spec = pod.Obj("spec")!;
        Pin(spec, node);
        var tolerations = spec["tolerations"] as JsonArray ?? new JsonArray();
        foreach (var t in DaemonTolerations(spec.Bool("hostNetwork") == true))
            if (!tolerations.Objects().Any(x => x.Str("key") == t.Key && x.Str("effect") == t.Effect))
                tolerations.Add(ClusterAccess.ToNode(t));
        spec["tolerations"] = tolerations;
        try
        {
            var created = cluster.CreateOrThrow("/pods", pod);
            events.Normal(Source, ds.Stored, "SuccessfulCreate", $"Created pod: {created.Name}");
        }
        catch (ApiException e)
        {
            events.Warning(Source, ds.Stored, "FailedCreate", $"Error creating: {e.Message}");
        }
    }

    /// <summary>Required node affinity on <c>metadata.name</c> (upstream replaces any matchFields of the template's terms).</summary>
    private static void Pin(JsonObject spec, string node)
    {
        var pin = new JsonArray(new JsonObject { ["key"] = "metadata.name", ["operator"] = "In", ["values"] = new JsonArray(node) });
        var required = spec.Ensure("affinity").Ensure("nodeAffinity").Ensure("requiredDuringSchedulingIgnoredDuringExecution");
        var terms = required["nodeSelectorTerms"] as JsonArray;
        if (terms is null || terms.Count == 0)
        {
            required["nodeSelectorTerms"] = new JsonArray(new JsonObject { ["matchFields"] = pin });
            return;
        }
        foreach (var t in terms.Objects()) t["matchFields"] = pin.DeepClone();
    }

    private void DeletePod(Live<V1DaemonSet> ds, Live<V1Pod> pod)
    {
        if (cluster.Delete(pod.Stored)) events.Normal(Source, ds.Stored, "SuccessfulDelete", $"Deleted pod: {pod.Name}");
    }
}
