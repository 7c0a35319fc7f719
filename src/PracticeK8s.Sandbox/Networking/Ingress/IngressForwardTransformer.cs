using System.Net.Http;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace PracticeK8s.Sandbox.Networking.Ingress;

/// <summary>
/// What ingress-nginx's <c>proxy_pass</c> sends upstream: the (possibly rewritten) path and query, the
/// client's Host kept, and the X-Forwarded-*/X-Real-IP/X-Request-ID headers it sets (client-sent
/// X-Forwarded-* replaced: <c>use-forwarded-headers</c> is off by default).
/// </summary>
public sealed class IngressForwardTransformer(string path, string query, string scheme, int serverPort, string requestId) : HttpTransformer
{
    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix,
        CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        proxyRequest.RequestUri = RequestUtilities.MakeDestinationAddress(destinationPrefix, new PathString(path), new QueryString(query.Length == 0 ? null : query));
        proxyRequest.Headers.Host = httpContext.Request.Host.Value;
        var client = httpContext.Connection.RemoteIpAddress?.MapToIPv4().ToString() ?? "127.0.0.1";
        var host = IngressRouteTable.NormalizeHost(httpContext.Request.Host.Value);
        Set(proxyRequest, "X-Request-ID", requestId);
        Set(proxyRequest, "X-Real-IP", client);
        Set(proxyRequest, "X-Forwarded-For", client);
        Set(proxyRequest, "X-Forwarded-Host", host);
        Set(proxyRequest, "X-Forwarded-Port", serverPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set(proxyRequest, "X-Forwarded-Proto", scheme);
        Set(proxyRequest, "X-Forwarded-Scheme", scheme);
        Set(proxyRequest, "X-Scheme", scheme);
    }

    private static void Set(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }
}
