using Microsoft.AspNetCore.Http;

namespace PracticeK8s.Sandbox.Networking.Gateway;

/// <summary>An HTTPRoute as the data plane orders them: older first, then by "namespace/name".</summary>
public sealed record RouteId(string Namespace, string Name, DateTime Created)
{
    public override string ToString() => $"{Namespace}/{Name}";
}

/// <summary>
/// One backendRef as resolved by the controller: a Service port, its weight, and why it is invalid
/// as "Reason: message" (requests chosen for an invalid backend get 500, as the spec asks).
/// </summary>
public sealed record RouteBackend(string Namespace, string Service, int Port, int Weight, string? Invalid, IReadOnlyList<HttpRouteFilter> Filters);

/// <summary>One rule of an HTTPRoute: its filters and backends.</summary>
public sealed record RouteRule(RouteId Route, int Index, IReadOnlyList<HttpRouteFilter> Filters, IReadOnlyList<RouteBackend> Backends);

/// <summary>One match of a rule, under one of the hostnames the route answers on a listener.</summary>
public sealed record RouteEntry(RouteRule Rule, RequestMatch Match, int MatchIndex, string Hostname);

/// <summary>The routes attached to one listener, in the order the spec gives them precedence.</summary>
public sealed class ListenerRoutes
{
    public string Hostname { get; }
    public IReadOnlyList<RouteEntry> Entries { get; }

    public ListenerRoutes(string? hostname, IEnumerable<RouteEntry> entries)
    {
        Hostname = hostname ?? Hostnames.Any;
        var list = entries.ToList();
        list.Sort(ComparePrecedence);
        Entries = list;
    }

    private static int ComparePrecedence(RouteEntry a, RouteEntry b)
    {
        int c = RequestMatch.Compare(a.Match, b.Match);
        if (c == 0) c = a.Rule.Route.Created.CompareTo(b.Rule.Route.Created);
        if (c == 0) c = string.CompareOrdinal(a.Rule.Route.ToString(), b.Rule.Route.ToString());
        if (c == 0) c = a.Rule.Index.CompareTo(b.Rule.Index);
        if (c == 0) c = a.MatchIndex.CompareTo(b.MatchIndex);
        return c;
    }
}

/// <summary>
/// Everything a Gateway serves on one port: the listener whose hostname fits the request's Host
/// best is chosen, then among its routes the most specific hostname, then the first match in
/// precedence order (no fallback to a less specific hostname, as Envoy-based gateways behave).
/// </summary>
public sealed class PortRoutes(IReadOnlyList<ListenerRoutes> listeners)
{
    public static readonly PortRoutes Empty = new(Array.Empty<ListenerRoutes>());

    public IReadOnlyList<ListenerRoutes> Listeners => listeners;

    public RouteEntry? Select(HttpRequest request)
    {
        var host = request.Host.HasValue ? request.Host.Host : "";
        var listener = listeners.Where(l => Hostnames.Matches(l.Hostname, host)).MaxBy(l => Hostnames.Specificity(l.Hostname));
        if (listener is null) return null;
        var best = -1;
        foreach (var e in listener.Entries)
            if (Hostnames.Matches(e.Hostname, host)) best = Math.Max(best, Hostnames.Specificity(e.Hostname));
        foreach (var e in listener.Entries)
            if (Hostnames.Specificity(e.Hostname) == best && Hostnames.Matches(e.Hostname, host) && e.Match.IsMatch(request)) return e;
        return null;
    }
}
