using System.Net.Http;
using Microsoft.AspNetCore.Http;

namespace PracticeK8s.Sandbox.Networking.Gateway;

/// <summary>The pure parts of HTTPRoute filters: path rewriting, header modifiers, redirect locations.</summary>
public static class RouteFilters
{
    /// <summary>
    /// A path after ReplaceFullPath or ReplacePrefixMatch (the prefix the request matched,
    /// replaced by whole segments: "/api" -> "/v2" turns "/api/users" into "/v2/users").
    /// </summary>
    public static string RewritePath(string path, PathModifier modifier, RequestMatch match)
    {
        if (modifier.Type == "ReplaceFullPath") return string.IsNullOrEmpty(modifier.ReplaceFullPath) ? "/" : modifier.ReplaceFullPath;
        if (modifier.Type != "ReplacePrefixMatch" || match.PathType != "PathPrefix") return path;
        var rest = match.PathValue == "/" ? path : path[match.PathValue.Length..];
        var replacement = modifier.ReplacePrefixMatch ?? "/";
        if (rest.Length == 0) return replacement.Length == 0 ? "/" : replacement;
        var joined = replacement.TrimEnd('/') + rest;
        return joined.Length == 0 ? "/" : joined;
    }

    /// <summary>Applies set, then add (appending), then remove to a forwarded request's headers.</summary>
    public static void Apply(HeaderModifier modifier, HttpRequestMessage request)
    {
        foreach (var h in modifier.Set ?? new List<HttpHeaderValue>())
        {
            Remove(request, h.Name);
            Add(request, h.Name, h.Value);
        }
        foreach (var h in modifier.Add ?? new List<HttpHeaderValue>()) Add(request, h.Name, h.Value);
        foreach (var name in modifier.Remove ?? new List<string>()) Remove(request, name);
    }

    private static void Add(HttpRequestMessage request, string name, string value)
    {
        if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content?.Headers.TryAddWithoutValidation(name, value);
    }

    private static void Remove(HttpRequestMessage request, string name)
    {
        request.Headers.Remove(name);
        request.Content?.Headers.Remove(name);
    }

    /// <summary>Applies set, add and remove to the response headers the client receives.</summary>
    public static void Apply(HeaderModifier modifier, IHeaderDictionary headers)
    {
        foreach (var h in modifier.Set ?? new List<HttpHeaderValue>()) headers[h.Name] = h.Value;
        foreach (var h in modifier.Add ?? new List<HttpHeaderValue>()) headers.Append(h.Name, h.Value);
        foreach (var name in modifier.Remove ?? new List<string>()) headers.Remove(name);
    }

    /// <summary>
    /// The Location of a RequestRedirect: the request's scheme, host and path unless replaced; the
    /// port is the one given, else the scheme's well-known port when the scheme changes, else the
    /// listener's; a well-known port is left out.
    /// </summary>
    public static string RedirectLocation(RequestRedirect redirect, HttpRequest request, RequestMatch match, int listenerPort)
    {
        var scheme = redirect.Scheme ?? request.Scheme;
        var host = redirect.Hostname ?? (request.Host.HasValue ? request.Host.Host : "localhost");
        var port = redirect.Port ?? (redirect.Scheme is not null ? WellKnownPort(scheme) : listenerPort);
        var path = request.Path.HasValue ? request.Path.Value! : "/";
        if (redirect.Path is { } modifier) path = RewritePath(path, modifier, match);
        var authority = port == WellKnownPort(scheme) ? host : $"{host}:{port}";
        return $"{scheme}://{authority}{path}{request.QueryString}";
    }

    private static int WellKnownPort(string scheme) => scheme == "https" ? 443 : 80;
}
