using System.Text.Json.Nodes;
using k8s.Models;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Events;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Controllers.Workloads;

/// <summary>
/// Deployments → ReplicaSets, as upstream's deployment controller: one ReplicaSet per template
/// (<c>&lt;deploy&gt;-&lt;pod-template-hash&gt;</c>), revision annotations (a rollback re-numbers
/// the reused set), RollingUpdate within maxSurge/maxUnavailable or Recreate, proportional scaling,
/// paused rollouts, revisionHistoryLimit, and status with the Available/Progressing conditions
/// <c>kubectl rollout status</c> waits for. Events ScalingReplicaSet from <c>deployment-controller</c>.
/// </summary>
public sealed class DeploymentController(SandboxState state, ClusterAccess cluster, EventRecorder events, ILogger<DeploymentController> log)
    : ControllerLoop(state, log)
{
    public const string Key = "apps/deployments", ReplicaSetKey = "apps/replicasets";
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    public const string RevisionHistoryAnnotation = "deployment.kubernetes.io/revision-history";
    public const string DesiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas";
    public const string MaxReplicasAnnotation = "deployment.kubernetes.io/max-replicas";
    private static readonly EventSource Source = new("deployment-controller");
    private static readonly HashSet<string> NotCopied = new()
    {
        "kubectl.kubernetes.io/last-applied-configuration", RevisionAnnotation, RevisionHistoryAnnotation,
        DesiredReplicasAnnotation, MaxReplicasAnnotation, "deprecated.deployment.rollback.to",
    };

    private ClusterAccess Cluster => cluster;
    private EventRecorder Events => events;

    protected override IReadOnlyCollection<string> WatchedKeys => new[] { Key, ReplicaSetKey, "/pods" };

    protected override void Reconcile()
    {
        var setsByNamespace = cluster.List<V1ReplicaSet>(ReplicaSetKey).ToLookup(r => r.Namespace);
        var podsByNamespace = cluster.List<V1Pod>("/pods").ToLookup(p => p.Namespace);
        foreach (var d in cluster.List<V1Deployment>(Key))
        {
            if (d.IsBeingDeleted) continue;
            new Rollout(this, d, ClaimReplicaSets(d, setsByNamespace[d.Namespace]), podsByNamespace[d.Namespace].ToList()).Sync();
        }
    }

    private List<Live<V1ReplicaSet>> ClaimReplicaSets(Live<V1Deployment> d, IEnumerable<Live<V1ReplicaSet>> candidates)
    {
        var claimed = new List<Live<V1ReplicaSet>>();
        foreach (var rs in candidates)
        {
            var controller = OwnerReferences.ControllerOf(rs.Model.Metadata);
            var matches = Selectors.Matches(d.Model.Spec.Selector, rs.Labels);
            if (controller?.Uid == d.Uid)
            {
                if (matches) claimed.Add(rs);
                else cluster.Mutate(rs.Stored, n => OwnerReferences.Release(n, d.Uid));
            }
            else if (controller is null && matches && !rs.IsBeingDeleted && cluster.Mutate(rs.Stored, n => OwnerReferences.Adopt(n, d.Stored)) is { } adopted)
                claimed.Add(cluster.Typed<V1ReplicaSet>(adopted));
        }
        return claimed.OrderBy(r => r.Model.Metadata.CreationTimestamp).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    public static long Revision(V1ObjectMeta? meta) =>
        meta?.Annotations?.TryGetValue(RevisionAnnotation, out var r) == true && long.TryParse(r, out var n) ? n : 0;

    /// <summary>One pass over one Deployment: the strategy's next step, then status.</summary>
    private sealed class Rollout
    {
        private readonly DeploymentController _c;
        private readonly Live<V1Deployment> _d;
        private readonly V1Deployment _dm;
        private readonly List<Live<V1ReplicaSet>> _sets;
        private readonly List<Live<V1Pod>> _pods;
        private readonly JsonObject _template;
        private readonly int _replicas, _surge, _unavailable;
        private Live<V1ReplicaSet>? _new;
        private (string Reason, string Message)? _progress;
        private readonly Dictionary<string, int> _specReplicas = new();

        public Rollout(DeploymentController c, Live<V1Deployment> d, List<Live<V1ReplicaSet>> sets, List<Live<V1Pod>> pods)
        {
            _c = c;
            _d = d;
            _dm = d.Model;
            _sets = sets;
            _pods = pods;
            _template = PodTemplates.TemplateOf(d.Stored);
            _replicas = _dm.Spec.Replicas ?? 1;
            (_surge, _unavailable) = RolloutMath.Fenceposts(_dm);
            _new = sets.FirstOrDefault(rs => PodTemplates.EqualIgnoringHash(PodTemplates.TemplateOf(rs.Stored), _template));
            foreach (var rs in sets) _specReplicas[rs.Uid] = rs.Model.Spec.Replicas ?? 0;
        }

        private IEnumerable<Live<V1ReplicaSet>> Old => _sets.Where(rs => rs != _new);
        private int Spec(Live<V1ReplicaSet>? rs) => rs is null ? 0 : _specReplicas[rs.Uid];
        private int AllSpec => _sets.Sum(Spec);
        private bool IsRolling => _dm.Spec.Strategy?.Type != "Recreate";

        public void Sync()
        {
            if (_dm.Spec.Paused == true)
            {
                SyncRevision(create: false);
                if (IsScalingEvent()) Scale();
                WriteStatus();
                return;
            }
            if (IsScalingEvent())
            {
                SyncRevision(create: false);
                Scale();
                WriteStatus();
                return;
            }
            var acted = IsRolling ? RollingUpdate() : Recreate();
            if (!acted && IsComplete()) CleanUpHistory();
            WriteStatus();
        }

        // ---- strategies ---------------------------------------------------------------------

        private bool RollingUpdate()
        {
            SyncRevision(create: true);
            if (_new is null) return true; // a hash collision: retried on the next pass
            var newSpec = Spec(_new);
            if (newSpec > _replicas) return ScaleSet(_new, _replicas);
            if (newSpec < _replicas && ScaleSet(_new, RolloutMath.NewReplicaSetReplicas(_replicas, _surge, AllSpec, newSpec))) return true;
            return ScaleDownOld();
        }

        private bool ScaleDownOld()
        {
            if (Old.Sum(Spec) == 0) return false;
            var maxScaledDown = RolloutMath.MaxScaleDown(_replicas, _unavailable, AllSpec, Spec(_new), _new?.Model.Status?.AvailableReplicas ?? 0);
            if (maxScaledDown <= 0) return false;
            var acted = false;
            // First the old sets' pods that are not available anyway.
            var cleaned = 0;
            foreach (var rs in Old)
            {
                if (cleaned >= maxScaledDown) break;
                var spec = Spec(rs);
                var available = rs.Model.Status?.AvailableReplicas ?? 0;
                if (spec == 0 || spec <= available) continue;
                var count = Math.Min(maxScaledDown - cleaned, spec - available);
                acted |= ScaleSet(rs, spec - count);
                cleaned += count;
            }
            // Then available old pods, as far as minimum availability allows.
            var minAvailable = _replicas - _unavailable;
            var availableNow = _sets.Sum(rs => rs.Model.Status?.AvailableReplicas ?? 0);
            if (availableNow > minAvailable)
            {
                var budget = availableNow - minAvailable;
                foreach (var rs in Old)
                {
                    if (budget <= 0) break;
                    var spec = Spec(rs);
                    if (spec == 0) continue;
                    var count = Math.Min(spec, budget);
                    acted |= ScaleSet(rs, spec - count);
                    budget -= count;
                }
            }
            return acted;
        }

        private bool Recreate()
        {
            SyncRevision(create: false);
            var acted = false;
            foreach (var rs in Old.Where(rs => Spec(rs) > 0).ToList()) acted |= ScaleSet(rs, 0);
            if (acted) return true;
            var oldUids = Old.Select(rs => rs.Uid).ToHashSet();
            if (_pods.Any(p => OwnerReferences.ControllerOf(p.Model.Metadata) is { } r && oldUids.Contains(r.Uid) && !PodState.IsTerminal(p.Model)))
                return true; // old pods still running (or terminating)
            if (_new is null)
            {
                SyncRevision(create: true);
                return true;
            }
            return ScaleSet(_new, _replicas);
        }

        // ---- scaling --------------------------------------------------------------------------

        private bool IsScalingEvent() =>
            _sets.Where(rs => Spec(rs) > 0).Any(rs =>
                rs.Model.Metadata.Annotations?.TryGetValue(DesiredReplicasAnnotation, out var v) == true && int.TryParse(v, out var n) && n != _replicas);

        /// <summary>A change of replicas: the one active set follows, or all active sets proportionally.</summary>
        private void Scale()
        {
            var active = _sets.Where(rs => Spec(rs) > 0).ToList();
            if (active.Count <= 1)
            {
                var target = active.FirstOrDefault() ?? _new ?? _sets.LastOrDefault();
                if (target is not null) ScaleSet(target, _replicas);
                return;
            }
            if (_new is not null && Spec(_new) == _replicas && (_new.Model.Status?.AvailableReplicas ?? 0) == _replicas)
            {
                foreach (var rs in Old) ScaleSet(rs, 0);
                return;
            }
            var allowed = _replicas > 0 ? _replicas + _surge : 0;
            var toAdd = allowed - active.Sum(Spec);
            var ordered = toAdd > 0
                ? active.OrderByDescending(Spec).ThenByDescending(r => r.Model.Metadata.CreationTimestamp).ToList()
                : active.OrderByDescending(Spec).ThenBy(r => r.Model.Metadata.CreationTimestamp).ToList();
            var sizes = new Dictionary<string, int>();
            var added = 0;
            foreach (var rs in ordered)
            {
                var proportion = Proportion(rs, toAdd, added);
                sizes[rs.Uid] = Spec(rs) + proportion;
                added += proportion;
            }
            if (ordered.Count > 0) sizes[ordered[0].Uid] += toAdd - added;
            foreach (var rs in ordered) ScaleSet(rs, Math.Max(0, sizes[rs.Uid]));
        }

        private int Proportion(Live<V1ReplicaSet> rs, int toAdd, int added)
        {
            if (Spec(rs) == 0 || toAdd == 0 || toAdd == added) return 0;
            int fraction;
            if (_replicas == 0) fraction = -Spec(rs);
            else
            {
                var annotated = rs.Model.Metadata.Annotations?.TryGetValue(MaxReplicasAnnotation, out var v) == true && int.TryParse(v, out var m) ? m
                    : _dm.Status?.Replicas ?? 0;
                fraction = annotated == 0 ? 0 : (int)Math.Round((double)Spec(rs) * (_replicas + _surge) / annotated) - Spec(rs);
            }
            var allowed = toAdd - added;
            return toAdd > 0 ? Math.Min(fraction, allowed) : Math.Max(fraction, allowed);
        }

        /// <summary>Sets a ReplicaSet's replicas and replica annotations; records ScalingReplicaSet. True when the size changed.</summary>
        private bool ScaleSet(Live<V1ReplicaSet> rs, int size)
        {
            var from = Spec(rs);
            var desired = _replicas.ToString();
            var max = (_replicas + _surge).ToString();
            if (from == size && rs.Model.Metadata.Annotation(DesiredReplicasAnnotation) == desired && rs.Model.Metadata.Annotation(MaxReplicasAnnotation) == max)
                return false;
            var stored = _c.Cluster.Mutate(rs.Stored, n =>
            {
                n.Ensure("spec")["replicas"] = size;
                var a = n.Ensure("metadata").Ensure("annotations");
                a[DesiredReplicasAnnotation] = desired;
                a[MaxReplicasAnnotation] = max;
            });
            if (stored is null) return false;
            _specReplicas[rs.Uid] = size;
            if (from == size) return false;
            var direction = size > from ? "up" : "down";
            _c.Events.Normal(Source, _d.Stored, "ScalingReplicaSet", $"Scaled {direction} replica set {rs.Name} from {from} to {size}");
            return true;
        }

        // ---- the new ReplicaSet and revisions -----------------------------------------------------

        /// <summary>Numbers the new set (max old revision + 1), copies annotations, creates it when asked; the Deployment gets the revision.</summary>
        private void SyncRevision(bool create)
        {
            var maxOld = Old.Select(rs => Revision(rs.Model.Metadata)).DefaultIfEmpty(0).Max();
            var next = maxOld + 1;
            if (_new is not null)
            {
                var current = Revision(_new.Model.Metadata);
                var needsCopy = CopiedAnnotations().Any(a => _new.Model.Metadata.Annotation(a.Key) != a.Value);
                if (current < next || needsCopy || (_new.Model.Spec.MinReadySeconds ?? 0) != (_dm.Spec.MinReadySeconds ?? 0))
                {
                    var revision = Math.Max(current, next);
                    if (_c.Cluster.Mutate(_new.Stored, n =>
                        {
                            var a = n.Ensure("metadata").Ensure("annotations");
                            foreach (var (k, v) in CopiedAnnotations()) a[k] = v;
                            if (current > 0 && current < revision)
                            {
                                var history = a.Str(RevisionHistoryAnnotation);
                                a[RevisionHistoryAnnotation] = string.IsNullOrEmpty(history) ? current.ToString() : $"{history},{current}";
                            }
                            a[RevisionAnnotation] = revision.ToString();
                            n.Ensure("spec")["minReadySeconds"] = _dm.Spec.MinReadySeconds ?? 0;
                        }) is { } updated)
                        _new = _c.Cluster.Typed<V1ReplicaSet>(updated);
                }
                if (_dm.Status?.Conditions?.Any(c => c.Type == "Progressing") != true)
                    _progress = ("FoundNewReplicaSet", $"Found new replica set \"{_new.Name}\"");
            }
            else if (create) CreateNewReplicaSet(next);
            if (_new is not null) SetDeploymentRevision(Revision(_new.Model.Metadata));
        }

        private IEnumerable<KeyValuePair<string, string>> CopiedAnnotations() =>
            (_dm.Metadata.Annotations ?? new Dictionary<string, string>()).Where(a => !NotCopied.Contains(a.Key));

        private void CreateNewReplicaSet(long revision)
        {
            var collisions = _dm.Status?.CollisionCount;
            var hash = PodTemplates.Hash(_template, collisions);
            var template = _template.DeepClone().AsObject();
            template.Ensure("metadata").Ensure("labels")[PodTemplates.HashLabel] = hash;
            var selector = _d.Stored.ToNode().Obj("spec")?.Obj("selector")?.DeepClone().AsObject() ?? new JsonObject();
            selector.Ensure("matchLabels")[PodTemplates.HashLabel] = hash;
            var replicas = IsRolling ? RolloutMath.NewReplicaSetReplicas(_replicas, _surge, AllSpec, 0) : _replicas;
            var annotations = new JsonObject();
            foreach (var (k, v) in CopiedAnnotations()) annotations[k] = v;
            annotations[DesiredReplicasAnnotation] = _replicas.ToString();
            annotations[MaxReplicasAnnotation] = (_replicas + _surge).ToString();
            annotations[RevisionAnnotation] = revision.ToString();
            var name = $"{_d.Name}-{hash}";
            var rs = new JsonObject
            {
                ["apiVersion"] = "apps/v1",
                ["kind"] = "ReplicaSet",
                ["metadata"] = new JsonObject
                {
                    ["name"] = name,
                    ["namespace"] = _d.Namespace,
                    ["labels"] = template.Obj("metadata")!.Obj("labels")!.DeepClone(),
                    ["annotations"] = annotations,
                    ["ownerReferences"] = new JsonArray(OwnerReferences.ControllerRef(_d.Stored)),
                },
                ["spec"] = new JsonObject
                {
                    ["replicas"] = replicas,
                    ["minReadySeconds"] = _dm.Spec.MinReadySeconds ?? 0,
                    ["selector"] = selector,
                    ["template"] = template,
                },
            };
            try
            {
                var created = _c.Cluster.CreateOrThrow(ReplicaSetKey, rs);
                _new = _c.Cluster.Typed<V1ReplicaSet>(created);
                _sets.Add(_new);
                _specReplicas[_new.Uid] = replicas;
                if (replicas > 0)
                    _c.Events.Normal(Source, _d.Stored, "ScalingReplicaSet", $"Scaled up replica set {name} from 0 to {replicas}");
                _progress = ("NewReplicaSetCreated", $"Created new replica set \"{name}\"");
            }
            catch (ApiException e) when (e.Code == 409)
            {
                // A set of that name exists but is not ours or has another template: count the collision, retry with another hash.
                _c.Cluster.Mutate(_d.Stored, n => n.Ensure("status")["collisionCount"] = (collisions ?? 0) + 1);
            }
        }

        private void SetDeploymentRevision(long revision)
        {
            if (revision <= 0 || _dm.Metadata.Annotation(RevisionAnnotation) == revision.ToString()) return;
            _c.Cluster.Mutate(_d.Stored, n => n.Ensure("metadata").Ensure("annotations")[RevisionAnnotation] = revision.ToString());
        }

        private void CleanUpHistory()
        {
            var limit = _dm.Spec.RevisionHistoryLimit ?? 10;
            var candidates = Old.Where(rs => Spec(rs) == 0 && (rs.Model.Status?.Replicas ?? 0) == 0 && !rs.IsBeingDeleted)
                .OrderBy(rs => Revision(rs.Model.Metadata)).ToList();
            foreach (var rs in candidates.Take(Math.Max(0, candidates.Count - limit)))
                _c.Cluster.Delete(rs.Stored);
        }

        // ---- status ---------------------------------------------------------------------------

        private bool IsComplete()
        {
            var s = Calculate();
            return (s.UpdatedReplicas ?? 0) == _replicas && (s.Replicas ?? 0) == _replicas && (s.AvailableReplicas ?? 0) == _replicas
                   && (s.ObservedGeneration ?? 0) >= (_dm.Metadata.Generation ?? 0);
        }

        private V1DeploymentStatus Calculate()
        {
            int Status(Func<V1ReplicaSetStatus, int?> f) => _sets.Sum(rs => rs.Model.Status is { } st ? f(st) ?? 0 : 0);
            var available = Status(s => s.AvailableReplicas);
            return new V1DeploymentStatus
            {
                ObservedGeneration = _dm.Metadata.Generation,
                Replicas = NullIfZero(Status(s => s.Replicas)),
                UpdatedReplicas = NullIfZero(_new?.Model.Status?.Replicas ?? 0),
                ReadyReplicas = NullIfZero(Status(s => s.ReadyReplicas)),
                AvailableReplicas = NullIfZero(available),
                UnavailableReplicas = NullIfZero(Math.Max(0, AllSpec - available)),
                CollisionCount = _dm.Status?.CollisionCount,
            };
        }

        private void WriteStatus()
        {
            var now = Clock.Now();
            var status = Calculate();
            var old = _dm.Status;
            var conditions = new List<V1DeploymentCondition>();
            var minAvailable = _replicas - _unavailable;
            conditions.Add((status.AvailableReplicas ?? 0) >= minAvailable
                ? Condition(old, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", now)
                : Condition(old, "Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", now));
            var progressing = ProgressingCondition(old, status, now);
            if (progressing is not null) conditions.Add(progressing);
            status.Conditions = conditions;
            _c.Cluster.SetStatus(_d.Stored, status);
        }

        private V1DeploymentCondition? ProgressingCondition(V1DeploymentStatus? old, V1DeploymentStatus status, DateTime now)
        {
            var current = old?.Conditions?.FirstOrDefault(c => c.Type == "Progressing");
            var rsName = _new?.Name ?? "";
            if (_dm.Spec.Paused == true)
                return Condition(old, "Progressing", "Unknown", "DeploymentPaused", "Deployment is paused", now);
            if (current?.Reason == "DeploymentPaused")
                return Condition(old, "Progressing", "Unknown", "DeploymentResumed", "Deployment is resumed", now);
            var complete = (status.UpdatedReplicas ?? 0) == _replicas && (status.Replicas ?? 0) == _replicas && (status.AvailableReplicas ?? 0) == _replicas;
            if (complete && _new is not null)
                return Condition(old, "Progressing", "True", "NewReplicaSetAvailable", $"ReplicaSet \"{rsName}\" has successfully progressed.", now);
            if (_progress is { } p)
                return Condition(old, "Progressing", "True", p.Reason, p.Message, now);
            var progressed = old is null
                             || (status.UpdatedReplicas ?? 0) > (old.UpdatedReplicas ?? 0)
                             || (status.Replicas ?? 0) < (old.Replicas ?? 0) && (status.UpdatedReplicas ?? 0) >= (old.UpdatedReplicas ?? 0)
                             || (status.ReadyReplicas ?? 0) > (old.ReadyReplicas ?? 0)
                             || (status.AvailableReplicas ?? 0) > (old.AvailableReplicas ?? 0);
            if (progressed && _new is not null)
                return Condition(old, "Progressing", "True", "ReplicaSetUpdated", $"ReplicaSet \"{rsName}\" is progressing.", now);
            if (current is null) return null;
            var deadline = _dm.Spec.ProgressDeadlineSeconds ?? 600;
            if (current.Status == "True" && current.Reason != "NewReplicaSetAvailable" && current.LastUpdateTime is { } last)
            {
                if (last.AddSeconds(deadline) <= now)
                    return Condition(old, "Progressing", "False", "ProgressDeadlineExceeded", $"ReplicaSet \"{rsName}\" has timed out progressing.", now);
                _c.WakeAt(last.AddSeconds(deadline));
            }
            return current;
        }

        /// <summary>A condition keeping its lastTransitionTime while its status stays, and its lastUpdateTime while nothing changes.</summary>
        private static V1DeploymentCondition Condition(V1DeploymentStatus? old, string type, string status, string reason, string message, DateTime now)
        {
            var prev = old?.Conditions?.FirstOrDefault(c => c.Type == type);
            var same = prev is not null && prev.Status == status && prev.Reason == reason && prev.Message == message;
            return new V1DeploymentCondition
            {
                Type = type, Status = status, Reason = reason, Message = message,
                LastUpdateTime = same ? prev!.LastUpdateTime : now,
                LastTransitionTime = prev is not null && prev.Status == status ? prev.LastTransitionTime : now,
            };
        }

        private static int? NullIfZero(int n) => n == 0 ? null : n;
    }
}
