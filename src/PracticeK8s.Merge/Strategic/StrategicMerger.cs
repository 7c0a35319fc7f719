using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>
/// Merges a strategic merge patch into an object, guided by the schema. Two modes, as in Kubernetes:
/// the server mode applies a patch to an object (parallel lists are applied, unmatched nulls dropped,
/// directives consumed); the composer mode merges two patches into one (kubectl's three-way patch), so
/// directives and nulls are carried over. Both inputs are owned: they are modified and reused.
/// </summary>
internal sealed partial class StrategicMerger
{
    private readonly bool server;

    private StrategicMerger(bool server)
    {
        this.server = server;
    }

    /// <summary>Applies a patch to an object (API server PATCH).</summary>
    public static StrategicMerger ServerSide { get; } = new(server: true);

    /// <summary>Merges one patch into another (kubectl's deletions + changes).</summary>
    public static StrategicMerger Composer { get; } = new(server: false);

    public JsonObject MergeMap(JsonObject? original, JsonObject patch, SchemaNode schema)
    {
        switch (Directives.MarkerOf(patch))
        {
            case null:
                break;
            case Directives.Replace:
                patch.Remove(Directives.Marker);
                return patch;
            case Directives.Delete:
                return new JsonObject();
            case var other:
                // Kubernetes refuses "$patch: merge" on a map too.
                throw Directives.BadPatchType(other, patch);
        }

        original ??= new JsonObject();
        ApplyRetainKeys(original, patch);
        MergeOrderedLists(original, patch, schema);

        foreach (var key in patch.Select(p => p.Key).ToList())
        {
            var patchValue = patch[key];
            patch.Remove(key);
            MergeField(original, key, patchValue, schema);
        }

        return original;
    }

    private void MergeField(JsonObject original, string key, JsonNode? patchValue, SchemaNode schema)
    {
        var isDeleteList = false;
        if (key.StartsWith(Directives.DeleteFromPrimitiveListPrefix, StringComparison.Ordinal))
        {
            if (!server)
            {
                original[key] = patchValue;
                return;
            }

            key = Directives.FieldOf(key, Directives.DeleteFromPrimitiveListPrefix);
            isDeleteList = true;
        }

        if (patchValue is null)
        {
            original.Remove(key);
            if (server)
            {
                return;
            }
        }

        if (!original.TryGetPropertyValue(key, out var originalValue) ||
            JsonNodes.ShapeOf(originalValue) != JsonNodes.ShapeOf(patchValue))
        {
            if (!isDeleteList)
            {
                SetNewValue(original, key, patchValue, schema.Field(key).Node);
            }

            return;
        }

        var field = schema.Field(key);
        switch (originalValue)
        {
            case JsonObject when HasStrategy(field.Strategy, Directives.Replace):
                original[key] = patchValue;
                break;
            case JsonObject originalMap:
                original[key] = null; // detach it: the merge may return it
                original[key] = MergeMap(originalMap, (JsonObject)patchValue!, field.Node);
                break;
            case JsonArray originalList:
                var merged = MergeListField(JsonNodes.TakeItems(originalList), JsonNodes.TakeItems((JsonArray)patchValue!), field, isDeleteList);
                original[key] = JsonNodes.ToArray(merged);
                break;
            default:
                original[key] = patchValue;
                break;
        }
    }

    /// <summary>Places a patch value where the original has none (or one of another shape).</summary>
    private void SetNewValue(JsonObject original, string key, JsonNode? patchValue, SchemaNode node)
    {
        if (!server)
        {
            original[key] = patchValue;
            return;
        }

        var (value, keep) = Clean(patchValue, node);
        if (keep)
        {
            original[key] = value;
        }
        else
        {
            original.Remove(key);
        }
    }

    /// <summary>
    /// A new value from the patch, merged into nothing: its directives are consumed and its nulls dropped
    /// (they cannot delete anything). As in Kubernetes, a map carrying <c>$patch</c> is not kept at all
    /// where there was no value before, and neither is a list element carrying one.
    /// </summary>
    private (JsonNode? Value, bool Keep) Clean(JsonNode? value, SchemaNode node)
    {
        switch (value)
        {
            case JsonObject map when Directives.MarkerOf(map) is not null:
                return (null, false);
            case JsonObject map:
                return (MergeMap(null, map, node), true);
            case JsonArray list:
                var items = new List<JsonNode?>();
                foreach (var item in JsonNodes.TakeItems(list))
                {
                    var (cleaned, keep) = Clean(item, node.Element);
                    if (keep)
                    {
                        items.Add(cleaned);
                    }
                }

                return (JsonNodes.ToArray(items), true);
            default:
                return (value, true);
        }
    }

    private List<JsonNode?> MergeListField(List<JsonNode?> original, List<JsonNode?> patch, SchemaField field, bool isDeleteList) =>
        field.List is { MergesOnPatch: true } list
            ? MergeList(original, patch, field.Node.Element, list.MergeKey ?? string.Empty, isDeleteList)
            : patch;

    private List<JsonNode?> MergeList(List<JsonNode?> original, List<JsonNode?> patch, SchemaNode element, string mergeKey, bool isDeleteList)
    {
        if (original.Count == 0 && patch.Count == 0)
        {
            return original;
        }

        var maps = ListElements.AreMaps(original, patch) == true;
        List<JsonNode?> merged;
        if (!maps)
        {
            if (server && isDeleteList)
            {
                return original.Where(o => !patch.Any(p => ListElements.KeyEquals(o, p))).ToList();
            }

            merged = ListElements.Deduplicate(original.Concat(patch));
        }
        else
        {
            if (mergeKey.Length == 0)
            {
                throw PatchException.BadRequest("cannot merge lists without merge key for type map");
            }

            (original, patch) = HandleSpecialElements(original, patch, mergeKey);
            var patchKeys = KeysOf(patch, mergeKey); // merging consumes the patch elements
            merged = MergeElements(original, patch, mergeKey, element);
            patch = patchKeys;
        }

        var (patchItems, serverOnly) = ListElements.Partition(merged, patch, mergeKey, maps);
        return ListElements.NormalizeOrder(patchItems, serverOnly, patch, original, mergeKey, maps);
    }

    /// <summary>Stand-ins for list elements that carry only their merge key, for ordering.</summary>
    private static List<JsonNode?> KeysOf(List<JsonNode?> elements, string mergeKey) =>
        elements.Select(e => (JsonNode?)new JsonObject { [mergeKey] = JsonNodes.Clone(ListElements.RequireKey(e, mergeKey)) }).ToList();

    /// <summary>Applies <c>$patch: delete</c> and <c>$patch: replace</c> elements; returns the list and the remaining patch.</summary>
    private static (List<JsonNode?> Original, List<JsonNode?> Patch) HandleSpecialElements(List<JsonNode?> original, List<JsonNode?> patch, string mergeKey)
    {
        var plain = new List<JsonNode?>();
        var replace = false;
        foreach (var item in patch)
        {
            if (item is not JsonObject element)
            {
                throw Directives.BadArgType("map", item);
            }

            switch (Directives.MarkerOf(element))
            {
                case null:
                    plain.Add(element);
                    break;
                case Directives.Delete:
                    var key = element.TryGetPropertyValue(mergeKey, out var k) ? k : throw Directives.NoMergeKey(element, mergeKey);
                    original = original.Where(o => !ListElements.KeyEquals(ListElements.KeyOf(o, mergeKey), key)).ToList();
                    break;
                case Directives.Replace:
                    replace = true;
                    break;
                case Directives.Merge:
                    throw PatchException.BadRequest("merging lists cannot yet be specified in the patch");
                case var other:
                    throw Directives.BadPatchType(other, element);
            }
        }

        return replace ? (plain, []) : (original, plain);
    }

    /// <summary>Merges each patch element into the original element with the same key, or appends it.</summary>
    private List<JsonNode?> MergeElements(List<JsonNode?> original, List<JsonNode?> patch, string mergeKey, SchemaNode element)
    {
        var merged = new List<JsonNode?>(original);
        foreach (var item in patch)
        {
            var key = ListElements.RequireKey(item, mergeKey);
            var index = merged.FindIndex(o => o is JsonObject && ListElements.KeyEquals(ListElements.KeyOf(o, mergeKey), key));
            if (index >= 0)
            {
                merged[index] = MergeMap((JsonObject)merged[index]!, (JsonObject)item!, element);
            }
            else
            {
                merged.Add(server ? MergeMap(null, (JsonObject)item!, element) : item);
            }
        }

        return merged;
    }

    private static bool HasStrategy(string? strategy, string wanted) =>
        strategy is not null && strategy.Split(',').Contains(wanted, StringComparer.Ordinal);
}
