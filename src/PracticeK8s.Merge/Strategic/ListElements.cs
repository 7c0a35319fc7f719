using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>
/// Element identity and ordering of merged lists: elements of a list of maps are identified by their
/// merge key, scalars by value. The order rules are kubectl's "preserve order" ones: patch items in
/// patch (or <c>$setElementOrder</c>) order, server-only items in live order, interleaved by live order.
/// </summary>
internal static class ListElements
{
    /// <summary>Go's <c>==</c> on decoded JSON scalars: same type and value (maps and lists never equal).</summary>
    public static bool KeyEquals(JsonNode? a, JsonNode? b) =>
        a is not (JsonObject or JsonArray) && b is not (JsonObject or JsonArray) && JsonEquality.ApiEquals(a, b);

    public static JsonNode? KeyOf(JsonNode? item, string mergeKey) =>
        item is JsonObject obj && obj.TryGetPropertyValue(mergeKey, out var value) ? value : null;

    public static JsonNode? RequireKey(JsonNode? item, string mergeKey)
    {
        if (item is not JsonObject obj)
        {
            throw Directives.BadArgType("map", item);
        }

        return obj.TryGetPropertyValue(mergeKey, out var value) ? value : throw Directives.NoMergeKey(item, mergeKey);
    }

    public static int IndexOf(IReadOnlyList<JsonNode?> list, JsonNode? item, string mergeKey, bool maps)
    {
        for (var i = 0; i < list.Count; i++)
        {
            var same = maps ? KeyEquals(KeyOf(item, mergeKey), KeyOf(list[i], mergeKey)) : KeyEquals(item, list[i]);
            if (same)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Sorts patch items by the patch order and server-only items by the live order, then interleaves them.</summary>
    public static List<JsonNode?> NormalizeOrder(
        List<JsonNode?> patchItems,
        List<JsonNode?> serverOnly,
        IReadOnlyList<JsonNode?> patchOrder,
        IReadOnlyList<JsonNode?> serverOrder,
        string mergeKey,
        bool maps)
    {
        var sortedPatch = SortBy(patchItems, patchOrder, mergeKey, maps);
        var sortedServer = SortBy(serverOnly, serverOrder, mergeKey, maps);
        return Interleave(sortedServer, sortedPatch, serverOrder, mergeKey, maps);
    }

    /// <summary>Stable sort of <paramref name="items"/> by position in <paramref name="order"/>; elements marked <c>$patch: delete</c> go last.</summary>
    public static List<JsonNode?> SortBy(List<JsonNode?> items, IReadOnlyList<JsonNode?> order, string mergeKey, bool maps)
    {
        var toDelete = new List<JsonNode?>();
        var toSort = items;
        if (maps)
        {
            foreach (var item in items.Concat(order))
            {
                RequireKey(item, mergeKey);
            }

            toSort = items.Where(i => Directives.MarkerOf(i) != Directives.Delete).ToList();
            toDelete = items.Where(i => Directives.MarkerOf(i) == Directives.Delete).ToList();
        }

        var sorted = toSort
            .Select((item, position) => (item, position, rank: IndexOf(order, item, mergeKey, maps)))
            .OrderBy(x => x.rank < 0 ? int.MaxValue : x.rank)
            .ThenBy(x => x.position)
            .Select(x => x.item)
            .ToList();
        sorted.AddRange(toDelete);
        return sorted;
    }

    /// <summary>Splits <paramref name="items"/> into those present in <paramref name="presentIn"/> and the others.</summary>
    public static (List<JsonNode?> Present, List<JsonNode?> Absent) Partition(
        IEnumerable<JsonNode?> items, IReadOnlyList<JsonNode?> presentIn, string mergeKey, bool maps)
    {
        var present = new List<JsonNode?>();
        var absent = new List<JsonNode?>();
        foreach (var item in items)
        {
            var key = maps ? RequireKey(item, mergeKey) : item;
            var found = maps
                ? presentIn.Any(p => p is JsonObject po && po.TryGetPropertyValue(mergeKey, out var pk) && KeyEquals(pk, key))
                : presentIn.Any(p => KeyEquals(p, item));
            (found ? present : absent).Add(item);
        }

        return (present, absent);
    }

    /// <summary>
    /// Inserts the server-only items (<paramref name="left"/>) among the patch items (<paramref name="right"/>):
    /// a server-only item goes first only when both are in the live list and it comes earlier there.
    /// </summary>
    private static List<JsonNode?> Interleave(
        List<JsonNode?> left, List<JsonNode?> right, IReadOnlyList<JsonNode?> serverOrder, string mergeKey, bool maps)
    {
        var result = new List<JsonNode?>(left.Count + right.Count);
        int i = 0, j = 0;
        while (i < left.Count || j < right.Count)
        {
            if (i >= left.Count)
            {
                result.Add(right[j++]);
            }
            else if (j >= right.Count)
            {
                result.Add(left[i++]);
            }
            else
            {
                var li = IndexOf(serverOrder, left[i], mergeKey, maps);
                var ri = IndexOf(serverOrder, right[j], mergeKey, maps);
                result.Add(li >= 0 && ri >= 0 && li < ri ? left[i++] : right[j++]);
            }
        }

        return result;
    }

    /// <summary>Scalars without repeats, first occurrence kept.</summary>
    public static List<JsonNode?> Deduplicate(IEnumerable<JsonNode?> items)
    {
        var result = new List<JsonNode?>();
        foreach (var item in items)
        {
            if (!result.Any(r => KeyEquals(r, item)))
            {
                result.Add(item);
            }
        }

        return result;
    }

    /// <summary>The common shape of the elements: error for lists of lists or mixed shapes; null when all lists are empty.</summary>
    public static bool? AreMaps(params IReadOnlyList<JsonNode?>[] lists)
    {
        System.Text.Json.JsonValueKind? shape = null;
        foreach (var item in lists.SelectMany(l => l))
        {
            var current = JsonNodes.ShapeOf(item);
            if (current == System.Text.Json.JsonValueKind.Array)
            {
                throw Directives.NoListOfLists();
            }

            if (shape is null)
            {
                shape = current;
            }
            else if (shape != current)
            {
                throw PatchException.BadRequest("list element types are not identical: " + string.Join(", ", lists.Select(l => JsonNodes.Compact(JsonNodes.ToArray(l.Select(JsonNodes.Clone))))));
            }
        }

        return shape is null ? null : shape == System.Text.Json.JsonValueKind.Object;
    }
}
