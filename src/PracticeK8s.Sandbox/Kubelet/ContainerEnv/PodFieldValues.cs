using k8s.Models;

namespace PracticeK8s.Sandbox.Kubelet.ContainerEnv;

/// <summary>
/// The value of a <c>fieldRef</c> (downward API) as kubelet reads it (podFieldSelectorRuntimeValue and
/// fieldpath.ExtractFieldPathAsString): identity, one label or annotation (<c>metadata.labels['k']</c>,
/// empty when absent), node and service account names, host and pod IPs (lists comma-joined).
/// </summary>
public static class PodFieldValues
{
    /// <exception cref="ContainerConfigException">a field path kubelet does not support.</exception>
    public static string Get(string fieldPath, V1Pod pod, IReadOnlyList<string> hostIPs, IReadOnlyList<string> podIPs)
    {
        var meta = pod.Metadata;
        switch (fieldPath)
        {
            case "metadata.name": return meta.Name ?? "";
            case "metadata.namespace": return meta.NamespaceProperty ?? "";
            case "metadata.uid": return meta.Uid ?? "";
            case "metadata.labels": return FormatMap(meta.Labels);
            case "metadata.annotations": return FormatMap(meta.Annotations);
            case "spec.nodeName": return pod.Spec.NodeName ?? "";
            case "spec.serviceAccountName": return pod.Spec.ServiceAccountName ?? "";
            case "status.hostIP": return hostIPs.FirstOrDefault() ?? "";
            case "status.hostIPs": return string.Join(",", hostIPs);
            case "status.podIP": return podIPs.FirstOrDefault() ?? "";
            case "status.podIPs": return string.Join(",", podIPs);
        }
        if (Subscript(fieldPath, "metadata.labels") is { } label) return Find(meta.Labels, label);
        if (Subscript(fieldPath, "metadata.annotations") is { } annotation) return Find(meta.Annotations, annotation);
        throw new ContainerConfigException($"unsupported fieldPath: {fieldPath}");
    }

    private static string Find(IDictionary<string, string>? map, string key) =>
        map is not null && map.TryGetValue(key, out var v) ? v ?? "" : "";

    /// <summary>The key of <c>path['key']</c>, or null when <paramref name="fieldPath"/> is not that form.</summary>
    private static string? Subscript(string fieldPath, string path)
    {
        var open = path + "['";
        return fieldPath.StartsWith(open, StringComparison.Ordinal) && fieldPath.EndsWith("']", StringComparison.Ordinal)
               && fieldPath.Length >= open.Length + 2
            ? fieldPath[open.Length..^2]
            : null;
    }

    /// <summary>Every entry as <c>key="value"</c> (Go's %q), one a line, keys sorted.</summary>
    public static string FormatMap(IDictionary<string, string>? map) =>
        map is null ? "" : string.Join("\n", map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={GoQuote(kv.Value)}"));

    private static string GoQuote(string s)
    {
        var b = new System.Text.StringBuilder("\"");
        foreach (var c in s)
            b.Append(c switch
            {
                '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t",
                < ' ' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        return b.Append('"').ToString();
    }
}
