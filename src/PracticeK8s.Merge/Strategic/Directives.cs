using System.Text.Json;
using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>The special keys of strategic merge patches and the errors the API server gives for misuse.</summary>
internal static class Directives
{
    public const string Marker = "$patch";
    public const string Replace = "replace";
    public const string Delete = "delete";
    public const string Merge = "merge";
    public const string RetainKeys = "$retainKeys";
    public const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList";
    public const string SetElementOrderPrefix = "$setElementOrder";

    public static bool IsDirectiveKey(string key) =>
        key == Marker ||
        key == RetainKeys ||
        key.StartsWith(DeleteFromPrimitiveListPrefix + "/", StringComparison.Ordinal) ||
        key.StartsWith(SetElementOrderPrefix + "/", StringComparison.Ordinal);

    /// <summary>The field a parallel-list key names: <c>$setElementOrder/containers</c> → <c>containers</c>.</summary>
    public static string FieldOf(string key, string prefix)
    {
        var slash = key.IndexOf('/');
        if (slash < 0 || key[..slash] != prefix)
        {
            throw prefix == DeleteFromPrimitiveListPrefix ? BadPrimitiveListFormat() : BadSetElementOrderFormat();
        }

        return key[(slash + 1)..];
    }

    /// <summary>The value of <c>$patch</c> in a map, or null when the map has none.</summary>
    public static string? MarkerOf(JsonNode? node)
    {
        if (node is not JsonObject obj || !obj.TryGetPropertyValue(Marker, out var value))
        {
            return null;
        }

        return value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw PatchException.BadRequest($"invalid value for special key: {Marker}");
    }

    public static PatchException BadPrimitiveListFormat() => PatchException.BadRequest("invalid patch format of primitive list");

    public static PatchException BadSetElementOrderFormat() => PatchException.BadRequest("invalid patch format of setElementOrder list");

    public static PatchException BadRetainKeysFormat() => PatchException.BadRequest("invalid patch format of retainKeys");

    public static PatchException RetainKeysMismatch() => BadRetainKeysFormat();

    public static PatchException NoListOfLists() => PatchException.Invalid("lists of lists are not supported");

    public static PatchException NoMergeKey(JsonNode? element, string mergeKey) =>
        PatchException.BadRequest($"map: {JsonNodes.Compact(element)} does not contain declared merge key: {mergeKey}");

    public static PatchException BadPatchType(string? directive, JsonNode? map) =>
        PatchException.BadRequest($"unknown patch type: {directive} in map: {JsonNodes.Compact(map)}");

    public static PatchException BadArgType(string expected, JsonNode? actual) =>
        PatchException.BadRequest($"expected a {expected}, but received a {JsonNodes.ShapeOf(actual).ToString().ToLowerInvariant()}: {JsonNodes.Compact(actual)}");

    /// <summary>Removes every directive key from a merged result, at every depth.</summary>
    public static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).Where(IsDirectiveKey).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (_, child) in obj)
                {
                    Strip(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Strip(child);
                }

                break;
        }
    }
}
