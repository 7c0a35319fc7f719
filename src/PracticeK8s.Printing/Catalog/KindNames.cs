namespace PracticeK8s.Printing.Catalog;

/// <summary>How discovery names a kind: where it lives, its resource names and whether it is namespaced.</summary>
public sealed record KindNames(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    public string Singular => Kind.ToLowerInvariant();
    public IReadOnlyList<string> ShortNames { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";
}
