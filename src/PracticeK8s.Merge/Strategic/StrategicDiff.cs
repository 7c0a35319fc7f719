using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>What a strategic diff records; the three-way patch combines two restricted diffs.</summary>
internal readonly record struct DiffOptions(
    bool SetElementOrder = false,
    bool IgnoreChangesAndAdditions = false,
    bool IgnoreDeletions = false,
    bool BuildRetainKeysDirective = false);

/// <summary>
/// Computes the strategic merge patch from one object to another, as kubectl does: changed and added
/// fields are set, removed map fields become null, elements removed from merged lists of maps become
/// <c>$patch: delete</c> elements, scalars removed from merged lists go to <c>$deleteFromPrimitiveList</c>,
/// merged lists that change get <c>$setElementOrder</c>, and <c>retainKeys</c> fields get <c>$retainKeys</c>.
/// </summary>
internal static class StrategicDiff
{
    public static JsonObject Diff(JsonObject original, JsonObject modified, SchemaNode schema, DiffOptions options)
    {
        var patch = new JsonObject();
        var retainKeys = new List<string>();
        foreach (var (key, modifiedValue) in modified)
        {
            if (options.BuildRetainKeysDirective && modifiedValue is not null)
            {
                retainKeys.Add(key);
            }

            if (!original.TryGetPropertyValue(key, out var originalValue))
            {
                if (!options.IgnoreChangesAndAdditions)
                {
                    patch[key] = JsonNodes.Clone(modifiedValue);
                }

                continue;
            }

            if (key == Directives.Marker)
            {
                var before = Directives.MarkerOf(original);
                var after = Directives.MarkerOf(modified);
                if (before != after)
                {
                    patch[key] = JsonNodes.Clone(modifiedValue);
                }

                continue;
            }

            if (JsonNodes.ShapeOf(originalValue) != JsonNodes.ShapeOf(modifiedValue))
            {
                if (!options.IgnoreChangesAndAdditions)
                {
                    patch[key] = JsonNodes.Clone(modifiedValue);
                }

                continue;
            }

            switch (originalValue)
            {
                case JsonObject originalMap:
                    DiffMapField(key, originalMap, (JsonObject)modifiedValue!, patch, schema, options);
                    break;
                case JsonArray originalList:
                    DiffListField(key, originalList, (JsonArray)modifiedValue!, patch, schema, options);
                    break;
                default:
                    ReplaceIfNotEqual(key, originalValue, modifiedValue, patch, options);
                    break;
            }
        }

        if (!options.IgnoreDeletions)
        {
            foreach (var (key, _) in original)
            {
                if (!modified.ContainsKey(key))
                {
                    patch[key] = null;
                }
            }
        }

        if (retainKeys.Count > 0 && (patch.Count > 0 || HasAdditionalField(original, modified)))
        {
            patch[Directives.RetainKeys] = JsonNodes.ToArray(retainKeys.OrderBy(k => k, StringComparer.Ordinal).Select(k => (JsonNode?)JsonValue.Create(k)));
        }

        return patch;
    }

    private static void DiffMapField(string key, JsonObject original, JsonObject modified, JsonObject patch, SchemaNode schema, DiffOptions options)
    {
        var field = schema.Field(key);
        var strategies = (field.Strategy ?? string.Empty).Split(',');
        if (strategies.Contains(Directives.Replace))
        {
            if (!options.IgnoreChangesAndAdditions)
            {
                patch[key] = JsonNodes.Clone(modified);
            }

            return;
        }

        var nested = Diff(original, modified, field.Node, options with { BuildRetainKeysDirective = strategies.Contains("retainKeys") });
        if (nested.Count > 0)
        {
            patch[key] = nested;
        }
    }

    private static void DiffListField(string key, JsonArray original, JsonArray modified, JsonObject patch, SchemaNode schema, DiffOptions options)
    {
        var field = schema.Field(key);
        if (field.List is not { MergesOnPatch: true } list)
        {
            ReplaceIfNotEqual(key, original, modified, patch, options);
            return;
        }

        var listOptions = options with { BuildRetainKeysDirective = list.RetainsKeys };
        var (additions, deletions, order) = DiffLists(original.ToList(), modified.ToList(), field.Node.Element, list.MergeKey ?? string.Empty, listOptions);
        if (additions.Count > 0)
        {
            patch[key] = JsonNodes.ToArray(additions);
        }

        if (deletions.Count > 0)
        {
            patch[$"{Directives.DeleteFromPrimitiveListPrefix}/{key}"] = JsonNodes.ToArray(deletions);
        }

        if (order.Count > 0)
        {
            patch[$"{Directives.SetElementOrderPrefix}/{key}"] = JsonNodes.ToArray(order);
        }
    }

    private static (List<JsonNode?> Patch, List<JsonNode?> Deletions, List<JsonNode?> Order) DiffLists(
        List<JsonNode?> original, List<JsonNode?> modified, SchemaNode element, string mergeKey, DiffOptions options)
    {
        if (original.Count == 0)
        {
            return modified.Count == 0 || options.IgnoreChangesAndAdditions
                ? ([], [], [])
                : (modified.Select(JsonNodes.Clone).ToList(), [], []);
        }

        var maps = ListElements.AreMaps(original, modified) == true;
        List<JsonNode?> order = [];
        if (maps)
        {
            var (changes, deletions) = DiffListsOfMaps(original, modified, element, mergeKey, options);
            var patchList = ListElements.SortBy(changes, modified, mergeKey, maps: true);
            var orderSame = original.Count == modified.Count &&
                original.Zip(modified).All(p => ListElements.KeyEquals(ListElements.RequireKey(p.First, mergeKey), ListElements.RequireKey(p.Second, mergeKey)));
            patchList.AddRange(deletions);
            if (options.SetElementOrder &&
                ((!options.IgnoreChangesAndAdditions && (patchList.Count > 0 || !orderSame)) ||
                 (!options.IgnoreDeletions && patchList.Count > 0)))
            {
                order = modified.Select(m => (JsonNode?)new JsonObject { [mergeKey] = JsonNodes.Clone(ListElements.RequireKey(m, mergeKey)) }).ToList();
            }

            return (patchList, [], order);
        }

        var (additions, removals) = DiffListsOfScalars(original, modified, options);
        var sortedAdditions = ListElements.SortBy(additions, modified, string.Empty, maps: false);
        if (options.SetElementOrder &&
            ((!options.IgnoreDeletions && removals.Count > 0) ||
             (!options.IgnoreChangesAndAdditions && !JsonEquality.ApiEquals(JsonNodes.ToArray(original.Select(JsonNodes.Clone)), JsonNodes.ToArray(modified.Select(JsonNodes.Clone))))))
        {
            order = modified.Select(JsonNodes.Clone).ToList();
        }

        return (sortedAdditions, removals, order);
    }

    /// <summary>Walks both lists sorted by the text of their merge key, like kubectl, recursing into elements present in both.</summary>
    private static (List<JsonNode?> Changes, List<JsonNode?> Deletions) DiffListsOfMaps(
        List<JsonNode?> original, List<JsonNode?> modified, SchemaNode element, string mergeKey, DiffOptions options)
    {
        var changes = new List<JsonNode?>();
        var deletions = new List<JsonNode?>();
        var before = SortByKeyText(original, mergeKey);
        var after = SortByKeyText(modified, mergeKey);
        int i = 0, j = 0;
        while (i < before.Count || j < after.Count)
        {
            var compare = i >= before.Count ? 1 : j >= after.Count ? -1 : string.CompareOrdinal(before[i].Text, after[j].Text);
            if (compare == 0)
            {
                var nested = Diff((JsonObject)before[i].Item!, (JsonObject)after[j].Item!, element, options);
                if (nested.Count > 0)
                {
                    nested[mergeKey] = JsonNodes.Clone(after[j].Key);
                    changes.Add(nested);
                }

                i++;
                j++;
            }
            else if (compare > 0)
            {
                if (!options.IgnoreChangesAndAdditions)
                {
                    changes.Add(JsonNodes.Clone(after[j].Item));
                }

                j++;
            }
            else
            {
                if (!options.IgnoreDeletions)
                {
                    deletions.Add(new JsonObject
                    {
                        [mergeKey] = JsonNodes.Clone(before[i].Key),
                        [Directives.Marker] = Directives.Delete,
                    });
                }

                i++;
            }
        }

        return (changes, deletions);
    }

    private static List<(JsonNode? Item, JsonNode? Key, string Text)> SortByKeyText(List<JsonNode?> items, string mergeKey) =>
        items.Select(item =>
            {
                var key = ListElements.RequireKey(item, mergeKey);
                return (item, key, JsonNodes.GoText(key));
            })
            .OrderBy(x => x.Item3, StringComparer.Ordinal)
            .ToList();

    private static (List<JsonNode?> Additions, List<JsonNode?> Removals) DiffListsOfScalars(
        List<JsonNode?> original, List<JsonNode?> modified, DiffOptions options)
    {
        var before = original.Select(o => (Item: o, Text: JsonNodes.GoText(o))).OrderBy(x => x.Text, StringComparer.Ordinal).ToList();
        var after = modified.Select(m => (Item: m, Text: JsonNodes.GoText(m))).OrderBy(x => x.Text, StringComparer.Ordinal).ToList();
        var additions = new List<JsonNode?>();
        var removals = new List<JsonNode?>();
        int i = 0, j = 0;
        while (i < before.Count || j < after.Count)
        {
            var compare = i >= before.Count ? 1 : j >= after.Count ? -1 : string.CompareOrdinal(before[i].Text, after[j].Text);
            if (compare == 0)
            {
                i++;
                j++;
            }
            else if (compare > 0)
            {
                if (!options.IgnoreChangesAndAdditions)
                {
                    additions.Add(JsonNodes.Clone(after[j].Item));
                }

                j++;
            }
            else
            {
                if (!options.IgnoreDeletions)
                {
                    removals.Add(JsonNodes.Clone(before[i].Item));
                }

                i++;
            }
        }

        return (additions, ListElements.Deduplicate(removals));
    }

    private static void ReplaceIfNotEqual(string key, JsonNode? original, JsonNode? modified, JsonObject patch, DiffOptions options)
    {
        if (!options.IgnoreChangesAndAdditions && !JsonEquality.ApiEquals(original, modified))
        {
            patch[key] = JsonNodes.Clone(modified);
        }
    }

    /// <summary>The original has a non-null field the modified object lacks.</summary>
    private static bool HasAdditionalField(JsonObject original, JsonObject modified) =>
        original.Any(p => p.Value is not null && !modified.ContainsKey(p.Key));
}
