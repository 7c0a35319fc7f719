using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Policy;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api;

/// <summary>
/// <c>POST pods/{name}/eviction</c> (policy/v1 Eviction): a pod that is finished, pending or already
/// being deleted goes at once; otherwise the one PodDisruptionBudget selecting it must allow a
/// disruption (429 TooManyRequests with the DisruptionBudget cause if not), which is then recorded in
/// the budget's status (disruptionsAllowed − 1, disruptedPods) before the pod is deleted gracefully.
/// Evictions are serialized so two parallel ones cannot spend the same allowance.
/// </summary>
public sealed class EvictionHandler(SandboxState state)
{
    public const string PdbKey = "policy/poddisruptionbudgets";
    private readonly DeleteHandler _delete = new(state);
    private readonly SemaphoreSlim _serial = new(1, 1);

    public async Task Evict(ApiRequest r)
    {
        var body = await RequestBody.ReadObjectAsync(r.Http.Request, r.Aborted);
        if (body.Obj("metadata").Str("name") is { Length: > 0 } name && name != r.Name)
            throw ApiException.BadRequest("name in URL does not match name in Eviction object");
        var deleteOptions = Options(body.Obj("deleteOptions"), r.QueryString("dryRun") == "All");
        await _serial.WaitAsync(r.Aborted);
        try { Evict(r.Namespace, r.Name, deleteOptions); }
        finally { _serial.Release(); }
        await Respond.Json(r.Http, 201, new JsonObject
        {
            ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Success", ["code"] = 201,
        });
    }

    private static DeleteOptions Options(JsonObject? o, bool dryRunQuery) => new(
        o.Long("gracePeriodSeconds"), o.Str("propagationPolicy"), o.Obj("preconditions").Str("uid"), o.Obj("preconditions").Str("resourceVersion"),
        dryRunQuery || (o?["dryRun"] as JsonArray)?.Any(d => d?.GetValue<string>() == "All") == true);

    private void Evict(string ns, string name, DeleteOptions options)
    {
        var pods = state.Registry.Find("", "v1", "pods")!;
        var pod = state.Store.Get(pods.StorageKey, ns, name) ?? throw ApiException.NotFound("pods", name);
        var node = pod.ToNode();
        var phase = node.Obj("status").Str("phase");
        if (phase is "Succeeded" or "Failed" or "Pending" or null || pod.IsBeingDeleted)
        {
            _delete.DeleteObject(pods, ns, name, options);
            return;
        }
        var budgets = state.Store.List(PdbKey, ns).Items
            .Select(b => b.ToNode())
            .Where(b => DisruptionBudgetStatus.SelectedPods(state.Store, b).Any(p => p.Name == name))
            .ToList();
        if (budgets.Count > 1)
            throw ApiException.Internal("This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.");
        if (budgets.Count == 1) Spend(budgets[0], pod, options.DryRun);
        _delete.DeleteObject(pods, ns, name, options);
    }

    /// <summary>Takes one disruption from the budget (recomputed from the pods now) or refuses with 429.</summary>
    private void Spend(JsonObject budget, StoredObject pod, bool dryRun)
    {
        var now = DateTime.UtcNow;
        var selected = DisruptionBudgetStatus.SelectedPods(state.Store, budget);
        var counts = DisruptionBudgetStatus.Compute(state.Store, budget, selected, now);
        var pdbName = budget.Obj("metadata").Str("name")!;
        var unhealthyMayGo = !DisruptionBudgetStatus.IsReady(pod)
            && (budget.Obj("spec").Str("unhealthyPodEvictionPolicy") == "AlwaysAllow"
                || counts.CurrentHealthy >= counts.DesiredHealthy && counts.DesiredHealthy > 0);
        if (unhealthyMayGo) return;
        if (counts.DisruptionsAllowed <= 0)
        {
            Record(budget, counts, null, now, dryRun);
            throw new ApiException(429, "TooManyRequests", "Cannot evict pod as it would violate the pod's disruption budget.")
            {
                Causes = new[] { new StatusCause("DisruptionBudget", $"The disruption budget {pdbName} needs {counts.DesiredHealthy} healthy pods and has {counts.CurrentHealthy} currently", null) },
            };
        }
        Record(budget, counts with { DisruptionsAllowed = counts.DisruptionsAllowed - 1 }, pod.Name, now, dryRun);
    }

    private void Record(JsonObject budget, DisruptionBudgetStatus.Counts counts, string? disruptedPod, DateTime now, bool dryRun)
    {
        var meta = budget.Obj("metadata")!;
        state.Store.Write(PdbKey, meta.Str("namespace")!, meta.Str("name")!, current =>
        {
            if (current is null) return Mutation.Unchanged;
            var live = current.ToNode();
            var status = DisruptionBudgetStatus.Status(live, counts, now);
            if (disruptedPod is not null)
            {
                var disrupted = status.Obj("disruptedPods") ?? new JsonObject();
                disrupted[disruptedPod] = ObjectPipeline.Timestamp(now);
                status["disruptedPods"] = disrupted;
            }
            live["status"] = status;
            return ObjectPipeline.Commit(current, live);
        }, dryRun);
    }
}
