using System.Text.Json.Nodes;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Merge;

namespace PracticeK8s.Engine.Apply;

/// <summary>A computed patch and the media type it is sent as.</summary>
public sealed record ComputedPatch(string PatchType, JsonObject Body)
{
    public bool IsEmpty => Body.Count == 0;
    public string Text => Body.ToJsonString(s_options);

    // Readable in request logs: quotes and HTML characters inside strings stay as they are.
    private static readonly System.Text.Json.JsonSerializerOptions s_options =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>
/// The patches kubectl computes: the three-way apply patch (built-in kinds: strategic merge;
/// other kinds: JSON merge patch with identity preconditions) and the two-way edit patch.
/// </summary>
public static class KubectlPatches
{
    public static ComputedPatch ThreeWay(JsonObject? lastApplied, JsonObject modified, JsonObject live, string apiVersion, string kind)
    {
        if (PatchSchema.IsKnownKind(apiVersion, kind))
            return new ComputedPatch(PatchTypes.StrategicMerge, StrategicMergePatch.CreateThreeWay(lastApplied, modified, live, apiVersion, kind));
        var patch = MergePatch.CreateThreeWay(lastApplied, modified, live);
        RequireIdentityUnchanged(patch);
        return new ComputedPatch(PatchTypes.Merge, patch);
    }

    public static ComputedPatch TwoWay(JsonObject original, JsonObject edited, string apiVersion, string kind)
    {
        ComputedPatch result = PatchSchema.IsKnownKind(apiVersion, kind)
            ? new ComputedPatch(PatchTypes.StrategicMerge, StrategicMergePatch.CreateTwoWay(original, edited, apiVersion, kind))
            : new ComputedPatch(PatchTypes.Merge, MergePatch.Create(original, edited) as JsonObject ?? new JsonObject());
        RequireIdentityUnchanged(result.Body);
        if (PatchPreconditions.ChangesManagedFields(result.Body))
            throw new KubeException("metadata.managedFields was changed", "KubePatchPrecondition", System.Management.Automation.ErrorCategory.InvalidData);
        return result;
    }

    private static void RequireIdentityUnchanged(JsonObject patch)
    {
        if (PatchPreconditions.ChangesIdentity(patch))
            throw new KubeException(PatchPreconditions.IdentityChangedMessage, "KubePatchPrecondition", System.Management.Automation.ErrorCategory.InvalidData);
    }
}
