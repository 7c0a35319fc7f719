using System.Management.Automation;
using System.Net.Http;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.Http;

/// <summary>Turns transport failures into errors that name the server, as kubectl's "Unable to connect to the server" does.</summary>
internal sealed class ConnectionErrorHandler : DelegatingHandler
{
    private readonly string _server;
    private readonly TimeSpan _connectTimeout;

    public ConnectionErrorHandler(string server, TimeSpan connectTimeout)
    {
        _server = server;
        _connectTimeout = connectTimeout;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw Describe(e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Only the handler's own connect bound cancels without the caller's token.
            throw new KubeException($"Unable to connect to the server {_server}: the TCP connection and TLS handshake did not complete within {RequestTimeout.Format(_connectTimeout)}",
                "KubeTimeout", ErrorCategory.OperationTimeout, _server, e);
        }
    }

    private KubeException Describe(HttpRequestException e) =>
        new($"Unable to connect to the server {_server}: {TransportErrors.Cause(e)}", "KubeConnectionFailed",
            ErrorCategory.ConnectionError, _server, e,
            recommendedAction: "Check that the cluster is running and that the kubeconfig's server address (and certificate authority) is right.");
}
