using System.Text.RegularExpressions;

namespace PracticeK8s.Sandbox.Networking.Ingress;

/// <summary>How one Ingress path matches a request path, as ingress-nginx renders it into nginx locations.</summary>
public enum PathMatchKind
{
    /// <summary><c>pathType: Exact</c>: the whole path, case-sensitive (<c>location = /foo</c>).</summary>
    Exact,
    /// <summary><c>pathType: Prefix</c> (and ImplementationSpecific): by whole <c>/</c>-separated segments; a trailing slash is ignored.</summary>
    Prefix,
    /// <summary>On a host where use-regex or rewrite-target is in force: <c>location ~* "^path"</c>, case-insensitive.</summary>
    Regex,
}

/// <summary>A compiled Ingress path.</summary>
public sealed class IngressPath
{
    /// <summary>Bounds the time a user's pattern may take on one request path (a hostile pattern cannot stall the server).</summary>
    public static readonly TimeSpan RegexBudget = TimeSpan.FromMilliseconds(100);

    public string Path { get; }
    public PathMatchKind Kind { get; }
    private readonly Regex? _location;

    private IngressPath(string path, PathMatchKind kind, Regex? location)
    {
        Path = path;
        Kind = kind;
        _location = location;
    }

    /// <summary>The path as a location; null when a regular expression does not compile (ingress-nginx would refuse the configuration).</summary>
    public static IngressPath? Create(string path, PathMatchKind kind)
    {
        if (kind != PathMatchKind.Regex) return new IngressPath(path, kind, null);
        try { return new IngressPath(path, kind, new Regex("^" + path, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget)); }
        catch (ArgumentException) { return null; }
    }

    public bool Matches(string requestPath) => Kind switch
    {
        PathMatchKind.Exact => requestPath == Path,
        PathMatchKind.Prefix => PrefixMatches(Path, requestPath),
        _ => SafeIsMatch(_location!, requestPath),
    };

    /// <summary>The API's Prefix rule: <c>/foo</c> and <c>/foo/</c> match <c>/foo</c>, <c>/foo/</c> and <c>/foo/bar</c>, not <c>/foobar</c>.</summary>
    public static bool PrefixMatches(string prefix, string requestPath)
    {
        var p = prefix.TrimEnd('/');
        if (p.Length == 0) return true;
        return requestPath.StartsWith(p, StringComparison.Ordinal) && (requestPath.Length == p.Length || requestPath[p.Length] == '/');
    }

    internal static bool SafeIsMatch(Regex regex, string input)
    {
        try { return regex.IsMatch(input); }
        catch (RegexMatchTimeoutException) { return false; }
    }
}
