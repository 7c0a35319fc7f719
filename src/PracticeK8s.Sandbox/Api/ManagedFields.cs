using System.Text.Json.Nodes;
using PracticeK8s.Merge;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Api;

/// <summary>
/// metadata.managedFields on every create, update and non-apply patch: the writer (fieldManager,
/// else the User-Agent's product name, as upstream) owns what its write set or changed.
/// </summary>
public static class ManagedFields
{
    /// <summary>The manager of a request: <c>?fieldManager=</c>, else the User-Agent up to its first '/' (<c>kubectl</c>).</summary>
    public static string Manager(ApiRequest r, WriteOptions options)
    {
        if (options.FieldManager is { } m)
        {
            if (m.Length > 128)
                throw ApiException.Invalid("PatchOptions.meta.k8s.io", "", "meta.k8s.io", "PatchOptions",
                    new[] { new StatusCause("FieldValueTooLong", $"Too long: may not be more than 128 bytes", "fieldManager") });
            return m;
        }
        var agent = r.Http.Request.Headers.UserAgent.ToString();
        return agent.Split('/')[0];
    }

    /// <summary>Sets <paramref name="updated"/>'s managedFields after <paramref name="manager"/> wrote it over <paramref name="live"/> (null: a create).</summary>
    public static void Track(JsonObject? live, JsonObject updated, string? manager, string apiVersion, string? subresource)
    {
        var meta = updated.Ensure("metadata");
        if (manager is null)
        {
            // Internal writes (controllers, lifecycle) keep what is there.
            if (meta["managedFields"] is null && live?.Obj("metadata")?["managedFields"] is { } kept) meta["managedFields"] = kept.DeepClone();
            return;
        }
        var entries = ManagedFieldsUpdater.Update(live, updated, manager, ManagedFieldsEntry.UpdateOperation, apiVersion, DateTimeOffset.UtcNow,
            subresource is "status" or "scale" ? subresource : null);
        if (entries.Count > 0) meta["managedFields"] = entries;
        else meta.Remove("managedFields");
    }
}
