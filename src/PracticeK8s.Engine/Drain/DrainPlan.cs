using k8s.Models;

namespace PracticeK8s.Engine.Drain;

/// <summary>A pod with its filter verdict.</summary>
public sealed record PodVerdict(string Namespace, string Name, string Uid, PodDeleteStatus Status)
{
    public string Key => $"{Namespace}/{Name}";
}

/// <summary>
/// The verdicts for every pod of a node: the pods to evict, and kubectl's texts for the refusals
/// ("cannot delete MSG: ns/p1, ns/p2") and warnings ("MSG: ns/p1; MSG2: ns/p3"), grouped by message
/// in the order the messages first appear.
/// </summary>
public sealed class DrainPlan
{
    public DrainPlan(IReadOnlyList<PodVerdict> verdicts, IReadOnlyList<V1Pod> pods)
    {
        Verdicts = verdicts;
        var byKey = pods.ToDictionary(p => $"{p.Metadata.NamespaceProperty}/{p.Metadata.Name}");
        ToDelete = verdicts.Where(v => v.Status.Delete).Select(v => byKey[v.Key]).ToList();
    }

    public IReadOnlyList<PodVerdict> Verdicts { get; }
    public IReadOnlyList<V1Pod> ToDelete { get; }

    /// <summary>Pods left in place (skipped, or ignored with a warning), with why.</summary>
    public IEnumerable<PodVerdict> Left => Verdicts.Where(v => !v.Status.Delete && v.Status.Reason != PodDeleteReason.Error);

    /// <summary>The refusals, one per reason, in the order the reasons first appear.</summary>
    public IReadOnlyList<DrainRefusal> Refusals() =>
        Group(PodDeleteReason.Error).Select(g => new DrainRefusal(g.Cause, g.Message, g.Pods)).ToList();

    /// <summary>kubectl's texts of <see cref="Refusals"/>.</summary>
    public IReadOnlyList<string> Errors() => Refusals().Select(r => r.ToString()).ToList();

    public string Warnings() =>
        string.Join("; ", Group(PodDeleteReason.Warning).Select(g => $"{g.Message}: {string.Join(", ", g.Pods)}"));

    /// <summary>The refused pods (those that need a switch), by key.</summary>
    public IEnumerable<PodVerdict> Refused => Verdicts.Where(v => v.Status.Reason == PodDeleteReason.Error);

    private IEnumerable<(DrainCause Cause, string Message, List<string> Pods)> Group(PodDeleteReason reason)
    {
        var groups = new List<(DrainCause Cause, string Message, List<string> Pods)>();
        foreach (var verdict in Verdicts.Where(v => v.Status.Reason == reason))
        {
            var index = groups.FindIndex(g => g.Message == verdict.Status.Message);
            if (index < 0)
                groups.Add((verdict.Status.Cause, verdict.Status.Message, [verdict.Key]));
            else
                groups[index].Pods.Add(verdict.Key);
        }
        return groups;
    }
}
