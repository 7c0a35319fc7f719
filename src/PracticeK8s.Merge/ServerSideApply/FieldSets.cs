using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>Field sets of objects, and removal of the items a field set names (server-side apply).</summary>
internal static class FieldSets
{
    /// <summary>
    /// The fields an object sets: scalars, atomic lists and maps as leaves, list elements as members
    /// with their fields below, empty or null values as leaves, free-form map keys as members.
    /// </summary>
    public static FieldSet Of(JsonNode value, SchemaNode root)
    {
        var builder = new FieldSet.Builder();
        Walk(value, Slot.Root(root), FieldPath.Root, builder);
        return builder.Build();
    }

    private static void Walk(JsonNode? value, Slot slot, FieldPath path, FieldSet.Builder set)
    {
        switch (value)
        {
            case JsonArray list when slot.IsGranularList:
                for (var i = 0; i < list.Count; i++)
                {
                    var itemPath = path.Append(slot.ItemElement(list[i], i));
                    Walk(list[i], slot.Item(), itemPath, set);
                    set.Insert(itemPath);
                }

                break;
            case JsonObject map when slot.IsGranularMap:
                foreach (var (key, child) in map)
                {
                    var childPath = path.Append(PathElement.Field(key));
                    Walk(child, slot.Field(key), childPath, set);
                    if (child is null or JsonObject { Count: 0 } || slot.Node.Shape != SchemaShape.Struct)
                    {
                        set.Insert(childPath);
                    }
                }

                break;
            default:
                set.Insert(path);
                break;
        }
    }

    /// <summary>
    /// Makes every struct field on the way to a member a member itself (not map keys or list elements),
    /// so that owning <c>.spec.strategy.type</c> also owns <c>.spec</c> and <c>.spec.strategy</c>.
    /// </summary>
    public static FieldSet EnsureNamedFieldsAreMembers(FieldSet set, SchemaNode root)
    {
        var builder = new FieldSet.Builder();
        AddNamed(set, Slot.Root(root), FieldPath.Root, builder);
        return builder.Build();
    }

    private static void AddNamed(FieldSet set, Slot slot, FieldPath path, FieldSet.Builder builder)
    {
        if (set.IsMember)
        {
            builder.Insert(path);
        }

        foreach (var (element, child) in set.Children)
        {
            var childPath = path.Append(element);
            Slot childSlot;
            if (element.Kind == PathElementKind.Field)
            {
                childSlot = slot.IsGranularMap ? slot.Field(element.FieldName!) : Slot.Root(SchemaNode.Untyped);
                if (slot.Node.Shape == SchemaShape.Struct && slot.Node.Fields.ContainsKey(element.FieldName!))
                {
                    builder.Insert(childPath);
                }
            }
            else
            {
                childSlot = slot.Item();
            }

            AddNamed(child, childSlot, childPath, builder);
        }
    }

    /// <summary>
    /// A copy of <paramref name="value"/> without the fields and list elements that are members of
    /// <paramref name="toRemove"/>; atomic values are only removed whole.
    /// </summary>
    public static JsonNode? RemoveItems(JsonNode? value, FieldSet toRemove, SchemaNode root) =>
        Remove(JsonNodes.Clone(value), toRemove, Slot.Root(root));

    private static JsonNode? Remove(JsonNode? value, FieldSet toRemove, Slot slot)
    {
        switch (value)
        {
            case JsonArray list when slot.IsGranularList && list.Count > 0:
                var kept = new List<JsonNode?>();
                var items = JsonNodes.TakeItems(list);
                for (var i = 0; i < items.Count; i++)
                {
                    var element = slot.ItemElement(items[i], i);
                    var below = toRemove.Child(element);
                    if (below.IsMember)
                    {
                        continue;
                    }

                    kept.Add(below.IsEmpty ? items[i] : Remove(items[i], below, slot.Item()));
                }

                return JsonNodes.ToArray(kept);
            case JsonObject map when slot.IsGranularMap && map.Count > 0:
                foreach (var key in map.Select(p => p.Key).ToList())
                {
                    var below = toRemove.Child(PathElement.Field(key));
                    if (below.IsMember)
                    {
                        map.Remove(key);
                    }
                    else if (!below.IsEmpty)
                    {
                        var child = map[key];
                        map[key] = null;
                        map[key] = Remove(child, below, slot.Field(key));
                    }
                }

                return map;
            default:
                return value;
        }
    }
}
