namespace PracticeK8s.Engine.Resources;

/// <summary>
/// kubectl api-resources' filters and order over discovery: --api-group, --namespaced, --verbs (all of
/// them), --categories (any of them), sorted by API group then name (--sort-by name|kind instead).
/// </summary>
public sealed record ApiResourceQuery
{
    public string? ApiGroup { get; init; }
    public bool? Namespaced { get; init; }
    public IReadOnlyList<string> Verbs { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    /// <summary>"name", "kind", or null for kubectl's default (group, then name).</summary>
    public string? SortBy { get; init; }

    public IReadOnlyList<ResourceKind> Apply(IEnumerable<ResourceKind> resources)
    {
        var selected = resources.Where(r =>
            (ApiGroup is null || r.Group == ApiGroup)
            && (Namespaced is not { } ns || r.Namespaced == ns)
            && Verbs.All(v => r.Verbs.Contains(v))
            && (Categories.Count == 0 || Categories.Any(c => r.Categories.Contains(c))));
        Func<ResourceKind, string> key = SortBy?.ToLowerInvariant() switch
        {
            "name" => r => r.Plural,
            "kind" => r => r.Kind,
            _ => r => r.Group,
        };
        // kubectl: a stable sort on the key, ties broken by name.
        return selected.OrderBy(key, StringComparer.Ordinal).ThenBy(r => r.Plural, StringComparer.Ordinal).ToList();
    }
}
