using System.Text.RegularExpressions;

namespace PracticeK8s.Sandbox.Networking.Ingress;

/// <summary>
/// <c>nginx.ingress.kubernetes.io/rewrite-target</c> of one location, as ingress-nginx renders it:
/// <c>rewrite "(?i)&lt;path&gt;" &lt;target&gt; break;</c> — when the location's path matches, the whole URI
/// becomes the target with <c>$1</c>..<c>$9</c> replaced by the path's capture groups; the request's
/// query string is kept (after the target's own arguments, if it has any; none when it ends in <c>?</c>).
/// </summary>
public sealed class RewriteTarget
{
    private static readonly Regex Placeholder = new(@"\$(\d)|\$\{(\d)\}", RegexOptions.CultureInvariant);
    private readonly Regex _path;

    public string Target { get; }

    private RewriteTarget(Regex path, string target)
    {
        _path = path;
        Target = target;
    }

    /// <summary>The rewrite of a location; null when its path is no regular expression (ingress-nginx would refuse the configuration).</summary>
    public static RewriteTarget? Create(string locationPath, string target)
    {
        try { return new RewriteTarget(new Regex(locationPath, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, IngressPath.RegexBudget), target); }
        catch (ArgumentException) { return null; }
    }

    /// <summary>The rewritten path and query, or null when the path does not match (the URI is left as it is).</summary>
    public (string Path, string Query)? Apply(string requestPath, string query)
    {
        Match match;
        try { match = _path.Match(requestPath); }
        catch (RegexMatchTimeoutException) { return null; }
        if (!match.Success) return null;
        var expanded = Placeholder.Replace(Target, m =>
        {
            var n = int.Parse(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            return n < match.Groups.Count && match.Groups[n].Success ? match.Groups[n].Value : "";
        });
        var q = expanded.IndexOf('?');
        if (q < 0) return (Normalize(expanded), query);
        var own = expanded[(q + 1)..];
        var original = query.TrimStart('?');
        var joined = own.Length == 0 ? "" : original.Length == 0 ? "?" + own : "?" + own + "&" + original;
        return (Normalize(expanded[..q]), joined);
    }

    private static string Normalize(string path) => path.StartsWith('/') ? path : "/" + path;
}
