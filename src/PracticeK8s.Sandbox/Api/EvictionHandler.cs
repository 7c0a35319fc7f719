using System.Text.Json.Nodes;
using k8s.Models;
using PracticeK8s.Sandbox.Controllers;
using PracticeK8s.Sandbox.Controllers.Policy;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api;

/// <summary>
/// <c>POST pods/{name}/eviction</c> (policy/v1 Eviction): a pod that is finished, pending or already
/// being deleted goes at once; otherwise the one PodDisruptionBudget selecting it must allow a
/// disruption — computed from the pods now, with the disruption controller's arithmetic
/// (<see cref="DisruptionBudgetStatus"/>) — or the answer is 429 TooManyRequests with the
/// DisruptionBudget cause. An allowed eviction is recorded in the budget's status (disruptionsAllowed − 1,
/// disruptedPods) before the pod is deleted gracefully. Evictions are serialized so two parallel ones
/// cannot spend the same allowance.
/// </summary>
public sealed class EvictionHandler(SandboxState state)
{
    public const string PdbKey = "policy/poddisruptionbudgets";
    private readonly DeleteHandler _delete = new(state);
    private readonly ClusterAccess _cluster = new(state);
    private readonly SemaphoreSlim _serial = new(1, 1);

    public async Task Evict(ApiRequest r)
    {
        var body = await RequestBody.ReadObjectAsync(r.Http.Request, r.Aborted);
        if (body.Obj("metadata").Str("name") is { Length: > 0 } name && name != r.Name)
            throw ApiException.BadRequest("name in URL does not match name in Eviction object");
        var deleteOptions = Options(body.Obj("deleteOptions"), r.QueryString("dryRun") == "All");
        await _serial.WaitAsync(r.Aborted);
        try { Evict(r.Def, r.Namespace, r.Name, deleteOptions); }
        finally { _serial.Release(); }
        await Respond.Json(r.Http, 201, new JsonObject
        {
            ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Success", ["code"] = 201,
        });
    }

    private static DeleteOptions Options(JsonObject? o, bool dryRunQuery) => new(
        o.Long("gracePeriodSeconds"), o.Str("propagationPolicy"), o.Obj("preconditions").Str("uid"), o.Obj("preconditions").Str("resourceVersion"),
        dryRunQuery || (o?["dryRun"] as JsonArray)?.Any(d => d?.GetValue<string>() == "All") == true);

    private void Evict(ResourceDefinition pods, string ns, string name, DeleteOptions options)
    {
        var pod = _cluster.Get<V1Pod>(pods.StorageKey, ns, name) ?? throw ApiException.NotFound("pods", name);
        if (PodState.IsTerminal(pod.Model) || pod.Model.Status?.Phase is "Pending" or null || pod.IsBeingDeleted)
        {
            _delete.DeleteObject(pods, ns, name, options);
            return;
        }
        var budgets = _cluster.List<V1PodDisruptionBudget>(PdbKey, ns)
            .Where(b => b.Model.Spec?.Selector is { } selector && Controllers.Selectors.Matches(selector, pod.Labels))
            .ToList();
        if (budgets.Count > 1)
            throw ApiException.Internal("This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.");
        if (budgets.Count == 1) Spend(budgets[0], pod, options.DryRun);
        _delete.DeleteObject(pods, ns, name, options);
    }

    /// <summary>Takes one disruption from the budget or refuses with 429.</summary>
    private void Spend(Live<V1PodDisruptionBudget> budget, Live<V1Pod> pod, bool dryRun)
    {
        var now = DateTime.UtcNow;
        var selected = _cluster.List<V1Pod>("/pods", budget.Namespace)
            .Where(p => Controllers.Selectors.Matches(budget.Model.Spec.Selector, p.Labels)).ToList();
        var disrupted = (budget.Model.Status?.DisruptedPods ?? new Dictionary<string, DateTime?>())
            .Where(d => d.Value is { } at && at.ToUniversalTime() + DisruptionController.DisruptedPodTimeout > now
                        && selected.Any(p => p.Name == d.Key && !p.IsBeingDeleted))
            .Select(d => d.Key).ToHashSet();
        var counts = DisruptionBudgetStatus.Compute(budget.Model, selected.Select(p => p.Model).ToList(),
            p => DisruptionBudgetStatus.ControllerScale(_cluster, p), disrupted);
        var unhealthyMayGo = !PodState.IsReady(pod.Model)
            && (budget.Model.Spec.UnhealthyPodEvictionPolicy == "AlwaysAllow"
                || counts.CurrentHealthy >= counts.DesiredHealthy && counts.DesiredHealthy > 0);
        if (unhealthyMayGo) return;
        if (counts.DisruptionsAllowed <= 0)
        {
            Record(budget, counts, null, now, dryRun);
            throw new ApiException(429, "TooManyRequests", "Cannot evict pod as it would violate the pod's disruption budget.")
            {
                Causes = new[]
                {
                    new StatusCause("DisruptionBudget",
                        $"The disruption budget {budget.Name} needs {counts.DesiredHealthy} healthy pods and has {counts.CurrentHealthy} currently", null),
                },
            };
        }
        Record(budget, counts with { DisruptionsAllowed = counts.DisruptionsAllowed - 1 }, pod.Name, now, dryRun);
    }

    /// <summary>Writes the counts (and the pod about to be disrupted) into the budget's status, as upstream's eviction does.</summary>
    private void Record(Live<V1PodDisruptionBudget> budget, DisruptionBudgetStatus.Counts counts, string? disruptedPod, DateTime now, bool dryRun)
    {
        state.Store.Write(PdbKey, budget.Namespace, budget.Name, current =>
        {
            if (current is null || current.Uid != budget.Uid) return Mutation.Unchanged;
            var live = current.ToNode();
            var generation = live.Obj("metadata").Long("generation") ?? 1;
            var status = live.Ensure("status");
            status["observedGeneration"] = generation;
            status["disruptionsAllowed"] = counts.DisruptionsAllowed;
            status["currentHealthy"] = counts.CurrentHealthy;
            status["desiredHealthy"] = counts.DesiredHealthy;
            status["expectedPods"] = counts.Expected;
            if (disruptedPod is not null) status.Ensure("disruptedPods")[disruptedPod] = ObjectPipeline.Timestamp(now);
            var allowed = counts.DisruptionsAllowed > 0 ? "True" : "False";
            var conditions = status["conditions"] as JsonArray ?? new JsonArray();
            var condition = conditions.Objects().FirstOrDefault(c => c.Str("type") == "DisruptionAllowed");
            if (condition is null) conditions.Add(condition = new JsonObject { ["type"] = "DisruptionAllowed" });
            if (condition.Str("status") != allowed) condition["lastTransitionTime"] = ObjectPipeline.Timestamp(now);
            condition["status"] = allowed;
            condition["reason"] = allowed == "True" ? "SufficientPods" : "InsufficientPods";
            condition["message"] = "";
            condition["observedGeneration"] = generation;
            status["conditions"] = conditions;
            return ObjectPipeline.Commit(current, live);
        }, dryRun);
    }
}
