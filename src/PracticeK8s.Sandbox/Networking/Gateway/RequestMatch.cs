using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace PracticeK8s.Sandbox.Networking.Gateway;

/// <summary>
/// One HTTPRouteMatch, ready to test requests: path (Exact, PathPrefix by whole segments,
/// RegularExpression), headers and query parameters (Exact or RegularExpression, all must hold) and
/// method. User regular expressions run without backtracking and with a match timeout, and must
/// match the whole value (as Envoy's RE2 matches do).
/// </summary>
public sealed class RequestMatch
{
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(50);

    public string PathType { get; }
    public string PathValue { get; }
    public string? Method { get; }
    public int HeaderCount => _headers.Count;
    public int QueryCount => _query.Count;
    private readonly Regex? _pathRegex;
    private readonly List<(string Name, string? Exact, Regex? Pattern)> _headers, _query;

    /// <exception cref="ArgumentException">a regular expression or type this controller does not support.</exception>
    public RequestMatch(HttpRouteMatch? match)
    {
        PathType = match?.Path?.Type ?? "PathPrefix";
        PathValue = match?.Path?.Value ?? "/";
        switch (PathType)
        {
            case "Exact": break;
            case "PathPrefix":
                if (!PathValue.StartsWith('/')) throw new ArgumentException($"path prefix {PathValue} must start with /");
                if (PathValue.Length > 1) PathValue = PathValue.TrimEnd('/');
                break;
            case "RegularExpression": _pathRegex = Compile(PathValue); break;
            default: throw new ArgumentException($"unsupported path match type {PathType}");
        }
        Method = match?.Method;
        _headers = Values(match?.Headers);
        _query = Values(match?.QueryParams);
    }

    private static List<(string, string?, Regex?)> Values(List<ValueMatch>? matches) =>
        (matches ?? new List<ValueMatch>()).Select(m => (m.Type ?? "Exact") switch
        {
            "Exact" => (m.Name, (string?)m.Value, (Regex?)null),
            "RegularExpression" => (m.Name, null, Compile(m.Value)),
            var t => throw new ArgumentException($"unsupported match type {t}"),
        }).ToList();

    private static Regex Compile(string pattern) =>
        new($"^(?:{pattern})$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, RegexTimeout);

    public bool IsMatch(HttpRequest request)
    {
        if (Method is not null && !string.Equals(Method, request.Method, StringComparison.OrdinalIgnoreCase)) return false;
        var path = request.Path.HasValue ? request.Path.Value! : "/";
        if (!PathMatches(path)) return false;
        foreach (var (name, exact, pattern) in _headers)
        {
            if (!request.Headers.TryGetValue(name, out var values) || values.Count == 0) return false;
            if (!ValueMatches(string.Join(",", values.ToArray()), exact, pattern)) return false;
        }
        foreach (var (name, exact, pattern) in _query)
        {
            // query parameter names match case-sensitively (header names do not)
            var values = request.Query.FirstOrDefault(q => q.Key == name).Value;
            if (values.Count == 0 || !ValueMatches(values[0] ?? "", exact, pattern)) return false;
        }
        return true;
    }

    public bool PathMatches(string path) => PathType switch
    {
        "Exact" => path == PathValue,
        "PathPrefix" => PathValue == "/" || path == PathValue || (path.StartsWith(PathValue, StringComparison.Ordinal) && path[PathValue.Length] == '/'),
        _ => SafeIsMatch(_pathRegex!, path),
    };

    private static bool ValueMatches(string value, string? exact, Regex? pattern) =>
        pattern is null ? value == exact : SafeIsMatch(pattern, value);

    private static bool SafeIsMatch(Regex regex, string value)
    {
        try { return regex.IsMatch(value); }
        catch (RegexMatchTimeoutException) { return false; }
    }

    /// <summary>Orders matches as the spec ranks them: Exact path, then the longest prefix, then method, header and query counts.</summary>
    public static int Compare(RequestMatch a, RequestMatch b)
    {
        int Kind(RequestMatch m) => m.PathType switch { "Exact" => 2, "PathPrefix" => 1, _ => 0 };
        int c = Kind(b).CompareTo(Kind(a));
        if (c == 0) c = b.PathValue.Length.CompareTo(a.PathValue.Length);
        if (c == 0) c = (b.Method is not null).CompareTo(a.Method is not null);
        if (c == 0) c = b.HeaderCount.CompareTo(a.HeaderCount);
        if (c == 0) c = b.QueryCount.CompareTo(a.QueryCount);
        return c;
    }
}
