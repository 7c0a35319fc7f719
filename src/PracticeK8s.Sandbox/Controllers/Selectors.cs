using k8s.Models;

namespace PracticeK8s.Sandbox.Controllers;

/// <summary>Matching a <c>metav1.LabelSelector</c> (matchLabels AND matchExpressions) against labels.</summary>
public static class Selectors
{
    /// <summary>A null selector selects nothing; an empty one selects everything.</summary>
    public static bool Matches(V1LabelSelector? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is null) return false;
        foreach (var (k, v) in selector.MatchLabels ?? new Dictionary<string, string>())
            if (!labels.TryGetValue(k, out var actual) || actual != v) return false;
        foreach (var e in selector.MatchExpressions ?? new List<V1LabelSelectorRequirement>())
        {
            var has = labels.TryGetValue(e.Key, out var value);
            var values = e.Values ?? new List<string>();
            var ok = e.OperatorProperty switch
            {
                "In" => has && values.Contains(value!),
                "NotIn" => !has || !values.Contains(value!),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!ok) return false;
        }
        return true;
    }

    /// <summary>A Service's selector map: every pair must match (an empty map selects nothing, as for Services).</summary>
    public static bool MatchesMap(IDictionary<string, string>? selector, IReadOnlyDictionary<string, string> labels) =>
        selector is { Count: > 0 } && selector.All(p => labels.TryGetValue(p.Key, out var v) && v == p.Value);
}
