using k8s.Models;

namespace PracticeK8s.Sandbox.Controllers.Workloads;

/// <summary>A Deployment's status: replica counts and the Available/Progressing conditions <c>kubectl rollout status</c> reads.</summary>
public sealed partial class DeploymentController
{
    private sealed partial class Rollout
    {
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
