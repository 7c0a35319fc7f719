using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>RFC 7386 JSON Merge Patch (<c>application/merge-patch+json</c>): maps merge, null deletes, lists are replaced.</summary>
public static class MergePatch
{
    /// <summary>Applies <paramref name="patch"/> to a copy of <paramref name="target"/>.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch) =>
        ApplyOwned(JsonNodes.Clone(target), patch);

    /// <summary>The merge patch that turns <paramref name="original"/> into <paramref name="modified"/> (<c>{}</c> if equal).</summary>
    public static JsonNode? Create(JsonNode? original, JsonNode? modified)
    {
        if (original is JsonObject from && modified is JsonObject to)
        {
            return JsonNodes.SortKeys(Diff(from, to));
        }

        return JsonEquality.DeepEquals(original, modified) ? new JsonObject() : JsonNodes.Clone(modified);
    }

    /// <summary>
    /// kubectl's three-way JSON merge patch (client-side apply of kinds without strategic metadata): the
    /// changes from <paramref name="current"/> to <paramref name="modified"/> without deletions, plus the
    /// deletions from <paramref name="original"/> (last applied) to <paramref name="modified"/>.
    /// </summary>
    public static JsonObject CreateThreeWay(JsonNode? original, JsonNode modified, JsonNode current)
    {
        var additionsAndChanges = Filter(AsObject(Create(current, modified)), keepNulls: false);
        var deletions = Filter(AsObject(Create(original ?? new JsonObject(), modified)), keepNulls: true);
        var patch = (JsonObject)ApplyOwned(deletions, additionsAndChanges)!;
        return (JsonObject)JsonNodes.SortKeys(patch)!;
    }

    private static JsonObject AsObject(JsonNode? node) => node as JsonObject ?? new JsonObject();

    private static JsonNode? ApplyOwned(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return JsonNodes.Clone(patch);
        }

        var result = target as JsonObject ?? new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
                continue;
            }

            result.TryGetPropertyValue(key, out var existing);
            if (existing is not null)
            {
                result.Remove(key);
            }

            result[key] = ApplyOwned(existing, value);
        }

        return result;
    }

    private static JsonObject Diff(JsonObject original, JsonObject modified)
    {
        var patch = new JsonObject();
        foreach (var (key, value) in modified)
        {
            if (!original.TryGetPropertyValue(key, out var before))
            {
                patch[key] = JsonNodes.Clone(value);
            }
            else if (before is JsonObject beforeObject && value is JsonObject afterObject)
            {
                var nested = Diff(beforeObject, afterObject);
                if (nested.Count > 0)
                {
                    patch[key] = nested;
                }
            }
            else if (!JsonEquality.DeepEquals(before, value))
            {
                patch[key] = JsonNodes.Clone(value);
            }
        }

        foreach (var (key, _) in original)
        {
            if (!modified.ContainsKey(key))
            {
                patch[key] = null;
            }
        }

        return patch;
    }

    /// <summary>Keeps only the deletions (nulls) of a merge patch, or only everything else.</summary>
    private static JsonObject Filter(JsonObject patch, bool keepNulls)
    {
        var result = new JsonObject();
        foreach (var (key, value) in patch)
        {
            switch (value)
            {
                case null when keepNulls:
                    result[key] = null;
                    break;
                case null:
                    break;
                case JsonObject { Count: 0 }:
                    // An explicitly empty map is a value, not an empty patch.
                    if (!keepNulls)
                    {
                        result[key] = new JsonObject();
                    }

                    break;
                case JsonObject nested:
                    var filtered = Filter(nested, keepNulls);
                    if (filtered.Count > 0)
                    {
                        result[key] = filtered;
                    }

                    break;
                default:
                    if (!keepNulls)
                    {
                        result[key] = JsonNodes.Clone(value);
                    }

                    break;
            }
        }

        return result;
    }
}
