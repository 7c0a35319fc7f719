using Microsoft.AspNetCore.Http;
using PracticeK8s.Sandbox.Controllers;
using PracticeK8s.Sandbox.Networking.Http;

namespace PracticeK8s.Sandbox.Networking.Gateway;

/// <summary>
/// The Gateway data plane for one request: the route the listener's table selects, its redirect or
/// its weighted backend, a ready endpoint of that Service port, and the forward with the rule's
/// filters. No route: 404; no valid backend: 500 (as the spec asks); no ready endpoint or none
/// reachable: 503.
/// </summary>
public sealed class GatewayRouter
{
    private readonly Func<RouteBackend, List<ServiceEndpoint>> _endpoints;
    private readonly BackendForwarder _forwarder;

    public GatewayRouter(ClusterAccess cluster, BackendForwarder forwarder) : this(b => ReadyEndpoints(cluster, b), forwarder) { }

    /// <param name="endpoints">the ready endpoints of a backend's Service port.</param>
    internal GatewayRouter(Func<RouteBackend, List<ServiceEndpoint>> endpoints, BackendForwarder forwarder)
    {
        _endpoints = endpoints;
        _forwarder = forwarder;
    }

    private static List<ServiceEndpoint> ReadyEndpoints(ClusterAccess cluster, RouteBackend backend)
    {
        var portName = cluster.Get<k8s.Models.V1Service>("/services", backend.Namespace, backend.Service) is { } svc
            ? ServiceEndpoints.PortOf(svc.Model, null, backend.Port)?.Name : null;
        return ServiceEndpoints.Ready(cluster, backend.Namespace, backend.Service, portName);
    }

    public async Task HandleAsync(HttpContext context, PortRoutes routes, int listenerPort)
    {
        var entry = routes.Select(context.Request);
        if (entry is null)
        {
            await Answer(context, StatusCodes.Status404NotFound, "no route matches\n");
            return;
        }
        var rule = entry.Rule;
        if (rule.Filters.FirstOrDefault(f => f.Type == "RequestRedirect")?.RequestRedirect is { } redirect)
        {
            context.Response.StatusCode = redirect.StatusCode ?? StatusCodes.Status302Found;
            context.Response.Headers.Location = RouteFilters.RedirectLocation(redirect, context.Request, entry.Match, listenerPort);
            return;
        }
        var backend = BackendPicker.Pick(rule.Backends, Random.Shared);
        if (backend is null || backend.Invalid is not null)
        {
            await Answer(context, StatusCodes.Status500InternalServerError, backend?.Invalid is { } why ? why + "\n" : "no backend\n");
            return;
        }
        var endpoints = _endpoints(backend);
        var transformer = new RouteTransformer(rule.Filters.Concat(backend.Filters).ToList(), entry.Match);
        var start = endpoints.Count == 0 ? 0 : Random.Shared.Next(endpoints.Count);
        for (int i = 0; i < endpoints.Count; i++)
        {
            var endpoint = endpoints[(start + i) % endpoints.Count];
            if (await _forwarder.ForwardAsync(context, endpoint.PodIp, endpoint.Port, transformer)) return;
            if (context.Response.HasStarted) return;
            context.Response.Clear(); // refused before anything was sent: try the next endpoint
        }
        await Answer(context, StatusCodes.Status503ServiceUnavailable, "no healthy upstream\n");
    }

    private static async Task Answer(HttpContext context, int status, string body)
    {
        if (context.Response.HasStarted) return;
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(body);
    }
}
