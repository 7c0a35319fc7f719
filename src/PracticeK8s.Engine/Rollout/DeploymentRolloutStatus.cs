using System.Text.Json.Nodes;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.Rollout;

/// <summary>Where a Deployment's rollout stands, in kubectl rollout status's words.</summary>
public sealed record RolloutState(bool Done, string Message, long Desired, long Updated, long Available, long Total);

/// <summary>
/// kubectl rollout status for Deployments: done when the controller has seen the latest spec and
/// every replica is updated and available, with no old replica left; a Progressing condition with
/// reason ProgressDeadlineExceeded is a failure.
/// </summary>
public static class DeploymentRolloutStatus
{
    public static RolloutState Evaluate(JsonObject deployment)
    {
        var name = deployment["metadata"]?["name"]?.GetValue<string>() ?? "";
        long Status(string field) => deployment["status"]?[field]?.GetValue<long>() ?? 0;
        var generation = deployment["metadata"]?["generation"]?.GetValue<long>() ?? 0;
        var observed = Status("observedGeneration");
        var desired = deployment["spec"]?["replicas"]?.GetValue<long>() ?? 1;
        var updated = Status("updatedReplicas");
        var total = Status("replicas");
        var available = Status("availableReplicas");

        if (generation > observed)
            return new RolloutState(false, "Waiting for deployment spec update to be observed...", desired, updated, available, total);
        if (ProgressDeadlineExceeded(deployment))
        {
            throw new KubeException($"deployment \"{name}\" exceeded its progress deadline", "KubeProgressDeadlineExceeded",
                System.Management.Automation.ErrorCategory.OperationTimeout, name);
        }
        if (updated < desired)
        {
            return new RolloutState(false, $"Waiting for deployment \"{name}\" rollout to finish: {updated} out of {desired} new replicas have been updated...",
                desired, updated, available, total);
        }
        if (total > updated)
        {
            return new RolloutState(false, $"Waiting for deployment \"{name}\" rollout to finish: {total - updated} old replicas are pending termination...",
                desired, updated, available, total);
        }
        if (available < updated)
        {
            return new RolloutState(false, $"Waiting for deployment \"{name}\" rollout to finish: {available} of {updated} updated replicas are available...",
                desired, updated, available, total);
        }
        return new RolloutState(true, $"deployment \"{name}\" successfully rolled out", desired, updated, available, total);
    }

    private static bool ProgressDeadlineExceeded(JsonObject deployment) =>
        deployment["status"]?["conditions"] is JsonArray conditions
        && conditions.OfType<JsonObject>().Any(c => c["type"]?.GetValue<string>() == "Progressing"
            && c["reason"]?.GetValue<string>() == "ProgressDeadlineExceeded");
}
