using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>How one object differs from another, as server-side apply counts ownership changes.</summary>
internal sealed record Comparison(FieldSet Added, FieldSet Removed, FieldSet Modified)
{
    public FieldSet Changed => Modified.Union(Added);
}

/// <summary>
/// Walks two objects side by side along the schema, the way Kubernetes' structured merge does: to
/// compare them (fields added, removed, modified) or to merge an applied configuration into a live
/// object (the configuration wins on leaves; granular maps and map/set lists merge item by item; atomic
/// values are replaced whole).
/// </summary>
internal static class ObjectZip
{
    public static Comparison Compare(JsonNode? lhs, JsonNode rhs, SchemaNode root)
    {
        var walker = new Walker(merging: false);
        walker.Zip(new Side(lhs is not null, lhs), new Side(true, rhs), Slot.Root(root), FieldPath.Root);
        return new Comparison(walker.Added.Build(), walker.Removed.Build(), walker.Modified.Build());
    }

    public static JsonNode Merge(JsonNode? live, JsonNode config, SchemaNode root) =>
        new Walker(merging: true).Zip(new Side(live is not null, live), new Side(true, config), Slot.Root(root), FieldPath.Root)!;

    private readonly record struct Side(bool Present, JsonNode? Value);

    private sealed class Walker(bool merging)
    {
        public FieldSet.Builder Added { get; } = new();

        public FieldSet.Builder Removed { get; } = new();

        public FieldSet.Builder Modified { get; } = new();

        public JsonNode? Zip(Side lhs, Side rhs, Slot slot, FieldPath path)
        {
            if (slot.IsGranularList && IsListOrNothing(lhs) && IsListOrNothing(rhs))
            {
                var left = lhs.Value as JsonArray;
                var right = rhs.Value as JsonArray;
                if (left is not { Count: > 0 } && right is not { Count: > 0 })
                {
                    return Leaf(lhs, rhs, path); // empty or null on both sides: keep that distinction
                }

                var list = VisitList(left, right, slot, path);
                AfterItem(lhs, rhs, slot, path);
                return list;
            }

            if (slot.IsGranularMap && IsMapOrNothing(lhs) && IsMapOrNothing(rhs))
            {
                var left = lhs.Value as JsonObject;
                var right = rhs.Value as JsonObject;
                if (left is not { Count: > 0 } && right is not { Count: > 0 })
                {
                    return Leaf(lhs, rhs, path);
                }

                var map = VisitMap(left, right, slot, path);
                AfterItem(lhs, rhs, slot, path);
                return map;
            }

            return Leaf(lhs, rhs, path);
        }

        private static bool IsListOrNothing(Side side) => !side.Present || side.Value is null or JsonArray;

        private static bool IsMapOrNothing(Side side) => !side.Present || side.Value is null or JsonObject;

        private JsonNode? Leaf(Side lhs, Side rhs, FieldPath path)
        {
            if (merging)
            {
                return JsonNodes.Clone(rhs.Present ? rhs.Value : lhs.Value);
            }

            if (!lhs.Present)
            {
                Added.Insert(path);
            }
            else if (!rhs.Present)
            {
                Removed.Insert(path);
            }
            else if (!JsonEquality.ApiEquals(lhs.Value, rhs.Value))
            {
                Modified.Insert(path);
            }

            return null;
        }

        /// <summary>
        /// A map, list, pointer struct or list element that appears or disappears is itself added or
        /// removed; what Kubernetes' empty objects always hold (value structs) is not.
        /// </summary>
        private void AfterItem(Side lhs, Side rhs, Slot slot, FieldPath path)
        {
            if (merging || slot.AlwaysPresent)
            {
                return;
            }

            if (!lhs.Present)
            {
                Added.Insert(path);
            }
            else if (!rhs.Present)
            {
                Removed.Insert(path);
            }
        }

        private JsonObject VisitMap(JsonObject? lhs, JsonObject? rhs, Slot slot, FieldPath path)
        {
            var result = new JsonObject();
            var keys = (lhs?.Select(p => p.Key) ?? []).Concat((rhs?.Select(p => p.Key) ?? []).Where(k => lhs is null || !lhs.ContainsKey(k)));
            foreach (var key in keys.ToList())
            {
                var left = lhs is not null && lhs.TryGetPropertyValue(key, out var l) ? new Side(true, l) : default;
                var right = rhs is not null && rhs.TryGetPropertyValue(key, out var r) ? new Side(true, r) : default;
                var merged = Zip(left, right, slot.Field(key), path.Append(PathElement.Field(key)));
                if (merging)
                {
                    result[key] = merged;
                }
            }

            return result;
        }

        /// <summary>
        /// Items of both lists, matched by key (map lists) or value (sets). The result keeps the applied
        /// order for the applied items and leaves the live-only items where they were.
        /// </summary>
        private JsonArray VisitList(JsonArray? lhs, JsonArray? rhs, Slot slot, FieldPath path)
        {
            var (leftOrder, left) = Index(lhs, slot);
            var (rightOrder, right) = Index(rhs, slot);
            var shared = new Queue<PathElement>(rightOrder.Where(left.ContainsKey));
            PathElement? nextShared = shared.Count > 0 ? shared.Dequeue() : null;
            var done = new HashSet<PathElement>();
            var output = new List<JsonNode?>();

            int l = 0, r = 0;
            while (l < leftOrder.Count || r < rightOrder.Count)
            {
                if (l < leftOrder.Count && r < rightOrder.Count)
                {
                    var element = leftOrder[l];
                    if (element.Equals(rightOrder[r]))
                    {
                        output.Add(Item(element, left, right, slot, path));
                        done.Add(element);
                        l++;
                        r++;
                        nextShared = shared.Count > 0 ? shared.Dequeue() : null;
                        continue;
                    }

                    if (right.ContainsKey(element) && nextShared is { } wanted && !wanted.Equals(element))
                    {
                        l++; // a shared item that comes later in the applied order
                        continue;
                    }
                }

                if (l < leftOrder.Count)
                {
                    var element = leftOrder[l];
                    if (!right.ContainsKey(element))
                    {
                        output.Add(Item(element, left, right, slot, path));
                        l++;
                        continue;
                    }

                    if (done.Contains(element))
                    {
                        l++;
                        continue;
                    }
                }

                if (r < rightOrder.Count)
                {
                    var element = rightOrder[r];
                    output.Add(Item(element, left, right, slot, path));
                    done.Add(element);
                    r++;
                    if (nextShared is { } wanted && wanted.Equals(element))
                    {
                        nextShared = shared.Count > 0 ? shared.Dequeue() : null;
                    }

                    continue;
                }

                l++; // only already merged live items remain
            }

            return merging ? JsonNodes.ToArray(output) : [];
        }

        private JsonNode? Item(PathElement element, Dictionary<PathElement, JsonNode?> left, Dictionary<PathElement, JsonNode?> right, Slot slot, FieldPath path)
        {
            var lhs = left.TryGetValue(element, out var l) ? new Side(true, l) : default;
            var rhs = right.TryGetValue(element, out var r) ? new Side(true, r) : default;
            return Zip(lhs, rhs, slot.Item(), path.Append(element));
        }

        /// <summary>The items of a list by path element; repeated elements after the first are ignored.</summary>
        private static (List<PathElement> Order, Dictionary<PathElement, JsonNode?> Items) Index(JsonArray? list, Slot slot)
        {
            var order = new List<PathElement>();
            var items = new Dictionary<PathElement, JsonNode?>();
            for (var i = 0; list is not null && i < list.Count; i++)
            {
                var element = slot.ItemElement(list[i], i);
                if (items.TryAdd(element, list[i]))
                {
                    order.Add(element);
                }
            }

            return (order, items);
        }
    }
}
