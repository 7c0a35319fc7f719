using System.Management.Automation;

namespace PracticeK8s.Engine.Objects;

/// <summary>
/// The -Name argument of the Get, Show and Remove cmdlets: names, any of which may hold wildcards
/// (matched case-insensitively against the listed objects' names).
/// </summary>
public sealed class NameFilter
{
    private readonly IReadOnlyList<WildcardPattern> _patterns;

    private NameFilter(IReadOnlyList<string> names)
    {
        Names = names;
        _patterns = names.Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToList();
        Exact = names.Where(n => !WildcardPattern.ContainsWildcardCharacters(n)).ToList();
    }

    /// <summary>A filter for these names; null (everything matches) when no names were given.</summary>
    public static NameFilter? Of(IReadOnlyList<string>? names) => names is null ? null : new NameFilter(names);

    public IReadOnlyList<string> Names { get; }

    /// <summary>The names without wildcards (each should name an object that exists).</summary>
    public IReadOnlyList<string> Exact { get; }

    /// <summary>Some names were given and none has a wildcard: each can be read directly.</summary>
    public bool OnlyExact => Names.Count > 0 && Exact.Count == Names.Count;

    public bool Matches(string name) => _patterns.Any(p => p.IsMatch(name));
}
