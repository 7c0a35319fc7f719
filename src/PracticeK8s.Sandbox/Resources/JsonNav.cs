using System.Text.Json.Nodes;

namespace PracticeK8s.Sandbox.Resources;

/// <summary>Small helpers for reading and filling <see cref="JsonObject"/> trees.</summary>
public static class JsonNav
{
    public static JsonObject? Obj(this JsonNode? n, string key) => (n as JsonObject)?[key] as JsonObject;
    public static JsonArray? Arr(this JsonNode? n, string key) => (n as JsonObject)?[key] as JsonArray;

    public static string? Str(this JsonNode? n, string key) =>
        (n as JsonObject)?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static long? Long(this JsonNode? n, string key)
    {
        if ((n as JsonObject)?[key] is not JsonValue v) return null;
        if (v.TryGetValue<long>(out var l)) return l;
        if (v.TryGetValue<int>(out var i)) return i;
        if (v.TryGetValue<double>(out var d) && d == Math.Floor(d)) return (long)d;
        return null;
    }

    public static bool? Bool(this JsonNode? n, string key) =>
        (n as JsonObject)?[key] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static bool Has(this JsonNode? n, string key) => n is JsonObject o && o.ContainsKey(key) && o[key] is not null;

    /// <summary>The child object at <paramref name="key"/>, created when missing.</summary>
    public static JsonObject Ensure(this JsonObject o, string key)
    {
        if (o[key] is JsonObject child) return child;
        var created = new JsonObject();
        o[key] = created;
        return created;
    }

    /// <summary>Sets <paramref name="key"/> only when absent or null.</summary>
    public static void Default(this JsonObject o, string key, JsonNode? value)
    {
        if (o[key] is null) o[key] = value;
    }

    public static IEnumerable<JsonObject> Objects(this JsonArray? a) => a?.OfType<JsonObject>() ?? Enumerable.Empty<JsonObject>();

    public static Dictionary<string, string> StringMap(this JsonNode? n)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        if (n is JsonObject o)
            foreach (var (k, v) in o)
                d[k] = v is JsonValue jv && jv.TryGetValue<string>(out var s) ? s : v?.ToJsonString() ?? "";
        return d;
    }

    public static bool DeepEquals(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);
}
