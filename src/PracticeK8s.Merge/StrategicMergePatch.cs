using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>
/// Strategic merge patch (<c>application/strategic-merge-patch+json</c>) of the built-in kinds: a merge
/// patch whose lists are merged by key where the schema says so (containers by name, ports by
/// containerPort, ...), with the directives <c>$patch</c>, <c>$retainKeys</c>,
/// <c>$deleteFromPrimitiveList/&lt;field&gt;</c> and <c>$setElementOrder/&lt;field&gt;</c>.
/// Kinds not in <see cref="PatchSchema"/> are merged without list metadata; an API server refuses
/// strategic patches for them (415) before calling this.
/// </summary>
public static class StrategicMergePatch
{
    /// <summary>Applies <paramref name="patch"/> to a copy of <paramref name="original"/>; directives are consumed.</summary>
    public static JsonNode Apply(JsonNode original, JsonNode patch, string apiVersion, string kind)
    {
        var target = original as JsonObject ?? throw PatchException.BadRequest("invalid JSON document");
        var patchObject = patch as JsonObject ?? throw PatchException.BadRequest("invalid JSON document");
        var result = StrategicMerger.ServerSide.MergeMap(
            (JsonObject)target.DeepClone(),
            (JsonObject)patchObject.DeepClone(),
            PatchSchema.RootOf(apiVersion, kind));
        Directives.Strip(result);
        return result;
    }

    /// <summary>The patch that turns <paramref name="original"/> into <paramref name="modified"/>; what <c>kubectl edit</c> sends.</summary>
    public static JsonObject CreateTwoWay(JsonNode original, JsonNode modified, string apiVersion, string kind)
    {
        var patch = StrategicDiff.Diff(
            AsObject(original),
            AsObject(modified),
            PatchSchema.RootOf(apiVersion, kind),
            new DiffOptions(SetElementOrder: true));
        return (JsonObject)JsonNodes.SortKeys(patch)!;
    }

    /// <summary>
    /// kubectl's client-side apply patch: fields removed from the configuration since
    /// <paramref name="lastApplied"/> are deleted, fields of <paramref name="modified"/> that differ from
    /// <paramref name="current"/> are set, and fields only others set are left alone. A null
    /// <paramref name="lastApplied"/> is the first apply over an existing object (nothing to delete).
    /// </summary>
    public static JsonObject CreateThreeWay(JsonNode? lastApplied, JsonNode modified, JsonNode current, string apiVersion, string kind)
    {
        var schema = PatchSchema.RootOf(apiVersion, kind);
        var modifiedObject = AsObject(modified);
        var changes = StrategicDiff.Diff(AsObject(current), modifiedObject, schema, new DiffOptions(SetElementOrder: true, IgnoreDeletions: true));
        var deletions = StrategicDiff.Diff(AsObject(lastApplied ?? new JsonObject()), modifiedObject, schema, new DiffOptions(SetElementOrder: true, IgnoreChangesAndAdditions: true));
        var patch = StrategicMerger.Composer.MergeMap(deletions, changes, schema);
        return (JsonObject)JsonNodes.SortKeys(patch)!;
    }

    private static JsonObject AsObject(JsonNode? node) =>
        node as JsonObject ?? throw PatchException.BadRequest("invalid JSON document");
}
