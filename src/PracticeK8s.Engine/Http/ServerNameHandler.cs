using System.Net.Http;

namespace PracticeK8s.Engine.Http;

/// <summary>
/// The kubeconfig's tls-server-name: the name sent in TLS (SNI) and checked against the server's
/// certificate instead of the URL's host. The HTTP client takes both from the Host header, so the
/// request carries that name there; API servers do not route on Host.
/// </summary>
internal sealed class ServerNameHandler : DelegatingHandler
{
    private readonly string _serverName;

    public ServerNameHandler(string serverName) => _serverName = serverName;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri)
            request.Headers.Host = uri.IsDefaultPort ? _serverName : $"{_serverName}:{uri.Port}";
        return base.SendAsync(request, cancellationToken);
    }
}
