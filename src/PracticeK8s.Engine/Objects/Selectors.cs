using System.Collections;
using k8s.Models;

namespace PracticeK8s.Engine.Objects;

/// <summary>Label selectors as text, in the syntax the API server and kubectl accept.</summary>
public static class Selectors
{
    public static string? ToText(V1LabelSelector? selector)
    {
        if (selector is null)
            return null;
        var parts = new List<string>();
        if (selector.MatchLabels is not null)
            parts.AddRange(selector.MatchLabels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        if (selector.MatchExpressions is not null)
        {
            foreach (var e in selector.MatchExpressions)
            {
                parts.Add(e.OperatorProperty switch
                {
                    "In" => $"{e.Key} in ({string.Join(",", e.Values ?? [])})",
                    "NotIn" => $"{e.Key} notin ({string.Join(",", e.Values ?? [])})",
                    "Exists" => e.Key,
                    "DoesNotExist" => "!" + e.Key,
                    _ => throw new ArgumentException($"unknown selector operator \"{e.OperatorProperty}\""),
                });
            }
        }
        return parts.Count == 0 ? null : string.Join(",", parts);
    }

    public static string ToText(IDictionary<string, string> labels) =>
        string.Join(",", labels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    /// <summary>
    /// A -Selector or -FieldSelector argument: a selector string as is, a hashtable of labels (all must
    /// match), or a list of either joined with commas (<c>-Selector app=web,tier=front</c> typed unquoted
    /// arrives as an array).
    /// </summary>
    public static string? FromArgument(object? value) => value switch
    {
        null => null,
        System.Management.Automation.PSObject ps => FromArgument(ps.BaseObject),
        string s => s,
        IEnumerable list and not IDictionary => Join(list.Cast<object?>().Select(FromArgument)),
        IDictionary map => string.Join(",", map.Keys.Cast<object>()
            .Select(k => Convert.ToString(k, System.Globalization.CultureInfo.InvariantCulture)!)
            .OrderBy(k => k, StringComparer.Ordinal)
            .Select(k => map[k] is null ? k : $"{k}={map[k]}")),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string? Join(IEnumerable<string?> parts)
    {
        var present = parts.Where(p => !string.IsNullOrEmpty(p)).ToList();
        return present.Count == 0 ? null : string.Join(",", present);
    }
}
