using k8s.Models;

namespace PracticeK8s.Printing.Describe;

/// <summary>The values kubectl shows for environment variables taken from the pod or the container's resources.</summary>
internal static class EnvValues
{
    /// <summary>
    /// The value of a downward-API field: kubectl resolves only metadata fields (name, namespace, uid, and
    /// single labels/annotations); other paths such as spec.nodeName show an empty value.
    /// </summary>
    public static string FieldValue(V1Pod pod, string? path)
    {
        var meta = pod.Metadata;
        switch (path)
        {
            case "metadata.name": return meta?.Name ?? "";
            case "metadata.namespace": return meta?.NamespaceProperty ?? "";
            case "metadata.uid": return meta?.Uid ?? "";
        }
        if (path is null) return "";
        if (Subscript(path, "metadata.labels") is { } label) return meta?.Labels.ValueOrNull(label) ?? "";
        if (Subscript(path, "metadata.annotations") is { } annotation) return meta?.Annotations.ValueOrNull(annotation) ?? "";
        if (path == "metadata.labels") return FormatMap(meta?.Labels);
        if (path == "metadata.annotations") return FormatMap(meta?.Annotations);
        return "";
    }

    private static string? Subscript(string path, string prefix) =>
        path.StartsWith(prefix + "['", StringComparison.Ordinal) && path.EndsWith("']", StringComparison.Ordinal)
            ? path[(prefix.Length + 2)..^2]
            : null;

    private static string FormatMap(IDictionary<string, string>? map) =>
        string.Join("\n", (map ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}=\"{p.Value}\""));

    /// <summary>A resourceFieldRef value: the container's request or limit divided by the divisor, rounded up.</summary>
    public static string ResourceValue(V1Container container, V1ResourceFieldSelector selector)
    {
        var parts = (selector.Resource ?? "").Split('.', 2);
        if (parts.Length != 2) return "";
        var list = parts[0] == "limits" ? container.Resources?.Limits : parts[0] == "requests" ? container.Resources?.Requests : null;
        decimal value = list is not null && list.TryGetValue(parts[1], out var q) ? q.ToDecimal() : 0;
        decimal divisor = selector.Divisor?.ToDecimal() is { } d && d != 0 ? d : 1;
        if (parts[1] == "cpu") return ((long)Math.Ceiling(value * 1000 / (divisor * 1000))).ToString();
        return ((long)Math.Ceiling(value / divisor)).ToString();
    }
}
