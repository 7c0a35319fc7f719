using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>The directives that act on a whole map before its fields merge: <c>$retainKeys</c> and <c>$setElementOrder</c>.</summary>
internal sealed partial class StrategicMerger
{
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
                if (!JsonEquality.ApiEquals(existing, retain))
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
                    if (!JsonEquality.ApiEquals(existing, orderValue))
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

            var maps = mergeKey.Length > 0;
            var liveOrder = maps && foundOriginal && foundPatch && field.List is { MergesOnPatch: true }
                ? LiveOrder.AfterMerge(originalItems, patchItems, mergeKey)
                : originalItems;

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

            var (listed, serverOnly) = ListElements.Partition(merged, order, mergeKey, maps);
            var ordered = ListElements.NormalizeOrder(listed, serverOnly, order, liveOrder, mergeKey, maps);
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
}
