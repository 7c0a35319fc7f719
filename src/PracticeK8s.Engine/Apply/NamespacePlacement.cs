using System.Text.Json.Nodes;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.Apply;

/// <summary>kubectl's namespace rules for -f input: the object's own namespace, else -Namespace or the context's.</summary>
public static class NamespacePlacement
{
    /// <summary>
    /// The namespace an object goes to (null for cluster-scoped kinds), written into the object's
    /// metadata as kubectl does. An explicit -Namespace that differs from the object's is an error.
    /// </summary>
    public static string? Place(JsonObject obj, bool namespaced, string defaultNamespace, string? explicitNamespace, ManifestSource source)
    {
        if (!namespaced)
            return null;
        var metadata = obj["metadata"] as JsonObject ?? new JsonObject();
        obj["metadata"] = metadata;
        var own = metadata["namespace"]?.GetValue<string>();
        if (string.IsNullOrEmpty(own))
        {
            var ns = string.IsNullOrEmpty(explicitNamespace) ? defaultNamespace : explicitNamespace;
            metadata["namespace"] = ns;
            return ns;
        }
        if (!string.IsNullOrEmpty(explicitNamespace) && !string.Equals(own, explicitNamespace, StringComparison.Ordinal))
        {
            throw new KubeException(
                $"the namespace from the provided object \"{own}\" does not match the namespace \"{explicitNamespace}\". You must pass '-Namespace {own}' to perform this operation ({source}).",
                "KubeNamespaceMismatch", System.Management.Automation.ErrorCategory.InvalidArgument, source.Name);
        }
        return own;
    }
}
