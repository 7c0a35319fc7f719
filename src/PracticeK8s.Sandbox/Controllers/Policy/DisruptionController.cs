using k8s.Models;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;

namespace PracticeK8s.Sandbox.Controllers.Policy;

/// <summary>
/// Keeps each PodDisruptionBudget's status current (<see cref="DisruptionBudgetStatus"/>):
/// currentHealthy, desiredHealthy, expectedPods, disruptionsAllowed, the DisruptionAllowed condition,
/// and the disruptedPods that evictions recorded (dropped once the pod is going or after two minutes).
/// </summary>
public sealed class DisruptionController(SandboxState state, ClusterAccess cluster, ILogger<DisruptionController> log) : ControllerLoop(state, log)
{
    public const string Key = "policy/poddisruptionbudgets";
    public static readonly TimeSpan DisruptedPodTimeout = TimeSpan.FromMinutes(2);

    protected override IReadOnlyCollection<string> WatchedKeys => new[] { Key, "/pods", "apps/deployments", "apps/replicasets", "apps/statefulsets" };

    protected override void Reconcile()
    {
        var pdbs = cluster.List<V1PodDisruptionBudget>(Key);
        if (pdbs.Count == 0) return;
        var now = Clock.Now();
        var pods = cluster.List<V1Pod>("/pods").ToLookup(p => p.Namespace);
        foreach (var pdb in pdbs)
        {
            var matching = pods[pdb.Namespace].Where(p => Selectors.Matches(pdb.Model.Spec?.Selector, p.Labels)).ToList();
            var disrupted = new Dictionary<string, DateTime?>();
            foreach (var (name, when) in pdb.Model.Status?.DisruptedPods ?? new Dictionary<string, DateTime?>())
            {
                var pod = matching.FirstOrDefault(p => p.Name == name);
                if (when is not { } at || pod is null || pod.IsBeingDeleted || at + DisruptedPodTimeout < now) continue;
                disrupted[name] = at;
                WakeAt(at + DisruptedPodTimeout);
            }
            var counts = DisruptionBudgetStatus.Compute(pdb.Model, matching.Select(p => p.Model).ToList(), p => DisruptionBudgetStatus.ControllerScale(cluster, p), disrupted.Keys.ToHashSet());
            var allowed = counts.DisruptionsAllowed > 0;
            var old = pdb.Model.Status?.Conditions?.FirstOrDefault(c => c.Type == "DisruptionAllowed");
            var status = allowed ? "True" : "False";
            cluster.SetStatus(pdb.Stored, new V1PodDisruptionBudgetStatus
            {
                CurrentHealthy = counts.CurrentHealthy,
                DesiredHealthy = counts.DesiredHealthy,
                ExpectedPods = counts.Expected,
                DisruptionsAllowed = counts.DisruptionsAllowed,
                DisruptedPods = disrupted.Count > 0 ? disrupted : null,
                ObservedGeneration = pdb.Model.Metadata.Generation,
                Conditions = new List<V1Condition>
                {
                    new()
                    {
                        Type = "DisruptionAllowed", Status = status, Reason = allowed ? "SufficientPods" : "InsufficientPods", Message = "",
                        ObservedGeneration = pdb.Model.Metadata.Generation,
                        LastTransitionTime = old is not null && old.Status == status ? old.LastTransitionTime : now,
                    },
                },
            });
        }
    }
}
