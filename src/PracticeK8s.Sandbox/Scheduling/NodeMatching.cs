using k8s.Models;

namespace PracticeK8s.Sandbox.Scheduling;

/// <summary>
/// Whether a pod may go to a node: nodeSelector, required node affinity (labels and
/// <c>matchFields metadata.name</c>, as DaemonSet pods are pinned), and taints against tolerations.
/// Shared by the scheduler and the DaemonSet controller.
/// </summary>
public static class NodeMatching
{
    public static bool MatchesNodeSelectorAndAffinity(V1PodSpec spec, V1Node node)
    {
        var labels = node.Metadata.Labels ?? new Dictionary<string, string>();
        foreach (var (k, v) in spec.NodeSelector ?? new Dictionary<string, string>())
            if (!labels.TryGetValue(k, out var actual) || actual != v) return false;
        var terms = spec.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms;
        if (terms is null || terms.Count == 0) return true;
        return terms.Any(t => TermMatches(t, node));
    }

    private static bool TermMatches(V1NodeSelectorTerm term, V1Node node)
    {
        var expressions = term.MatchExpressions ?? new List<V1NodeSelectorRequirement>();
        var fields = term.MatchFields ?? new List<V1NodeSelectorRequirement>();
        if (expressions.Count == 0 && fields.Count == 0) return false; // an empty term matches nothing
        var labels = node.Metadata.Labels ?? new Dictionary<string, string>();
        foreach (var e in expressions)
            if (!RequirementMatches(e, labels.TryGetValue(e.Key, out var v) ? v : null)) return false;
        foreach (var f in fields)
            if (!RequirementMatches(f, f.Key == "metadata.name" ? node.Metadata.Name : null)) return false;
        return true;
    }

    private static bool RequirementMatches(V1NodeSelectorRequirement r, string? value)
    {
        var values = r.Values ?? new List<string>();
        return r.OperatorProperty switch
        {
            "In" => value is not null && values.Contains(value),
            "NotIn" => value is null || !values.Contains(value),
            "Exists" => value is not null,
            "DoesNotExist" => value is null,
            "Gt" => long.TryParse(value, out var g) && values.Count == 1 && long.TryParse(values[0], out var gv) && g > gv,
            "Lt" => long.TryParse(value, out var l) && values.Count == 1 && long.TryParse(values[0], out var lv) && l < lv,
            _ => false,
        };
    }

    public static bool Tolerates(V1Toleration t, V1Taint taint)
    {
        if (!string.IsNullOrEmpty(t.Effect) && t.Effect != taint.Effect) return false;
        if (t.OperatorProperty == "Exists") return string.IsNullOrEmpty(t.Key) || t.Key == taint.Key;
        return t.Key == taint.Key && (t.Value ?? "") == (taint.Value ?? "");
    }

    /// <summary>The first of the node's taints with one of <paramref name="effects"/> that no toleration covers, or null.</summary>
    public static V1Taint? FirstUntoleratedTaint(IEnumerable<V1Toleration>? tolerations, V1Node node, params string[] effects)
    {
        var list = tolerations?.ToList() ?? new List<V1Toleration>();
        return node.Spec?.Taints?.FirstOrDefault(taint => effects.Contains(taint.Effect) && !list.Any(t => Tolerates(t, taint)));
    }

    /// <summary>How the scheduler quotes a taint: <c>{key: value}</c>.</summary>
    public static string Describe(V1Taint taint) => $"{{{taint.Key}: {taint.Value}}}";
}
