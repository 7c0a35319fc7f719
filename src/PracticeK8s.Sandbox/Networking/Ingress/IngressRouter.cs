using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using k8s.Models;
using Microsoft.AspNetCore.Http;
using PracticeK8s.Sandbox.Controllers;
using PracticeK8s.Sandbox.Networking.Http;

namespace PracticeK8s.Sandbox.Networking.Ingress;

/// <summary>
/// ingress-nginx's data plane: routes a request by the current <see cref="IngressRoutes"/> table to a
/// ready endpoint of the backend Service port (round robin, read from Endpoints on every request so it
/// follows pods as they come and go), through <see cref="BackendForwarder"/>; answers nginx's own pages
/// otherwise: 404 (no route), 308 (https redirect), 503 (no ready endpoint), 502 (none reachable).
/// </summary>
public sealed class IngressRouter(ClusterAccess cluster, BackendForwarder forwarder, IngressRoutes routes, IngressCertificates certificates)
    : IIngressDataPlane
{
    private const string DefaultUpstream = "upstream-default-backend";
    private const int MaxAttempts = 3; // proxy_next_upstream_tries

    private readonly ConcurrentDictionary<string, int> _turn = new();

    public X509Certificate2 CertificateFor(string? serverName) => certificates.For(routes.Current, serverName);

    public async Task<string> ServeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        var https = http.Request.IsHttps;
        var requestId = Guid.NewGuid().ToString("N");
        var path = http.Request.Path.Value is { Length: > 0 } p ? p : "/";
        var query = http.Request.QueryString.Value ?? "";
        var decision = routes.Current.Route(http.Request.Host.Value, path, query);
        var upstream = DefaultUpstream;
        var upstreamAddress = "-";
        string upstreamStatus = "-";
        if (decision is null)
            await Page(http, 404);
        else if (decision.SslRedirect && !https)
        {
            http.Response.Headers.Location = $"https://{IngressRouteTable.NormalizeHost(http.Request.Host.Value)}{path}{query}";
            await Page(http, 308);
        }
        else if (decision.Backend is not { } backend)
            await Page(http, 503);
        else
        {
            upstream = backend.UpstreamName;
            var endpoints = Endpoints(backend);
            if (endpoints.Count == 0) await Page(http, 503);
            else
            {
                var transformer = new IngressForwardTransformer(decision.Path, decision.Query, https ? "https" : "http", https ? 443 : 80, requestId);
                var first = _turn.AddOrUpdate($"{backend.Namespace}/{backend.Service}/{endpoints[0].Port}", 0, (_, n) => unchecked(n + 1) & int.MaxValue);
                var attempts = HasBody(http.Request) ? 1 : Math.Min(MaxAttempts, endpoints.Count);
                var tried = new List<string>();
                var forwarded = false;
                for (int i = 0; i < attempts && !forwarded; i++)
                {
                    var endpoint = endpoints[(first + i) % endpoints.Count];
                    tried.Add($"{endpoint.PodIp}:{endpoint.Port}");
                    if (i > 0 && http.Response.HasStarted) break;
                    if (i > 0) http.Response.StatusCode = StatusCodes.Status200OK;
                    forwarded = await forwarder.ForwardAsync(http, endpoint.PodIp, endpoint.Port, transformer);
                }
                upstreamAddress = string.Join(", ", tried);
                upstreamStatus = http.Response.StatusCode.ToString(CultureInfo.InvariantCulture);
                if (!forwarded && !http.Response.HasStarted) await Page(http, 502);
            }
        }
        return AccessLog(http, started, upstream, upstreamAddress, upstreamStatus, requestId);
    }

    /// <summary>The ready endpoints of the backend's Service port (the Service's port by number or name).</summary>
    public List<ServiceEndpoint> Endpoints(IngressBackend backend)
    {
        if (cluster.Get<V1Service>("/services", backend.Namespace, backend.Service) is not { } service) return new List<ServiceEndpoint>();
        if (ServiceEndpoints.PortOf(service.Model, backend.PortName, backend.PortNumber) is not { } port) return new List<ServiceEndpoint>();
        return ServiceEndpoints.Ready(cluster, backend.Namespace, backend.Service, port.Name);
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0;

    private static async Task Page(HttpContext http, int status)
    {
        var body = NginxPages.Page(status);
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html";
        http.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(http.Request.Method)) await http.Response.Body.WriteAsync(body);
    }

    /// <summary>ingress-nginx's <c>upstreaminfo</c> log format.</summary>
    private static string AccessLog(HttpContext http, long started, string upstream, string upstreamAddress, string upstreamStatus, string requestId)
    {
        var r = http.Request;
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
        var when = DateTime.UtcNow.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture);
        var client = http.Connection.RemoteIpAddress?.MapToIPv4().ToString() ?? "-";
        var agent = r.Headers.UserAgent.ToString();
        var referer = r.Headers.Referer.ToString();
        var bytes = http.Response.ContentLength ?? 0;
        var upstreamSeconds = upstreamAddress == "-" ? "-" : seconds;
        var upstreamBytes = upstreamAddress == "-" ? "-" : bytes.ToString(CultureInfo.InvariantCulture);
        return $"{client} - - [{when}] \"{r.Method} {r.Path}{r.QueryString} {r.Protocol}\" {http.Response.StatusCode} {bytes} " +
            $"\"{(referer.Length > 0 ? referer : "-")}\" \"{(agent.Length > 0 ? agent : "-")}\" {r.ContentLength ?? 0} {seconds} " +
            $"[{upstream}] [] {upstreamAddress} {upstreamBytes} {upstreamSeconds} {upstreamStatus} {requestId}";
    }
}
