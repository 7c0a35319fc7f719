using System.Collections;
using System.Management.Automation;
using System.Text.Json.Nodes;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.Objects;

/// <summary>kubectl label's rules: set or remove labels, refusing to change an existing value without overwrite.</summary>
public static class LabelChange
{
    public static IReadOnlyDictionary<string, string?> FromHashtable(Hashtable labels)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in labels)
        {
            var key = Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            var value = entry.Value is null ? null : Convert.ToString(entry.Value is PSObject ps ? ps.BaseObject : entry.Value, System.Globalization.CultureInfo.InvariantCulture);
            result[key] = value;
        }
        return result;
    }

    /// <summary>The merge patch for the object, or null when nothing changes (unchanged: the labels were already so).</summary>
    public static JsonObject? Patch(JsonObject live, IReadOnlyDictionary<string, string?> changes, bool overwrite, out bool unchanged)
    {
        var current = live["metadata"]?["labels"] as JsonObject;
        var labels = new JsonObject();
        var name = live["metadata"]?["name"]?.GetValue<string>();
        foreach (var (key, value) in changes)
        {
            var existing = current?[key]?.GetValue<string>();
            if (value is null)
            {
                if (existing is not null)
                    labels[key] = null;
                continue;
            }
            if (existing == value)
                continue;
            if (existing is not null && !overwrite)
            {
                throw new KubeException($"'{key}' already has a value ({existing}), and -Overwrite is false", "KubeLabelExists",
                    ErrorCategory.ResourceExists, name);
            }
            labels[key] = value;
        }
        unchanged = labels.Count == 0;
        return unchanged ? null : new JsonObject { ["metadata"] = new JsonObject { ["labels"] = labels } };
    }

    /// <summary>
    /// kubectl's word for an applied change: "unlabeled" when the object lost labels without -Overwrite
    /// (kubectl compares the object's size before and after), else "labeled".
    /// </summary>
    public static string Verb(IReadOnlyDictionary<string, string?> changes, bool overwrite) =>
        !overwrite && changes.Count > 0 && changes.Values.All(v => v is null) ? "unlabeled" : "labeled";

    public static string Describe(IReadOnlyDictionary<string, string?> changes) =>
        string.Join(", ", changes.Select(c => c.Value is null ? $"{c.Key}-" : $"{c.Key}={c.Value}"));
}
