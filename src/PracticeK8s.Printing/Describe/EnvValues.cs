using k8s.Models;

namespace PracticeK8s.Printing.Describe;

/// <summary>The values kubectl shows for environment variables taken from the pod or the container's resources.</summary>
internal static class EnvValues
{
    /// <summary>
    /// The value of a downward-API field. kubectl first converts the path as a field selector, which only
    /// metadata.name and metadata.namespace survive: every other path (labels, uid, spec.nodeName, ...) shows empty.
    /// </summary>
    public static string FieldValue(V1Pod pod, string? path) => path switch
    {
        "metadata.name" => pod.Metadata?.Name ?? "",
        "metadata.namespace" => pod.Metadata?.NamespaceProperty ?? "",
        _ => "",
    };

    /// <summary>A resourceFieldRef value: the container's request or limit divided by the divisor, rounded up.</summary>
    public static string ResourceValue(V1Container container, V1ResourceFieldSelector selector)
    {
        var parts = (selector.Resource ?? "").Split('.', 2);
        if (parts.Length != 2) return "";
        var list = parts[0] == "limits" ? container.Resources?.Limits : parts[0] == "requests" ? container.Resources?.Requests : null;
        decimal value = list is not null && list.TryGetValue(parts[1], out var q) ? q.ToDecimal() : 0;
        decimal divisor = selector.Divisor?.ToDecimal() is { } d && d != 0 ? d : 1;
        return ((long)Math.Ceiling(value / divisor)).ToString();
    }
}
