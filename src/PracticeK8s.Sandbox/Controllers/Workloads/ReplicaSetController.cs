using k8s.Models;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Events;

namespace PracticeK8s.Sandbox.Controllers.Workloads;

/// <summary>
/// Keeps <c>spec.replicas</c> pods of each ReplicaSet: creates missing ones from the template
/// (<c>generateName: &lt;rs&gt;-</c>, controller reference), deletes surplus ones in
/// <see cref="PodRanking"/> order, adopts and releases pods by the selector, and reports
/// replicas / fullyLabeled / ready / available (minReadySeconds) in status. Events
/// SuccessfulCreate, SuccessfulDelete, FailedCreate from <c>replicaset-controller</c>.
/// </summary>
public sealed class ReplicaSetController(SandboxState state, ClusterAccess cluster, EventRecorder events, ILogger<ReplicaSetController> log)
    : ControllerLoop(state, log)
{
    public const string Key = "apps/replicasets";
    private static readonly EventSource Source = new("replicaset-controller");

    protected override IReadOnlyCollection<string> WatchedKeys => new[] { Key, "/pods" };

    protected override void Reconcile()
    {
        var podsByNamespace = cluster.List<V1Pod>("/pods").ToLookup(p => p.Namespace);
        foreach (var rs in cluster.List<V1ReplicaSet>(Key))
            Sync(rs, podsByNamespace[rs.Namespace]);
    }

    private void Sync(Live<V1ReplicaSet> rs, IEnumerable<Live<V1Pod>> namespacePods)
    {
        var now = DateTime.UtcNow;
        var owned = PodOwnership.Claim(cluster, rs.Stored, rs.Model.Spec.Selector, namespacePods);
        var active = owned.Where(p => PodState.IsActive(p.Model)).ToList();
        var wanted = rs.Model.Spec.Replicas ?? 1;
        string? failure = null;
        if (!rs.IsBeingDeleted)
        {
            var diff = active.Count - wanted;
            if (diff < 0) failure = CreatePods(rs, -diff);
            else if (diff > 0)
                foreach (var pod in PodRanking.DeletionOrder(active).Take(diff))
                    if (cluster.Delete(pod.Stored))
                        events.Normal(Source, rs.Stored, "SuccessfulDelete", $"Deleted pod: {pod.Name}");
        }
        var minReady = rs.Model.Spec.MinReadySeconds ?? 0;
        foreach (var p in active)
            if (PodState.AvailableAt(p.Model, minReady) is { } at && at > now) WakeAt(at);
        var templateLabels = rs.Model.Spec.Template?.Metadata?.Labels ?? new Dictionary<string, string>();
        var ready = active.Count(p => PodState.IsReady(p.Model));
        var available = active.Count(p => PodState.IsAvailable(p.Model, minReady, now));
        var status = new V1ReplicaSetStatus
        {
            Replicas = active.Count,
            FullyLabeledReplicas = NullIfZero(active.Count(p => templateLabels.All(l => p.Labels.TryGetValue(l.Key, out var v) && v == l.Value))),
            ReadyReplicas = NullIfZero(ready),
            AvailableReplicas = NullIfZero(available),
            ObservedGeneration = rs.Model.Metadata.Generation,
            // A failed create shows as ReplicaFailure until the set is complete again.
            Conditions = failure is not null
                ? new List<V1ReplicaSetCondition>
                {
                    new() { Type = "ReplicaFailure", Status = "True", Reason = "FailedCreate", Message = failure, LastTransitionTime = Clock.Now() },
                }
                : active.Count >= wanted ? null : rs.Model.Status?.Conditions,
        };
        cluster.SetStatus(rs.Stored, status);
    }

    private string? CreatePods(Live<V1ReplicaSet> rs, int count)
    {
        var template = PodTemplates.TemplateOf(rs.Stored);
        for (int i = 0; i < Math.Min(count, 500); i++)
        {
            try
            {
                var pod = cluster.CreateOrThrow("/pods", PodTemplates.NewPod(template, rs.Stored, rs.Name + "-"));
                events.Normal(Source, rs.Stored, "SuccessfulCreate", $"Created pod: {pod.Name}");
            }
            catch (ApiException e)
            {
                events.Warning(Source, rs.Stored, "FailedCreate", $"Error creating: {e.Message}");
                return e.Message;
            }
        }
        return null;
    }

    private static int? NullIfZero(int n) => n == 0 ? null : n;
}
