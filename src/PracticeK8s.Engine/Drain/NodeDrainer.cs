using k8s.Models;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Engine.Drain;

/// <summary>A pod a drain left on the node, and why.</summary>
public sealed record SkippedPod(string Pod, string Reason)
{
    public override string ToString() => $"{Pod} ({Reason})";
}

/// <summary>What draining one node did (Suspend-KubeNode -Drain's output object).</summary>
public sealed record DrainResult
{
    public required string Node { get; init; }

    /// <summary>Drained, refused (nothing evicted: pods need a switch) or failed (evictions that did not finish).</summary>
    public DrainOutcome Outcome { get; init; }

    /// <summary>True when every pod to evict is gone (kubectl: "node/NODE drained").</summary>
    public bool Drained => Outcome == DrainOutcome.Drained;

    /// <summary>Pods evicted (or deleted with -DisableEviction) and gone, as namespace/name.</summary>
    public IReadOnlyList<string> Evicted { get; init; } = [];

    /// <summary>Pods left in place on purpose: DaemonSet pods with -IgnoreDaemonSets, mirror pods, long-deleted pods.</summary>
    public IReadOnlyList<SkippedPod> Skipped { get; init; } = [];

    /// <summary>Pods a failed drain should have evicted and did not (refused ones, failed evictions), as namespace/name.</summary>
    public IReadOnlyList<string> Remaining { get; init; } = [];

    /// <summary>The pods refused, by reason (<see cref="DrainOutcome.Refused"/>).</summary>
    public IReadOnlyList<DrainRefusal> Refusals { get; init; } = [];

    /// <summary>Why the node is not drained: kubectl's refusal texts ("cannot delete ...") or eviction errors.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
}

/// <summary>
/// kubectl drain for one node (already cordoned by the caller): list its pods, run the filters, refuse
/// everything when a filter says so (naming the pods), else evict and wait (<see cref="PodEvictor"/>).
/// </summary>
public sealed class NodeDrainer
{
    private readonly IDrainApi _api;
    private readonly DrainSettings _settings;

    public NodeDrainer(KubeConnection connection, DrainSettings settings)
        : this(new KubeDrainApi(connection), settings)
    {
    }

    internal NodeDrainer(IDrainApi api, DrainSettings settings)
    {
        _api = api;
        _settings = settings;
    }

    public DrainReport Report { get; init; } = new();

    /// <summary>The pods the drain would evict and the plan's refusals, without evicting anything.</summary>
    public async Task<DrainPlan> PlanAsync(string node, CancellationToken cancel)
    {
        var pods = await _api.ListPodsAsync(node, _settings.PodSelector, cancel).ConfigureAwait(false);
        var filters = new DrainFilters(_settings, _api.FindDaemonSetAsync);
        var verdicts = new List<PodVerdict>();
        foreach (var pod in pods)
        {
            var status = await filters.EvaluateAsync(pod, cancel).ConfigureAwait(false);
            verdicts.Add(new PodVerdict(pod.Metadata.NamespaceProperty, pod.Metadata.Name, pod.Metadata.Uid, status));
        }
        return new DrainPlan(verdicts, pods);
    }

    public async Task<DrainResult> DrainAsync(string node, CancellationToken cancel)
    {
        var plan = await PlanAsync(node, cancel).ConfigureAwait(false);
        var skipped = plan.Left.Select(v => new SkippedPod(v.Key, v.Status.Message)).ToList();
        var refusals = plan.Refusals();
        if (refusals.Count > 0)
        {
            return new DrainResult
            {
                Node = node,
                Outcome = DrainOutcome.Refused,
                Skipped = skipped,
                Remaining = plan.Verdicts.Where(v => v.Status.Delete || v.Status.Reason == PodDeleteReason.Error).Select(v => v.Key).ToList(),
                Refusals = refusals,
                Errors = refusals.Select(r => r.ToString()).ToList(),
            };
        }
        if (plan.Warnings() is { Length: > 0 } warnings)
            Report.Warning?.Invoke(warnings);

        var evictor = new PodEvictor(_api, _settings, Report);
        var outcomes = await evictor.RunAsync(plan.ToDelete, cancel).ConfigureAwait(false);
        var failed = outcomes.Where(o => !o.Gone).ToList();
        if (failed.Count == 0)
            Report.Info?.Invoke($"node/{node} drained");
        return new DrainResult
        {
            Node = node,
            Outcome = failed.Count == 0 ? DrainOutcome.Drained : DrainOutcome.Failed,
            Evicted = outcomes.Where(o => o.Gone).Select(o => o.Key).ToList(),
            Skipped = skipped,
            Remaining = failed.Select(o => o.Key).ToList(),
            Errors = failed.Where(o => o.Error is not null).Select(o => o.Error!).ToList(),
        };
    }
}
