using System.Text.Json;
using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>
/// Server-side apply (<c>application/apply-patch+yaml</c>): merges an applied configuration into the live
/// object by the schema's list types, records that the manager owns exactly the configuration's fields,
/// removes fields the manager applied before and omits now when nobody else owns them, and refuses to
/// change fields other managers own unless forced.
/// </summary>
public static class ServerSideApply
{
    /// <summary>The annotation client-side apply keeps its configuration in.</summary>
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    public static ServerSideApplyResult Apply(
        JsonNode? live,
        JsonNode config,
        string manager,
        bool force,
        string apiVersion,
        string kind,
        DateTimeOffset? time = null,
        string? subresource = null)
    {
        if (config is not JsonObject configuration)
        {
            throw PatchException.BadRequest("the applied configuration is not an object");
        }

        if (configuration["metadata"] is JsonObject metadata && metadata.ContainsKey("managedFields"))
        {
            throw PatchException.BadRequest("metadata.managedFields must be nil");
        }

        var now = time ?? DateTimeOffset.UtcNow;
        var schema = PatchSchema.RootOf(apiVersion, kind);
        var managers = ManagedFieldsEntry.ReadFrom(live);
        var before = Ownership.WithoutManagedFields(live);
        var self = new ManagedFieldsEntry(manager, ManagedFieldsEntry.ApplyOperation, apiVersion, now, FieldSet.Empty, subresource);
        var previous = managers.FirstOrDefault(e => e.Identity == self.Identity);
        var others = managers.Where(e => e.Identity != self.Identity).ToList();

        var applied = Ownership.Ownable(FieldSets.Of(configuration, schema), subresource);
        var merged = ObjectZip.Merge(before, configuration, schema);
        if (previous is { Fields.IsEmpty: false })
        {
            merged = Prune(merged, previous.Fields, others.Select(o => o.Fields).Aggregate(applied, (a, b) => a.Union(b)), schema)!;
        }

        Ownership.RemoveNulls(merged);

        var comparison = ObjectZip.Compare(before, merged, schema);
        var changed = Ownership.Ownable(comparison.Changed, subresource);
        var removed = Ownership.Ownable(comparison.Removed, subresource);
        var conflicts = others
            .SelectMany(o => o.Fields.Intersection(changed).Members.Select(path => new ApplyConflict(o, path)))
            .OrderBy(c => c.Manager, StringComparer.Ordinal)
            .ToList();
        if (conflicts.Count > 0 && !force)
        {
            var blocking = manager == "kubectl" ? WithoutLastAppliedFields(conflicts, before, apiVersion, schema, subresource) : conflicts;
            if (blocking.Count > 0)
            {
                return new ServerSideApplyResult(null, null, blocking, false);
            }
        }

        var entries = others
            .Select(o => o with { Fields = o.Fields.Difference(changed).Difference(removed) })
            .Where(o => !o.Fields.IsEmpty)
            .ToList();
        var objectChanged = before is null || !JsonEquality.ApiEquals(before, merged);
        if (!applied.IsEmpty)
        {
            entries.Add(self with { Fields = applied, Time = objectChanged || previous is null ? now : previous.Time });
        }

        var managedFields = ManagedFieldsEntry.ToJsonArray(entries);
        var result = (JsonObject)merged;
        if (managedFields.Count > 0)
        {
            var resultMetadata = result["metadata"] as JsonObject ?? new JsonObject();
            result["metadata"] = resultMetadata;
            resultMetadata["managedFields"] = managedFields.DeepClone();
        }

        return new ServerSideApplyResult(result, managedFields, [], objectChanged);
    }

    /// <summary>
    /// Removes what the manager applied last time and no longer does, unless some manager (including this
    /// apply) still owns it. Owning a field inside a struct keeps the struct.
    /// </summary>
    private static JsonNode? Prune(JsonNode merged, FieldSet lastApplied, FieldSet ownedNow, SchemaNode schema)
    {
        var candidates = FieldSets.EnsureNamedFieldsAreMembers(lastApplied, schema)
            .Difference(FieldSets.EnsureNamedFieldsAreMembers(ownedNow, schema));
        return FieldSets.RemoveItems(merged, candidates, schema);
    }

    /// <summary>
    /// kubectl's own server-side apply may take over fields client-side apply set, when they still hold
    /// the values of the last-applied annotation (upgrading from client-side to server-side apply).
    /// </summary>
    private static List<ApplyConflict> WithoutLastAppliedFields(
        List<ApplyConflict> conflicts, JsonObject? live, string apiVersion, SchemaNode schema, string? subresource)
    {
        if (live?["metadata"]?["annotations"]?[LastAppliedAnnotation] is not JsonValue annotation ||
            annotation.GetValueKind() != JsonValueKind.String)
        {
            return conflicts;
        }

        JsonObject? lastApplied;
        try
        {
            lastApplied = JsonNode.Parse(annotation.GetValue<string>()) as JsonObject;
        }
        catch (JsonException)
        {
            return conflicts;
        }

        if (lastApplied is null || lastApplied["apiVersion"]?.GetValue<string>() != apiVersion)
        {
            return conflicts;
        }

        var difference = ObjectZip.Compare(lastApplied, live, schema);
        var allowed = Ownership.Ownable(FieldSets.Of(lastApplied, schema), subresource)
            .Difference(difference.Modified)
            .Difference(difference.Added)
            .Difference(difference.Removed);
        return conflicts.Where(c => !allowed.Contains(c.Path)).ToList();
    }
}
