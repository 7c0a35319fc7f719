using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Policy;

namespace PracticeK8s.Sandbox.Controllers.Policy;

/// <summary>
/// The disruption controller: keeps every PodDisruptionBudget's status current as its pods come,
/// go and turn ready — with the same arithmetic the eviction handler spends it by
/// (<see cref="DisruptionBudgetStatus"/>): currentHealthy, desiredHealthy, expectedPods,
/// disruptionsAllowed, the DisruptionAllowed condition, and evicted pods forgotten after their timeout.
/// </summary>
public sealed class DisruptionController(SandboxState state, ClusterAccess cluster, ILogger<DisruptionController> log) : ControllerLoop(state, log)
{
    public const string Key = "policy/poddisruptionbudgets";

    protected override IReadOnlyCollection<string> WatchedKeys => new[] { Key, "/pods", "apps/replicasets", "apps/statefulsets" };

    protected override void Reconcile()
    {
        var now = DateTime.UtcNow;
        foreach (var pdb in State.Store.List(Key, null).Items)
        {
            var node = pdb.ToNode();
            var counts = DisruptionBudgetStatus.Compute(State.Store, node, DisruptionBudgetStatus.SelectedPods(State.Store, node), now);
            var status = DisruptionBudgetStatus.Status(node, counts, now);
            cluster.Mutate(pdb, n => n["status"] = status.DeepClone());
            if (status["disruptedPods"] is System.Text.Json.Nodes.JsonObject disrupted)
                foreach (var (_, at) in disrupted)
                    if (DateTime.TryParse(at?.GetValue<string>(), null, System.Globalization.DateTimeStyles.AdjustToUniversal, out var t))
                        WakeAt(t + DisruptionBudgetStatus.DeletionTimeout);
        }
    }
}
