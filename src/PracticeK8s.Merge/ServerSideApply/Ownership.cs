using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>What managedFields never record, and the object as field ownership sees it.</summary>
internal static class Ownership
{
    /// <summary>Identity and server-set metadata: nobody owns these (Kubernetes strips them).</summary>
    private static readonly FieldSet ServerOwned = FieldSet.Of(
        new[] { "apiVersion", "kind", "metadata" }.Select(f => FieldPath.OfFields(f))
            .Concat(new[] { "name", "namespace", "creationTimestamp", "selfLink", "uid", "clusterName", "generation", "managedFields", "resourceVersion" }
                .Select(f => FieldPath.OfFields("metadata", f))));

    private static readonly PathElement Status = PathElement.Field("status");

    /// <summary>
    /// The part of a change or field set a writer can own: never the server-owned fields; through the main
    /// resource never <c>status</c>; through the <c>status</c> subresource only <c>status</c>.
    /// </summary>
    public static FieldSet Ownable(FieldSet set, string? subresource)
    {
        var ownable = set.Difference(ServerOwned);
        return subresource switch
        {
            null or "" => ownable.Without(Status),
            "status" => ownable.Only(Status),
            _ => ownable,
        };
    }

    /// <summary>A copy of the object without <c>metadata.managedFields</c>.</summary>
    public static JsonObject? WithoutManagedFields(JsonNode? obj)
    {
        if (obj is null)
        {
            return null;
        }

        var copy = obj as JsonObject ?? throw PatchException.BadRequest("the object is not a JSON object");
        copy = (JsonObject)copy.DeepClone();
        (copy["metadata"] as JsonObject)?.Remove("managedFields");
        return copy;
    }

    /// <summary>Removes null members at every depth (a null in an applied configuration unsets the field).</summary>
    public static void RemoveNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (_, child) in obj)
                {
                    RemoveNulls(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RemoveNulls(child);
                }

                break;
        }
    }

    public static string KindOf(JsonNode? obj) => obj?["kind"] is JsonValue v ? v.GetValue<string>() : string.Empty;
}
