using System.Globalization;
using System.Text;
using System.Text.Json;
using k8s;

namespace PracticeK8s.Printing.Describe.Kinds;

/// <summary>
/// describe for kinds without a dedicated describer (custom resources and the rest): name, namespace, labels,
/// annotations, then every other field of the object, sorted, with labels made from the field names.
/// Related objects: <see cref="DescribeInput.Events"/>.
/// </summary>
internal static class GenericDescriber
{
    private static readonly HashSet<string> Skipped =
        [".metadata.managedFields", ".metadata.name", ".metadata.namespace", ".metadata.labels", ".metadata.annotations"];

    private static readonly string[] Acronyms = ["API", "URL", "UID", "OSB", "GUID"];

    public static void Write(DescribeBuilder w, object resource, DescribeInput input, DateTime now)
    {
        var json = resource is JsonElement element ? element : JsonSerializer.SerializeToElement(
            JsonDocument.Parse(KubernetesJson.Serialize(resource)).RootElement);
        var metadata = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("metadata", out var m) ? m : default;
        w.Field(0, "Name", Text(metadata, "name"));
        w.Field(0, "Namespace", Text(metadata, "namespace"));
        Common.Labels(w, "Labels", Map(metadata, "labels"));
        Common.Annotations(w, "Annotations", Map(metadata, "annotations"));
        if (json.ValueKind == JsonValueKind.Object) Content(w, 0, json, "");
        EventsSection.Write(w, input.Events, now);
    }

    private static void Content(DescribeBuilder w, int level, JsonElement content, string path)
    {
        foreach (var field in content.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var fieldPath = $"{path}.{field.Name}";
            if (Skipped.Contains(fieldPath)) continue;
            switch (field.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    using (w.Group(level * 2, SmartLabel(field.Name))) Content(w, level + 1, field.Value, fieldPath);
                    break;
                case JsonValueKind.Array:
                    using (w.Group(level * 2, SmartLabel(field.Name)))
                    {
                        foreach (var item in field.Value.EnumerateArray())
                        {
                            if (item.ValueKind == JsonValueKind.Object) Content(w, level + 1, item, fieldPath);
                            else w.Text((level + 1) * 2, Scalar(item));
                        }
                    }
                    break;
                default:
                    w.Field(level * 2, SmartLabel(field.Name), Scalar(field.Value));
                    break;
            }
        }
    }

    /// <summary>Go's %v of a decoded JSON value.</summary>
    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "<nil>",
        JsonValueKind.Number => value.TryGetInt64(out var integer) ? integer.ToString(CultureInfo.InvariantCulture)
            : value.GetDouble().ToString("G", CultureInfo.InvariantCulture),
        _ => value.GetRawText(),
    };

    /// <summary>"apiVersion" becomes "API Version", "creationTimestamp" "Creation Timestamp"; names with other characters stay.</summary>
    public static string SmartLabel(string field)
    {
        if (field.Any(c => !char.IsLetter(c) && c != '-')) return field;
        var parts = SplitCamelCase(field).Where(p => p != "_")
            .Select(p => Acronyms.Contains(p.ToUpperInvariant()) ? p.ToUpperInvariant() : char.ToUpperInvariant(p[0]) + p[1..]);
        return string.Join(" ", parts);
    }

    // Splits where the character class changes (lower, upper, digit, other); a run of capitals followed by a
    // lower-case letter gives its last capital to the next word ("HTTPServer" → "HTTP", "Server").
    private static List<string> SplitCamelCase(string text)
    {
        var runs = new List<StringBuilder>();
        int lastClass = -1;
        foreach (var c in text)
        {
            int cls = char.IsLower(c) ? 1 : char.IsUpper(c) ? 2 : char.IsDigit(c) ? 3 : 4;
            if (cls == lastClass) runs[^1].Append(c);
            else runs.Add(new StringBuilder().Append(c));
            lastClass = cls;
        }
        for (int i = 0; i < runs.Count - 1; i++)
        {
            if (runs[i].Length > 0 && runs[i + 1].Length > 0 && char.IsUpper(runs[i][0]) && char.IsLower(runs[i + 1][0]))
            {
                runs[i + 1].Insert(0, runs[i][^1]);
                runs[i].Length--;
            }
        }
        return runs.Where(r => r.Length > 0).Select(r => r.ToString()).ToList();
    }

    private static string Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() ?? "" : "";

    private static Dictionary<string, string>? Map(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Object
            ? v.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText())
            : null;
}
