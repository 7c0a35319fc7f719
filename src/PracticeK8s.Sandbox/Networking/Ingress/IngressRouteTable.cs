namespace PracticeK8s.Sandbox.Networking.Ingress;

/// <summary>An Ingress backend: a Service port in the Ingress's namespace (by number or name).</summary>
public sealed record IngressBackend(string Namespace, string Service, string? PortName, int? PortNumber)
{
    /// <summary>ingress-nginx's upstream name, as its access log shows it: <c>namespace-service-port</c>.</summary>
    public string UpstreamName => $"{Namespace}-{Service}-{(PortNumber is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : PortName)}";
}

/// <summary>One path of one Ingress rule, compiled; <see cref="Backend"/> is null for a <c>resource</c> backend (not served).</summary>
public sealed record IngressRoute(string IngressNamespace, string IngressName, IngressPath Path, IngressBackend? Backend,
    RewriteTarget? Rewrite, bool SslRedirect);

/// <summary>A <c>spec.tls</c> entry: the Secret whose certificate serves these hosts.</summary>
public sealed record IngressTls(string Namespace, string SecretName, IReadOnlyList<string> Hosts);

/// <summary>Where a request goes: a backend (with the path and query it is sent with) or an https redirect.</summary>
public sealed record RouteDecision(IngressRoute? Route, IngressBackend? Backend, string Path, string Query, bool SslRedirect);

/// <summary>An nginx <c>server</c> block: the routes of one host (or of the catch-all server for rules without host).</summary>
public sealed class IngressServer(string? host)
{
    public string? Host { get; } = host;
    public List<IngressRoute> Routes { get; } = new();
    /// <summary>Regular-expression locations for every path of the host (use-regex or rewrite-target on any of its Ingresses).</summary>
    public bool UseRegex { get; set; }
    public IngressBackend? DefaultBackend { get; set; }
    public bool HasTls { get; set; }
}

/// <summary>
/// The routes of every Ingress the controller owns, as ingress-nginx lays them out: one server per host
/// (exact names first, then <c>*.domain</c> wildcards of one label), a catch-all server for rules without
/// host; within a server Exact paths first, then the longest Prefix (by whole segments) — or, on a regex
/// host, the first regular expression in order of path length; else the Ingress's defaultBackend, else
/// nothing (the controller answers 404).
/// </summary>
public sealed class IngressRouteTable
{
    public static readonly IngressRouteTable Empty = new(new Dictionary<string, IngressServer>(), new IngressServer(null), null, Array.Empty<IngressTls>());

    private readonly IReadOnlyDictionary<string, IngressServer> _servers;
    private readonly IngressServer _catchAll;
    private readonly IngressBackend? _defaultBackend;

    public IReadOnlyList<IngressTls> Tls { get; }

    public IngressRouteTable(IReadOnlyDictionary<string, IngressServer> servers, IngressServer catchAll, IngressBackend? defaultBackend, IReadOnlyList<IngressTls> tls)
    {
        _servers = servers;
        _catchAll = catchAll;
        _defaultBackend = defaultBackend;
        Tls = tls;
    }

    /// <summary>The request's host as nginx compares it: lower case, without port or trailing dot.</summary>
    public static string NormalizeHost(string? host)
    {
        var h = (host ?? "").Trim().ToLowerInvariant();
        if (h.StartsWith('['))
        {
            var close = h.IndexOf(']');
            return close > 0 ? h[..(close + 1)] : h;
        }
        var colon = h.IndexOf(':');
        if (colon >= 0) h = h[..colon];
        return h.TrimEnd('.');
    }

    /// <summary>Whether a host pattern (<c>foo.example.com</c> or <c>*.example.com</c>) covers <paramref name="host"/>; a wildcard covers exactly one label.</summary>
    public static bool HostMatches(string pattern, string host)
    {
        pattern = pattern.ToLowerInvariant();
        if (!pattern.StartsWith("*.", StringComparison.Ordinal)) return pattern == host;
        var suffix = pattern[1..];
        return host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.Ordinal) && !host[..^suffix.Length].Contains('.');
    }

    public IngressServer ServerFor(string host)
    {
        if (_servers.TryGetValue(host, out var exact)) return exact;
        foreach (var (pattern, server) in _servers)
            if (pattern.StartsWith("*.", StringComparison.Ordinal) && HostMatches(pattern, host)) return server;
        return _catchAll;
    }

    /// <summary>Where a request for <paramref name="hostHeader"/> and <paramref name="path"/> goes; null when nothing serves it (404).</summary>
    public RouteDecision? Route(string? hostHeader, string path, string query)
    {
        var server = ServerFor(NormalizeHost(hostHeader));
        var route = Select(server, path);
        if (route is null)
        {
            var fallback = server.DefaultBackend ?? _defaultBackend;
            return fallback is null ? null : new RouteDecision(null, fallback, path, query, server.HasTls);
        }
        var (newPath, newQuery) = route.Rewrite?.Apply(path, query) ?? (path, query);
        return new RouteDecision(route, route.Backend, newPath, newQuery, route.SslRedirect);
    }

    private static IngressRoute? Select(IngressServer server, string path)
    {
        var exact = server.Routes.FirstOrDefault(r => r.Path.Kind == PathMatchKind.Exact && r.Path.Matches(path));
        if (exact is not null) return exact;
        if (server.UseRegex)
            return server.Routes.Where(r => r.Path.Kind == PathMatchKind.Regex).OrderByDescending(r => r.Path.Path.Length)
                .FirstOrDefault(r => r.Path.Matches(path));
        return server.Routes.Where(r => r.Path.Kind == PathMatchKind.Prefix && r.Path.Matches(path))
            .MaxBy(r => r.Path.Path.TrimEnd('/').Length);
    }
}
