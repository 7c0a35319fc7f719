namespace PracticeK8s.Engine.Resources;

/// <summary>One kind of resource the server serves: where it lives and what it is called.</summary>
public sealed record ResourceKind(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    public string Singular { get; init; } = Kind.ToLowerInvariant();
    public IReadOnlyList<string> ShortNames { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<string> Verbs { get; init; } = ["get", "list", "watch", "create", "update", "patch", "delete"];

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>kubectl's qualified resource name: "pods", "deployments.apps".</summary>
    public string QualifiedPlural => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>kubectl's "kind.group/name" prefix form: "pod", "deployment.apps".</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind.ToLowerInvariant() : $"{Kind.ToLowerInvariant()}.{Group}";

    public Type? ModelType => ModelTypes.Find(ApiVersion, Kind);

    /// <summary>The collection's path: all namespaces when <paramref name="ns"/> is null (or the kind is cluster-scoped).</summary>
    public string CollectionPath(string? ns)
    {
        var root = Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
        return Namespaced && ns is not null ? $"{root}/namespaces/{Uri.EscapeDataString(ns)}/{Plural}" : $"{root}/{Plural}";
    }

    public string ObjectPath(string? ns, string name) => $"{CollectionPath(Namespaced ? ns : null)}/{Uri.EscapeDataString(name)}";

    public bool Supports(string verb) => Verbs.Contains(verb);

    /// <summary>A built-in kind as discovery names it.</summary>
    public static ResourceKind Of(PracticeK8s.Printing.Catalog.KindNames names) =>
        new(names.Group, names.Version, names.Kind, names.Plural, names.Namespaced)
        {
            Singular = names.Singular, ShortNames = names.ShortNames, Categories = names.Categories,
        };

    public override string ToString() => QualifiedPlural;
}
