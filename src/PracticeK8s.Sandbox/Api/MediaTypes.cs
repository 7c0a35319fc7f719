namespace PracticeK8s.Sandbox.Api;

/// <summary>A parsed media type: <c>application/json;as=Table;v=v1;g=meta.k8s.io</c> → type + parameters.</summary>
public sealed record MediaType(string Type, IReadOnlyDictionary<string, string> Parameters)
{
    public const string Json = "application/json";
    public const string Yaml = "application/yaml";
    public const string Protobuf = "application/vnd.kubernetes.protobuf";
    public const string JsonPatch = "application/json-patch+json";
    public const string MergePatch = "application/merge-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";
    public const string DiscoveryV2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    public string? Param(string name) => Parameters.TryGetValue(name, out var v) ? v : null;

    public static MediaType? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split(';');
        var p = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parts.Skip(1))
        {
            var eq = part.IndexOf('=');
            if (eq > 0) p[part[..eq].Trim()] = part[(eq + 1)..].Trim().Trim('"');
        }
        return new MediaType(parts[0].Trim().ToLowerInvariant(), p);
    }

    /// <summary>An Accept header's entries in the client's order (q-values are not used by Kubernetes clients).</summary>
    public static IReadOnlyList<MediaType> ParseList(string? header) =>
        string.IsNullOrWhiteSpace(header)
            ? Array.Empty<MediaType>()
            : header.Split(',').Select(Parse).Where(m => m is not null).Select(m => m!).ToList();
}
