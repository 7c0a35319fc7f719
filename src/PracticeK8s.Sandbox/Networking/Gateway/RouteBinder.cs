using k8s.Models;
using PracticeK8s.Sandbox.Controllers;

namespace PracticeK8s.Sandbox.Networking.Gateway;

/// <summary>A Gateway of the built-in class, as the binder reads it.</summary>
public sealed record GatewayInput(string Namespace, string Name, GatewaySpec Spec);

/// <summary>An HTTPRoute as the binder reads it.</summary>
public sealed record RouteInput(RouteId Id, HttpRouteSpec Spec);

/// <summary>What the cluster answers about references: namespace labels, Services, ReferenceGrants.</summary>
public interface IReferenceResolver
{
    IReadOnlyDictionary<string, string> NamespaceLabels(string ns);
    V1Service? Service(string ns, string name);
    /// <summary>Whether a ReferenceGrant in <paramref name="toNamespace"/> lets HTTPRoutes of <paramref name="fromNamespace"/> use the Service.</summary>
    bool Granted(string fromNamespace, string toNamespace, string service);
}

/// <summary>A status condition as the controller will write it.</summary>
public sealed record ConditionResult(string Type, bool Status, string Reason, string Message);

/// <summary>The status of a route for one of its parentRefs that names a Gateway of the built-in class.</summary>
public sealed record RouteParentResult(ParentRef Ref, ConditionResult Accepted, ConditionResult ResolvedRefs);

/// <summary>What a Gateway's listeners carry once routes are bound: routes per port, attached counts per listener.</summary>
public sealed class GatewayBinding
{
    public Dictionary<string, int> AttachedRoutes { get; } = new();
    public Dictionary<string, List<RouteEntry>> EntriesByListener { get; } = new();
}

/// <summary>
/// Attaches HTTPRoutes to Gateway listeners as the spec says: a parentRef names a Gateway (and
/// optionally a listener by sectionName or port); the listener must allow the route's namespace
/// (allowedRoutes From Same, All or Selector) and kind; the route's hostnames must intersect the
/// listener's. backendRefs resolve to Service ports (other namespaces need a ReferenceGrant).
/// </summary>
public static class RouteBinder
{
    public static readonly string[] SupportedProtocols = { "HTTP", "HTTPS" };
    /// <summary>Whether this controller serves the listener: HTTP or HTTPS on a valid port.</summary>
    public static bool Serves(Listener l) => SupportedProtocols.Contains(l.Protocol) && l.Port is >= 1 and <= 65535;

    public static readonly string[] SupportedFilters = { "RequestHeaderModifier", "ResponseHeaderModifier", "RequestRedirect", "URLRewrite" };

    public static (Dictionary<(string Ns, string Name), GatewayBinding> Gateways, Dictionary<RouteId, List<RouteParentResult>> Routes)
        Bind(IReadOnlyList<GatewayInput> gateways, IReadOnlyList<RouteInput> routes, IReferenceResolver refs)
    {
        var bindings = gateways.ToDictionary(g => (g.Namespace, g.Name), g =>
        {
            var b = new GatewayBinding();
            foreach (var l in g.Spec.Listeners ?? new List<Listener>())
            {
                b.AttachedRoutes[l.Name] = 0;
                b.EntriesByListener[l.Name] = new List<RouteEntry>();
            }
            return b;
        });
        var byName = gateways.ToDictionary(g => (g.Namespace, g.Name));
        var results = new Dictionary<RouteId, List<RouteParentResult>>();
        foreach (var route in routes)
        {
            var (rules, invalid) = Compile(route, refs);
            var resolved = ResolvedRefs(rules);
            var parents = new List<RouteParentResult>();
            foreach (var parent in route.Spec.ParentRefs ?? new List<ParentRef>())
            {
                if ((parent.Group ?? GatewayApi.Group) != GatewayApi.Group || (parent.Kind ?? "Gateway") != "Gateway") continue;
                var key = (parent.Namespace ?? route.Id.Namespace, parent.Name);
                if (!byName.TryGetValue(key, out var gateway)) continue;
                var accepted = invalid is not null
                    ? new ConditionResult("Accepted", false, "UnsupportedValue", invalid)
                    : Attach(route, parent, gateway, rules, bindings[key], refs);
                parents.Add(new RouteParentResult(parent, accepted, resolved));
            }
            results[route.Id] = parents;
        }
        return (bindings, results);
    }

    private static ConditionResult Attach(RouteInput route, ParentRef parent, GatewayInput gateway, List<(RouteRule Rule, List<RequestMatch> Matches)> rules,
        GatewayBinding binding, IReferenceResolver refs)
    {
        var listeners = (gateway.Spec.Listeners ?? new List<Listener>())
            .Where(l => (parent.SectionName is null || l.Name == parent.SectionName) && (parent.Port is null || l.Port == parent.Port)).ToList();
        if (listeners.Count == 0)
            return new ConditionResult("Accepted", false, "NoMatchingParent", "No listener matches the parentRef's sectionName or port");
        var allowed = listeners.Where(l => Serves(l) && Allows(l, gateway.Namespace, route.Id.Namespace, refs)).ToList();
        if (allowed.Count == 0)
            return new ConditionResult("Accepted", false, "NotAllowedByListeners", "No listener allows routes of this kind from this namespace");
        var attached = 0;
        foreach (var listener in allowed)
        {
            var hostnames = Hostnames.Intersect(listener.Hostname, route.Spec.Hostnames);
            if (hostnames.Count == 0) continue;
            attached++;
            var entries = binding.EntriesByListener[listener.Name];
            if (entries.Any(e => e.Rule.Route == route.Id)) continue; // attached by another parentRef already
            binding.AttachedRoutes[listener.Name]++;
            foreach (var host in hostnames)
                foreach (var (rule, matches) in rules)
                    for (int i = 0; i < matches.Count; i++)
                        entries.Add(new RouteEntry(rule, matches[i], i, host));
        }
        return attached == 0
            ? new ConditionResult("Accepted", false, "NoMatchingListenerHostname", "No listener hostname intersects the route's hostnames")
            : new ConditionResult("Accepted", true, "Accepted", "Route is accepted");
    }

    private static bool Allows(Listener listener, string gatewayNs, string routeNs, IReferenceResolver refs)
    {
        var kinds = listener.AllowedRoutes?.Kinds;
        if (kinds is { Count: > 0 } && !kinds.Any(k => k.Kind == "HTTPRoute" && (k.Group ?? GatewayApi.Group) == GatewayApi.Group)) return false;
        var from = listener.AllowedRoutes?.Namespaces?.From ?? "Same";
        return from switch
        {
            "All" => true,
            "Same" => routeNs == gatewayNs,
            "Selector" => Controllers.Selectors.Matches(listener.AllowedRoutes!.Namespaces!.Selector, refs.NamespaceLabels(routeNs)),
            _ => false,
        };
    }

    /// <summary>The route's rules with their matches and resolved backends; the message of the first unsupported value, if any.</summary>
    public static (List<(RouteRule Rule, List<RequestMatch> Matches)>, string? Invalid) Compile(RouteInput route, IReferenceResolver refs)
    {
        var result = new List<(RouteRule, List<RequestMatch>)>();
        var specRules = route.Spec.Rules is { Count: > 0 } r ? r : new List<HttpRouteRule> { new(null, null, null) };
        for (int i = 0; i < specRules.Count; i++)
        {
            var rule = specRules[i];
            List<RequestMatch> matches;
            try { matches = (rule.Matches is { Count: > 0 } m ? m : new List<HttpRouteMatch> { new(null, null, null, null) }).Select(x => new RequestMatch(x)).ToList(); }
            catch (ArgumentException e) { return (result, $"rule {i}: {e.Message}"); }
            var filterTypes = (rule.Filters ?? new List<HttpRouteFilter>()).Concat((rule.BackendRefs ?? new List<HttpBackendRef>()).SelectMany(b => b.Filters ?? new List<HttpRouteFilter>()))
                .Select(f => f.Type);
            if (filterTypes.FirstOrDefault(t => !SupportedFilters.Contains(t)) is { } unsupported)
                return (result, $"rule {i}: filter type {unsupported} is not supported by this controller");
            var backends = (rule.BackendRefs ?? new List<HttpBackendRef>()).Select(b => Resolve(b, route.Id.Namespace, refs)).ToList();
            result.Add((new RouteRule(route.Id, i, rule.Filters ?? new List<HttpRouteFilter>(), backends), matches));
        }
        return (result, null);
    }

    private static RouteBackend Resolve(HttpBackendRef b, string routeNs, IReferenceResolver refs)
    {
        var ns = b.Namespace ?? routeNs;
        var weight = b.Weight ?? 1;
        var filters = (IReadOnlyList<HttpRouteFilter>?)b.Filters ?? Array.Empty<HttpRouteFilter>();
        string? invalid = null;
        if (!string.IsNullOrEmpty(b.Group) || (b.Kind ?? "Service") != "Service") invalid = $"InvalidKind: {b.Group}/{b.Kind} is not a Service";
        else if (ns != routeNs && !refs.Granted(routeNs, ns, b.Name)) invalid = $"RefNotPermitted: no ReferenceGrant in {ns} allows this reference to Service {b.Name}";
        else if (refs.Service(ns, b.Name) is not { } svc) invalid = $"BackendNotFound: Service {ns}/{b.Name} not found";
        else if (b.Port is not { } port || ServiceEndpoints.PortOf(svc, null, port) is null) invalid = $"BackendNotFound: Service {ns}/{b.Name} has no port {b.Port}";
        return new RouteBackend(ns, b.Name, b.Port ?? 0, weight, invalid, filters);
    }

    private static ConditionResult ResolvedRefs(List<(RouteRule Rule, List<RequestMatch> Matches)> rules)
    {
        var bad = rules.SelectMany(r => r.Rule.Backends).FirstOrDefault(b => b.Invalid is not null);
        if (bad is null) return new ConditionResult("ResolvedRefs", true, "ResolvedRefs", "Resolved all the Object references for the Route");
        var colon = bad.Invalid!.IndexOf(':');
        return new ConditionResult("ResolvedRefs", false, bad.Invalid[..colon], bad.Invalid[(colon + 2)..]);
    }
}
