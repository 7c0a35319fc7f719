using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>The checks kubectl runs on a computed apply or edit patch before sending it.</summary>
public static class PatchPreconditions
{
    /// <summary>kubectl's error when a patch would change an object's identity.</summary>
    public const string IdentityChangedMessage = "At least one of apiVersion, kind and name was changed";

    /// <summary>True when the patch sets <c>apiVersion</c>, <c>kind</c> or <c>metadata.name</c>.</summary>
    public static bool ChangesIdentity(JsonObject patch) =>
        patch.ContainsKey("apiVersion") ||
        patch.ContainsKey("kind") ||
        (patch["metadata"] is JsonObject metadata && metadata.ContainsKey("name"));

    /// <summary>True when the patch touches <c>metadata.managedFields</c> (refused by <c>kubectl edit</c>).</summary>
    public static bool ChangesManagedFields(JsonObject patch) =>
        patch["metadata"] is JsonObject metadata && metadata.ContainsKey("managedFields");
}
