using System.Diagnostics;
using System.Net;
using System.Net.Http;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace PracticeK8s.Sandbox.Networking.Http;

/// <summary>
/// The HTTP data plane shared by Ingress and Gateway routing: forwards one request to a pod's
/// port with YARP's forwarder, over a connection the <see cref="IPodConnector"/> opens (so it
/// reaches the pod through the cluster network). A transformer rewrites path and headers
/// (rewrite-target, URL rewrite, header modifiers).
/// </summary>
public sealed class BackendForwarder : IDisposable
{
    private readonly IHttpForwarder _forwarder;
    private readonly HttpMessageInvoker _client;

    public BackendForwarder(IHttpForwarder forwarder, IPodConnector connector)
    {
        _forwarder = forwarder;
        _client = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = false,
            ActivityHeadersPropagator = null,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectCallback = async (context, ct) =>
                await connector.ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, ct)
                ?? throw new HttpRequestException($"connection refused by {context.DnsEndPoint.Host}:{context.DnsEndPoint.Port}"),
        });
    }

    /// <summary>Forwards the request to <paramref name="podIp"/>:<paramref name="port"/>; false when the pod could not be reached (the caller answers 502/503).</summary>
    public async Task<bool> ForwardAsync(HttpContext context, string podIp, int port, HttpTransformer? transformer = null)
    {
        var error = await _forwarder.SendAsync(context, $"http://{podIp}:{port}/", _client,
            new ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromMinutes(2) }, transformer ?? HttpTransformer.Default);
        return error == ForwarderError.None;
    }

    public void Dispose() => _client.Dispose();
}
