using System.Text.Json.Nodes;
using k8s.Models;
using PracticeK8s.Engine.Yaml;

namespace PracticeK8s.Engine.Objects;

/// <summary>How the kind catalog reads an object's label selector as text: from a typed model, or at a path of any object.</summary>
public static class SelectorAccessors
{
    /// <summary>A model's <c>V1LabelSelector</c> (matchLabels and matchExpressions).</summary>
    public static Func<object, string?> Of<T>(Func<T, V1LabelSelector?> selector) =>
        model => Unwrap(model) is T typed ? Selectors.ToText(selector(typed)) : null;

    /// <summary>A model's plain label map (a Service's spec.selector); an empty map selects nothing.</summary>
    public static Func<object, string?> OfMap<T>(Func<T, IDictionary<string, string>?> selector) =>
        model => Unwrap(model) is T typed && selector(typed) is { Count: > 0 } map ? Selectors.ToText(map) : null;

    /// <summary>
    /// The selector at a dotted path ("spec.selector") of any object (custom resources, generic objects):
    /// a label selector (matchLabels/matchExpressions) or a plain label map.
    /// </summary>
    public static Func<object, string?> AtPath(string path)
    {
        var steps = path.Split('.', StringSplitOptions.RemoveEmptyEntries);
        return model =>
        {
            JsonNode? node = PSObjectJson.ToJson(model);
            foreach (var step in steps)
                node = node is JsonObject map ? map[step] : null;
            if (node is not JsonObject found)
                return null;
            if (found.ContainsKey("matchLabels") || found.ContainsKey("matchExpressions"))
                return Selectors.ToText(k8s.KubernetesJson.Deserialize<V1LabelSelector>(found.ToJsonString()));
            var labels = found.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString());
            return labels.Count == 0 ? null : Selectors.ToText(labels);
        };
    }

    private static object Unwrap(object model) => model is System.Management.Automation.PSObject ps ? ps.BaseObject : model;
}
