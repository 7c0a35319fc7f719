using System.Management.Automation;
using System.Net.Http;
using System.Security.Authentication;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.Http;

/// <summary>Turns transport failures into errors that name the server, as kubectl's "Unable to connect to the server" does.</summary>
internal sealed class ConnectionErrorHandler : DelegatingHandler
{
    private readonly string _server;

    public ConnectionErrorHandler(string server) => _server = server;

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
            throw new KubeException($"Unable to connect to the server {_server}: the request timed out", "KubeTimeout",
                ErrorCategory.OperationTimeout, _server, e);
        }
    }

    private KubeException Describe(HttpRequestException e)
    {
        var cause = e.InnerException is AuthenticationException auth
            ? $"TLS handshake failed: {auth.InnerException?.Message ?? auth.Message}"
            : e.Message;
        return new KubeException($"Unable to connect to the server {_server}: {cause}", "KubeConnectionFailed",
            ErrorCategory.ConnectionError, _server, e,
            recommendedAction: "Check that the cluster is running and that the kubeconfig's server address is right.");
    }
}
