using System.Text.Json;

namespace PracticeK8s.Sandbox.Api.Tables;

/// <summary>
/// The JSONPath subset CRDs use in additionalPrinterColumns: fields (<c>.spec.x</c>), an index
/// (<c>[0]</c>), all items (<c>[*]</c>) and an equality filter (<c>[?(@.type=="Ready")]</c>).
/// Yields every matched value, as the API server's column printer sees them.
/// </summary>
public static class PrinterJsonPath
{
    public static List<JsonElement> Evaluate(JsonElement root, string path)
    {
        var current = new List<JsonElement> { root };
        foreach (var step in Steps(path))
        {
            var next = new List<JsonElement>();
            foreach (var e in current)
            {
                if (step.Field is { } field)
                {
                    if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(field, out var v)) next.Add(v);
                }
                else if (e.ValueKind == JsonValueKind.Array)
                {
                    if (step.Index is { } i) { if (i >= 0 && i < e.GetArrayLength()) next.Add(e[i]); }
                    else next.AddRange(e.EnumerateArray().Where(item => step.Filter is not { } f || Matches(item, f.Field, f.Value)));
                }
            }
            current = next;
        }
        return current;
    }

    private sealed record Step(string? Field, int? Index, (string Field, string Value)? Filter);

    private static bool Matches(JsonElement item, string field, string value) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() == value;

    private static IEnumerable<Step> Steps(string path)
    {
        var p = path.Trim();
        if (p.StartsWith('{') && p.EndsWith('}')) p = p[1..^1];
        int pos = 0;
        while (pos < p.Length)
        {
            if (p[pos] == '.') { pos++; continue; }
            if (p[pos] == '[')
            {
                var end = p.IndexOf(']', pos);
                if (end < 0) yield break;
                var inner = p[(pos + 1)..end];
                pos = end + 1;
                if (inner == "*") yield return new Step(null, null, null);
                else if (int.TryParse(inner, out var index)) yield return new Step(null, index, null);
                else if (ParseFilter(inner) is { } filter) yield return new Step(null, null, filter);
                else yield break;
                continue;
            }
            var stop = p.IndexOfAny(new[] { '.', '[' }, pos);
            if (stop < 0) stop = p.Length;
            yield return new Step(p[pos..stop], null, null);
            pos = stop;
        }
    }

    /// <summary><c>?(@.field=="value")</c> (single or double quotes).</summary>
    private static (string, string)? ParseFilter(string inner)
    {
        if (!inner.StartsWith("?(@.", StringComparison.Ordinal) || !inner.EndsWith(')')) return null;
        var body = inner[4..^1];
        var eq = body.IndexOf("==", StringComparison.Ordinal);
        if (eq < 0) return null;
        var value = body[(eq + 2)..].Trim();
        if (value.Length < 2 || value[0] != value[^1] || value[0] is not ('"' or '\'')) return null;
        return (body[..eq].Trim(), value[1..^1]);
    }
}
