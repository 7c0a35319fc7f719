using System.Net.Http;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace PracticeK8s.Sandbox.Networking.Gateway;

/// <summary>
/// How a request leaves the gateway for its backend: the client's Host is kept (or replaced by a
/// URLRewrite hostname), X-Forwarded-For and X-Forwarded-Proto are added, the path rewritten by
/// URLRewrite, request headers changed by RequestHeaderModifier, and the response's by
/// ResponseHeaderModifier, in filter order.
/// </summary>
public sealed class RouteTransformer(IReadOnlyList<HttpRouteFilter> filters, RequestMatch match) : HttpTransformer
{
    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix,
        CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        var request = httpContext.Request;
        // what a gateway tells its backends about the client (a filter may still change them)
        if (httpContext.Connection.RemoteIpAddress is { } client) proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-For", client.ToString());
        proxyRequest.Headers.Remove("X-Forwarded-Proto");
        proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-Proto", request.Scheme);
        var host = request.Host.HasValue ? request.Host.Value : null;
        var path = request.Path.HasValue ? request.Path.Value! : "/";
        foreach (var filter in filters)
        {
            if (filter.Type == "RequestHeaderModifier" && filter.RequestHeaderModifier is { } modifier) RouteFilters.Apply(modifier, proxyRequest);
            else if (filter.Type == "URLRewrite" && filter.UrlRewrite is { } rewrite)
            {
                if (!string.IsNullOrEmpty(rewrite.Hostname)) host = rewrite.Hostname;
                if (rewrite.Path is { } p) path = RouteFilters.RewritePath(path, p, match);
            }
        }
        proxyRequest.Headers.Host = host;
        proxyRequest.RequestUri = RequestUtilities.MakeDestinationAddress(destinationPrefix, new PathString(path), request.QueryString);
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var proceed = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        foreach (var filter in filters)
            if (filter.Type == "ResponseHeaderModifier" && filter.ResponseHeaderModifier is { } modifier)
                RouteFilters.Apply(modifier, httpContext.Response.Headers);
        return proceed;
    }
}
