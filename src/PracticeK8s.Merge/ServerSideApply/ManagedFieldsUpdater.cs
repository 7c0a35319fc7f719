using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>
/// Keeps <c>metadata.managedFields</c> up to date on create, update and (non-apply) patch: the writer
/// owns every field its write added or changed, and the other managers lose those fields and every
/// field the write removed (managers left with nothing are dropped).
/// </summary>
public static class ManagedFieldsUpdater
{
    /// <summary>
    /// The managedFields of <paramref name="updated"/> after <paramref name="manager"/> wrote it over
    /// <paramref name="live"/> (null for a create). If the written object carries managedFields they are
    /// the starting point (clients may reset them), else the live object's. Pass <paramref name="subresource"/>
    /// <c>"status"</c> for writes to <c>/status</c>.
    /// </summary>
    public static JsonArray Update(
        JsonNode? live,
        JsonNode updated,
        string manager,
        string operation,
        string apiVersion,
        DateTimeOffset time,
        string? subresource = null)
    {
        var requested = ManagedFieldsEntry.ReadFrom(updated);
        var managers = requested.Count > 0 && string.IsNullOrEmpty(subresource) ? requested : ManagedFieldsEntry.ReadFrom(live);
        var kind = Ownership.KindOf(updated) is { Length: > 0 } written ? written : Ownership.KindOf(live);
        var schema = PatchSchema.RootOf(apiVersion, kind);

        var before = Ownership.WithoutManagedFields(live);
        var after = Ownership.WithoutManagedFields(updated)!;
        var comparison = ObjectZip.Compare(before, after, schema);
        var changed = Ownership.Ownable(comparison.Changed, subresource);
        var removed = Ownership.Ownable(comparison.Removed, subresource);

        var self = new ManagedFieldsEntry(manager, operation, apiVersion, time, FieldSet.Empty, subresource);
        ManagedFieldsEntry? previous = null;
        var entries = new List<ManagedFieldsEntry>();
        foreach (var entry in managers)
        {
            var remaining = entry with { Fields = entry.Fields.Difference(changed).Difference(removed) };
            if (entry.Identity == self.Identity)
            {
                previous = remaining;
            }
            else if (!remaining.Fields.IsEmpty)
            {
                entries.Add(remaining);
            }
        }

        if (!changed.IsEmpty)
        {
            entries.Add(self with { Fields = (previous?.Fields ?? FieldSet.Empty).Union(changed) });
        }
        else if (previous is { Fields.IsEmpty: false })
        {
            entries.Add(previous);
        }

        return ManagedFieldsEntry.ToJsonArray(entries);
    }
}
