using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s.Models;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Events;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Controllers.Workloads;

/// <summary>
/// StatefulSets: pods <c>&lt;set&gt;-0…n−1</c> with stable hostname/subdomain and identity labels,
/// their claims <c>&lt;template&gt;-&lt;set&gt;-&lt;ordinal&gt;</c> created first and kept on scale-down
/// and deletion (retention policy Retain; Delete makes the set or the pod their owner). OrderedReady
/// creates ordinal i only when 0…i−1 are Running and Ready and removes from the highest ordinal,
/// one at a time; Parallel does all at once. RollingUpdate replaces pods of an older revision from
/// the highest ordinal down to the partition. Revisions are ControllerRevisions. Events from
/// <c>statefulset-controller</c> in upstream's wording.
/// </summary>
public sealed class StatefulSetController(SandboxState state, ClusterAccess cluster, EventRecorder events, ILogger<StatefulSetController> log)
    : ControllerLoop(state, log)
{
    public const string Key = "apps/statefulsets";
    public const string PodNameLabel = "statefulset.kubernetes.io/pod-name", PodIndexLabel = "apps.kubernetes.io/pod-index";
    private static readonly EventSource Source = new("statefulset-controller");
    private readonly ControllerRevisions _revisions = new(cluster);

    protected override IReadOnlyCollection<string> WatchedKeys => new[] { Key, "/pods", "/persistentvolumeclaims" };

    protected override void Reconcile()
    {
        var podsByNamespace = cluster.List<V1Pod>("/pods").ToLookup(p => p.Namespace);
        foreach (var sts in cluster.List<V1StatefulSet>(Key))
            if (!sts.IsBeingDeleted) Sync(sts, podsByNamespace[sts.Namespace]);
    }

    private void Sync(Live<V1StatefulSet> sts, IEnumerable<Live<V1Pod>> namespacePods)
    {
        var revision = _revisions.Current(sts.Stored, sts.Model.Spec.Selector?.MatchLabels?.AsReadOnly(), sts.Model.Spec.RevisionHistoryLimit ?? 10);
        if (revision is null) return;
        var updateRevision = revision.Value.Name;
        var ordinalPattern = new Regex($"^{Regex.Escape(sts.Name)}-(\\d+)$");
        var pods = PodOwnership.Claim(cluster, sts.Stored, sts.Model.Spec.Selector,
                namespacePods.Where(p => ordinalPattern.IsMatch(p.Name)))
            .ToDictionary(p => int.Parse(ordinalPattern.Match(p.Name).Groups[1].Value));
        var replicas = sts.Model.Spec.Replicas ?? 1;
        var ordered = sts.Model.Spec.PodManagementPolicy != "Parallel";
        var now = DateTime.UtcNow;
        bool Healthy(Live<V1Pod> p) => p.Model.Status?.Phase == "Running" && PodState.IsReady(p.Model) && !p.IsBeingDeleted;

        var blocked = false;
        foreach (var (ordinal, failed) in pods.Where(p => p.Value.Model.Status?.Phase == "Failed" && !p.Value.IsBeingDeleted).ToList())
            DeletePod(sts, failed);
        for (int i = 0; i < replicas && !blocked; i++)
        {
            if (!pods.TryGetValue(i, out var pod))
            {
                CreatePod(sts, i, updateRevision);
                blocked = ordered;
            }
            else if (ordered && !Healthy(pod)) blocked = true;
        }
        var condemned = pods.Where(p => p.Key >= replicas).OrderByDescending(p => p.Key).Select(p => p.Value).ToList();
        if (ordered)
        {
            var anyTerminating = pods.Values.Any(p => p.IsBeingDeleted);
            var allHealthy = pods.Where(p => p.Key < replicas).All(p => Healthy(p.Value));
            if (condemned.FirstOrDefault() is { } highest && !anyTerminating && allHealthy && !highest.IsBeingDeleted) DeletePod(sts, highest);
        }
        else foreach (var p in condemned.Where(p => !p.IsBeingDeleted)) DeletePod(sts, p);

        if (sts.Model.Spec.UpdateStrategy?.Type != "OnDelete" && !blocked)
        {
            var partition = sts.Model.Spec.UpdateStrategy?.RollingUpdate?.Partition ?? 0;
            var stale = pods.Where(p => p.Key < replicas && p.Key >= partition && p.Value.Model.Metadata.Label(ControllerRevisions.HashLabel) != updateRevision)
                .OrderByDescending(p => p.Key).Select(p => p.Value).FirstOrDefault();
            var everyoneHealthy = pods.Where(p => p.Key < replicas).All(p => Healthy(p.Value));
            if (stale is not null && (!ordered || everyoneHealthy) && !stale.IsBeingDeleted) DeletePod(sts, stale);
        }

        var minReady = sts.Model.Spec.MinReadySeconds ?? 0;
        var active = pods.Values.Where(p => PodState.IsActive(p.Model) || p.IsBeingDeleted).ToList();
        var updated = active.Count(p => p.Model.Metadata.Label(ControllerRevisions.HashLabel) == updateRevision);
        var currentRevision = sts.Model.Status?.CurrentRevision ?? updateRevision;
        if (updated == active.Count && active.Count == replicas) currentRevision = updateRevision;
        foreach (var p in active)
            if (PodState.AvailableAt(p.Model, minReady) is { } at && at > now) WakeAt(at);
        cluster.SetStatus(sts.Stored, new V1StatefulSetStatus
        {
            ObservedGeneration = sts.Model.Metadata.Generation,
            Replicas = active.Count,
            ReadyReplicas = NullIfZero(active.Count(p => PodState.IsReady(p.Model))),
            CurrentReplicas = NullIfZero(active.Count(p => p.Model.Metadata.Label(ControllerRevisions.HashLabel) == currentRevision)),
            UpdatedReplicas = NullIfZero(updated),
            AvailableReplicas = active.Count(p => PodState.IsAvailable(p.Model, minReady, now)),
            CurrentRevision = currentRevision,
            UpdateRevision = updateRevision,
            CollisionCount = 0,
        });
    }

    private static int? NullIfZero(int n) => n == 0 ? null : n;

    public static string ClaimName(string template, string set, int ordinal) => $"{template}-{set}-{ordinal}";

    private void CreatePod(Live<V1StatefulSet> sts, int ordinal, string revisionName)
    {
        var name = $"{sts.Name}-{ordinal}";
        var setNode = sts.Stored.ToNode();
        foreach (var t in setNode.Obj("spec")?.Arr("volumeClaimTemplates").Objects() ?? Enumerable.Empty<JsonObject>())
            if (!EnsureClaim(sts, t, ordinal, name)) return;
        var template = PodTemplates.TemplateOf(sts.Stored);
        var pod = PodTemplates.NewPod(template, sts.Stored, null, name);
        var labels = pod.Obj("metadata")!.Ensure("labels");
        labels[PodNameLabel] = name;
        labels[PodIndexLabel] = ordinal.ToString();
        labels[ControllerRevisions.HashLabel] = revisionName; // upstream labels pods with the revision's name
        var spec = pod.Obj("spec")!;
        spec["hostname"] = name;
        if (!string.IsNullOrEmpty(sts.Model.Spec.ServiceName)) spec["subdomain"] = sts.Model.Spec.ServiceName;
        var volumes = spec["volumes"] as JsonArray ?? new JsonArray();
        foreach (var t in setNode.Obj("spec")?.Arr("volumeClaimTemplates").Objects() ?? Enumerable.Empty<JsonObject>())
        {
            var volumeName = t.Obj("metadata")?.Str("name") ?? "";
            foreach (var existing in volumes.Objects().Where(v => v.Str("name") == volumeName).ToList()) volumes.Remove(existing);
            volumes.Add(new JsonObject
            {
                ["name"] = volumeName,
                ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = ClaimName(volumeName, sts.Name, ordinal) },
            });
        }
        if (volumes.Count > 0) spec["volumes"] = volumes;
        try
        {
            cluster.CreateOrThrow("/pods", pod);
            events.Normal(Source, sts.Stored, "SuccessfulCreate", $"create Pod {name} in StatefulSet {sts.Name} successful");
        }
        catch (ApiException e)
        {
            events.Warning(Source, sts.Stored, "FailedCreate", $"create Pod {name} in StatefulSet {sts.Name} failed error: {e.Message}");
        }
    }

    /// <summary>The claim of one template for one ordinal (created when missing). False when it cannot be made.</summary>
    private bool EnsureClaim(Live<V1StatefulSet> sts, JsonObject template, int ordinal, string podName)
    {
        var templateName = template.Obj("metadata")?.Str("name") ?? "";
        var name = ClaimName(templateName, sts.Name, ordinal);
        if (State.Store.Get("/persistentvolumeclaims", sts.Namespace, name) is not null) return true;
        var meta = new JsonObject { ["name"] = name, ["namespace"] = sts.Namespace };
        var labels = template.Obj("metadata")?.Obj("labels")?.DeepClone().AsObject() ?? new JsonObject();
        foreach (var (k, v) in sts.Model.Spec.Selector?.MatchLabels ?? new Dictionary<string, string>()) labels[k] = v;
        if (labels.Count > 0) meta["labels"] = labels;
        if (template.Obj("metadata")?.Obj("annotations") is { } annotations) meta["annotations"] = annotations.DeepClone();
        if (sts.Model.Spec.PersistentVolumeClaimRetentionPolicy?.WhenDeleted == "Delete")
            meta["ownerReferences"] = new JsonArray(OwnerReferences.ControllerRef(sts.Stored));
        var claim = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "PersistentVolumeClaim",
            ["metadata"] = meta,
            ["spec"] = template.Obj("spec")?.DeepClone() ?? new JsonObject(),
        };
        try
        {
            cluster.CreateOrThrow("/persistentvolumeclaims", claim);
            events.Normal(Source, sts.Stored, "SuccessfulCreate", $"create Claim {name} Pod {podName} in StatefulSet {sts.Name} success");
            return true;
        }
        catch (ApiException e)
        {
            events.Warning(Source, sts.Stored, "FailedCreate", $"create Claim {name} for Pod {podName} in StatefulSet {sts.Name} failed error: {e.Message}");
            return false;
        }
    }

    private void DeletePod(Live<V1StatefulSet> sts, Live<V1Pod> pod)
    {
        if (cluster.Delete(pod.Stored))
            events.Normal(Source, sts.Stored, "SuccessfulDelete", $"delete Pod {pod.Name} in StatefulSet {sts.Name} successful");
    }
}
