using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>
/// Merges a strategic merge patch into an object, guided by the schema. Two modes, as in Kubernetes:
/// the server mode applies a patch to an object (parallel lists are applied, unmatched nulls dropped,
/// directives consumed); the composer mode merges two patches into one (kubectl's three-way patch), so
/// directives and nulls are carried over. Both inputs are owned: they are modified and reused.
/// </summary>
internal sealed class StrategicMerger
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
            case Directives.Merge:
                // An explicit request for the default behaviour.
                patch.Remove(Directives.Marker);
                break;
            case var other:
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
    /// A new value from the patch, with its directives consumed and its nulls dropped (they cannot delete
    /// anything): it is merged into nothing. A map marked <c>$patch: delete</c> is not kept at all.
    /// </summary>
    private (JsonNode? Value, bool Keep) Clean(JsonNode? value, SchemaNode node)
    {
        switch (value)
        {
            case JsonObject map when Directives.MarkerOf(map) == Directives.Delete:
                return (null, false);
            case JsonObject map:
                return (MergeMap(null, map, node), true);
            case JsonArray list:
                // Elements carrying $patch are list directives (delete this one, replace the list): nothing to keep.
                var items = new List<JsonNode?>();
                foreach (var item in JsonNodes.TakeItems(list))
                {
                    if (Directives.MarkerOf(item) is not null)
                    {
                        continue;
                    }

                    items.Add(Clean(item, node.Element).Value);
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
            merged = MergeElements(original, patch, mergeKey, element);
        }

        var (patchItems, serverOnly) = ListElements.Partition(merged, patch, mergeKey, maps);
        return ListElements.NormalizeOrder(patchItems, serverOnly, patch, original, mergeKey, maps);
    }

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
                    break;
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

    /// <summary>
    /// <c>$retainKeys</c>: clears the original's keys that are not listed. Every key the patch sets must be listed.
    /// The composer keeps the directive for the server.
    /// </summary>
    private void ApplyRetainKeys(JsonObject original, JsonObject patch)
    {
        if (!patch.TryGetPropertyValue(Directives.RetainKeys, out var retain))
        {
            return;
        }

        patch.Remove(Directives.RetainKeys);
        if (!server)
        {
            if (original.TryGetPropertyValue(Directives.RetainKeys, out var existing))
            {
                if (!JsonEquality.DeepEquals(existing, retain))
                {
                    throw PatchException.BadRequest($"{JsonNodes.Compact(existing)} and {JsonNodes.Compact(retain)} are not deep equal: this may happen when calculating the 3-way diff patch");
                }
            }
            else
            {
                original[Directives.RetainKeys] = retain;
            }

            return;
        }

        if (retain is not JsonArray keys)
        {
            throw Directives.BadRetainKeysFormat();
        }

        var retained = keys.Where(k => k is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String)
            .Select(k => k!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (key, value) in patch)
        {
            if (value is null ||
                key.StartsWith(Directives.DeleteFromPrimitiveListPrefix, StringComparison.Ordinal) ||
                key.StartsWith(Directives.SetElementOrderPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (!retained.Contains(key))
            {
                throw Directives.RetainKeysMismatch();
            }
        }

        foreach (var key in original.Select(p => p.Key).Where(k => !retained.Contains(k)).ToList())
        {
            original.Remove(key);
        }
    }

    /// <summary>
    /// <c>$setElementOrder/&lt;field&gt;</c>: merges the field's list now and orders it: listed items in the
    /// directive's order, server-only items in their live order among them.
    /// </summary>
    private void MergeOrderedLists(JsonObject original, JsonObject patch, SchemaNode schema)
    {
        foreach (var directiveKey in patch.Select(p => p.Key).Where(k => k.StartsWith(Directives.SetElementOrderPrefix, StringComparison.Ordinal)).ToList())
        {
            var orderValue = patch[directiveKey];
            patch.Remove(directiveKey);
            if (!server)
            {
                if (original.TryGetPropertyValue(directiveKey, out var existing))
                {
                    if (!JsonEquality.DeepEquals(existing, orderValue))
                    {
                        throw Directives.BadSetElementOrderFormat();
                    }
                }
                else
                {
                    original[directiveKey] = JsonNodes.Clone(orderValue);
                }
            }

            if (orderValue is not JsonArray orderArray)
            {
                throw Directives.BadArgType("list", orderValue);
            }

            var order = orderArray.ToList();
            var key = Directives.FieldOf(directiveKey, Directives.SetElementOrderPrefix);
            var foundOriginal = original.TryGetPropertyValue(key, out var originalValue);
            var foundPatch = patch.TryGetPropertyValue(key, out var patchValue);
            if (foundOriginal && originalValue is not JsonArray)
            {
                throw Directives.BadArgType("list", originalValue);
            }

            if (foundPatch && patchValue is not JsonArray)
            {
                throw Directives.BadArgType("list", patchValue);
            }

            var field = schema.Field(key);
            var mergeKey = field.List?.MergeKey ?? string.Empty;
            var originalItems = foundOriginal ? JsonNodes.TakeItems((JsonArray)originalValue!) : [];
            var patchItems = foundPatch ? JsonNodes.TakeItems((JsonArray)patchValue!) : [];
            ValidateOrder(patchItems, order, mergeKey);

            List<JsonNode?> merged;
            if (foundOriginal && !foundPatch)
            {
                merged = originalItems;
            }
            else if (foundPatch && (foundOriginal || server))
            {
                merged = MergeListField(new List<JsonNode?>(originalItems), patchItems, field, isDeleteList: false);
            }
            else if (foundPatch)
            {
                merged = patchItems;
            }
            else
            {
                continue;
            }

            var maps = mergeKey.Length > 0;
            var (listed, serverOnly) = ListElements.Partition(merged, order, mergeKey, maps);
            var ordered = ListElements.NormalizeOrder(listed, serverOnly, order, originalItems, mergeKey, maps);
            original[key] = JsonNodes.ToArray(ordered);
            patch.Remove(key);
        }
    }

    /// <summary>The patch list's items must appear in the <c>$setElementOrder</c> list, in the same relative order.</summary>
    private static void ValidateOrder(List<JsonNode?> patchList, List<JsonNode?> order, string mergeKey)
    {
        if (patchList.Count == 0 || order.Count == 0)
        {
            return;
        }

        var items = mergeKey.Length > 0 ? patchList.Where(i => Directives.MarkerOf(i) != Directives.Delete).ToList() : patchList;
        int p = 0, s = 0;
        while (p < items.Count && s < order.Count)
        {
            if (Directives.MarkerOf(items[p]) is not null)
            {
                p++;
                continue;
            }

            var same = mergeKey.Length == 0
                ? ListElements.KeyEquals(items[p], order[s])
                : ListElements.KeyEquals(ListElements.RequireKey(items[p], mergeKey), ListElements.RequireKey(order[s], mergeKey));
            if (same)
            {
                p++;
            }

            s++;
        }

        if (p < items.Count && s >= order.Count)
        {
            throw PatchException.BadRequest(
                $"The order in patch list:\n{JsonNodes.Compact(JsonNodes.ToArray(patchList.Select(JsonNodes.Clone)))}\n doesn't match {Directives.SetElementOrderPrefix} list:\n{JsonNodes.Compact(JsonNodes.ToArray(order.Select(JsonNodes.Clone)))}\n");
        }
    }

    private static bool HasStrategy(string? strategy, string wanted) =>
        strategy is not null && strategy.Split(',').Contains(wanted, StringComparer.Ordinal);
}
