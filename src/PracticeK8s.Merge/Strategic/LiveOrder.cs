using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>
/// The "live order" an API server uses when it orders a list by <c>$setElementOrder</c>. Kubernetes
/// compares positions against its original list after the merge has run, and that merge edits the
/// list's storage in place (Go slices): deleting an element shifts the later ones left, and appending a
/// new element writes into the freed slot. Server-only elements therefore sort as if they sat where the
/// shift left them, which decides where they end up among the patch's elements. This reproduces it.
/// </summary>
internal static class LiveOrder
{
    /// <summary>The original list as the server sees it after merging <paramref name="patch"/> into it.</summary>
    public static List<JsonNode?> AfterMerge(List<JsonNode?> original, List<JsonNode?> patch, string mergeKey)
    {
        var slots = new List<JsonNode?>(original);
        var length = slots.Count;
        var capacity = slots.Count; // the server builds the list with no spare capacity

        foreach (var element in patch.Where(e => Directives.MarkerOf(e) == Directives.Delete))
        {
            var key = ListElements.KeyOf(element, mergeKey);
            for (var index = Find(slots, length, key, mergeKey); index >= 0; index = Find(slots, length, key, mergeKey))
            {
                for (var j = index; j < length - 1; j++)
                {
                    slots[j] = slots[j + 1];
                }

                length--; // the last slot keeps its old value
            }
        }

        if (patch.Any(e => Directives.MarkerOf(e) == Directives.Replace))
        {
            return slots;
        }

        foreach (var element in patch.Where(e => Directives.MarkerOf(e) is null))
        {
            if (Find(slots, length, ListElements.KeyOf(element, mergeKey), mergeKey) >= 0)
            {
                continue; // merged in place: same key, same slot
            }

            if (length >= capacity)
            {
                break; // the list grows into new storage the original no longer shares
            }

            // Only the key matters for ordering; the element itself is consumed by the merge.
            slots[length++] = new JsonObject { [mergeKey] = JsonNodes.Clone(ListElements.KeyOf(element, mergeKey)) };
        }

        return slots;
    }

    private static int Find(List<JsonNode?> slots, int length, JsonNode? key, string mergeKey)
    {
        for (var i = 0; i < length; i++)
        {
            if (ListElements.KeyEquals(ListElements.KeyOf(slots[i], mergeKey), key))
            {
                return i;
            }
        }

        return -1;
    }
}
