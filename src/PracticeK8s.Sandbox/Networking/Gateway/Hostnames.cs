namespace PracticeK8s.Sandbox.Networking.Gateway;

/// <summary>
/// Gateway API hostnames: a leading "*." matches one or more labels ("*.example.com" matches
/// "a.example.com" and "a.b.example.com", not "example.com"); a listener's hostname and a route's
/// hostnames intersect to the hostnames the route answers on that listener.
/// </summary>
public static class Hostnames
{
    /// <summary>Matches any host (a listener or route without hostnames).</summary>
    public const string Any = "";

    public static bool IsWildcard(string pattern) => pattern.StartsWith("*.", StringComparison.Ordinal);

    public static bool Matches(string pattern, string host)
    {
        if (pattern == Any) return true;
        host = host.ToLowerInvariant().TrimEnd('.');
        pattern = pattern.ToLowerInvariant();
        return IsWildcard(pattern)
            ? host.Length > pattern.Length - 1 && host.EndsWith(pattern[1..], StringComparison.Ordinal)
            : host == pattern;
    }

    /// <summary>
    /// The hostnames a route answers on a listener: the route's hostnames that the listener's
    /// hostname admits (a route wildcard narrowed to the listener's name when that is more specific).
    /// Empty when they do not intersect; [<see cref="Any"/>] when neither names one.
    /// </summary>
    public static List<string> Intersect(string? listener, IReadOnlyList<string>? route)
    {
        listener = string.IsNullOrEmpty(listener) ? null : listener.ToLowerInvariant();
        var names = (route ?? Array.Empty<string>()).Select(h => h.ToLowerInvariant()).ToList();
        if (names.Count == 0) return new List<string> { listener ?? Any };
        if (listener is null) return names;
        var result = new List<string>();
        foreach (var h in names)
        {
            if (!IsWildcard(h)) { if (Matches(listener, h)) result.Add(h); }
            else if (!IsWildcard(listener)) { if (Matches(h, listener)) result.Add(listener); }
            else if (h.EndsWith(listener[1..], StringComparison.Ordinal)) result.Add(h);
            else if (listener.EndsWith(h[1..], StringComparison.Ordinal)) result.Add(listener);
        }
        return result.Distinct().ToList();
    }

    /// <summary>How specific a hostname pattern is: an exact name beats any wildcard, a longer wildcard a shorter one, anything beats <see cref="Any"/>.</summary>
    public static int Specificity(string pattern) =>
        pattern == Any ? 0 : IsWildcard(pattern) ? 1 + pattern.Length : 100_000 + pattern.Length;
}
