using System.Text.Json.Nodes;
using k8s.Models;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Events;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Controllers.Workloads;

/// <summary>A Deployment's new ReplicaSet, revision numbers, copied annotations and revision history.</summary>
public sealed partial class DeploymentController
{
    private sealed partial class Rollout
    {
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
    }
}
