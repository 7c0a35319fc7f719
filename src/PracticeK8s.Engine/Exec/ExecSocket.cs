using System.Net;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Engine.Exec;

/// <summary>
/// Opens the pods/exec WebSocket. The upgrade request goes through the connection's own HttpClient
/// (its TLS trust, client certificate and handlers) with the kubeconfig's credentials as headers,
/// and offers the channel sub-protocols in order of preference so one handshake settles v5 or v4.
/// Built on ClientWebSocket rather than KubernetesClient's WebSocketNamespacedPodExecAsync, which
/// offers a single sub-protocol, connects without the caller's cancellation token, and on a refused
/// upgrade repeats the request without credentials to read the error.
/// </summary>
internal static class ExecSocket
{
    public static async Task<WebSocket> ConnectAsync(KubeConnection connection, string path, IReadOnlyList<string> protocols,
        CancellationToken cancel)
    {
        var client = connection.Client;
        var uri = new UriBuilder(new Uri(client.BaseUri, path.TrimStart('/')))
        {
            Scheme = client.BaseUri.Scheme == "https" ? "wss" : "ws",
        }.Uri;
        var socket = new ClientWebSocket();
        foreach (var protocol in protocols)
            socket.Options.AddSubProtocol(protocol);
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(5);
        if (client.Credentials is not null)
        {
            using var probe = new HttpRequestMessage(HttpMethod.Get, uri);
            await client.Credentials.ProcessHttpRequestAsync(probe, cancel).ConfigureAwait(false);
            foreach (var header in probe.Headers)
                socket.Options.SetRequestHeader(header.Key, string.Join(" ", header.Value));
        }
        Http.RequestLog.WriteVerboseText($"GET {uri.PathAndQuery} (WebSocket upgrade, offering {string.Join(", ", protocols)})");
        // The upgrade is bounded like any request; the stream after it has no deadline (keep-alive notices a dead peer).
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        if (Http.RequestTimeout.Current is { } limit)
            deadline.CancelAfter(limit);
        try
        {
            await socket.ConnectAsync(uri, client.HttpClient, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !cancel.IsCancellationRequested)
        {
            socket.Dispose();
            throw new KubeException($"Unable to connect to the server {connection.Server}: the WebSocket upgrade of {uri.AbsolutePath} timed out after " +
                $"{Http.RequestTimeout.Format(Http.RequestTimeout.Current ?? TimeSpan.Zero)} (the request timeout; -RequestTimeout sets another, 0 for none)",
                "KubeTimeout", System.Management.Automation.ErrorCategory.OperationTimeout, connection.Server, e);
        }
        catch (WebSocketException e) when (!cancel.IsCancellationRequested)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            if (status is 0)
            {
                if (e.InnerException is KubeException transport)
                    throw transport;
                throw new KubeException($"Unable to connect to the server {connection.Server}: cannot open the {uri.AbsolutePath[(uri.AbsolutePath.LastIndexOf('/') + 1)..]} stream: {Http.TransportErrors.Cause(e)}",
                    "KubeConnectionFailed", System.Management.Automation.ErrorCategory.ConnectionError, path, e);
            }
            // The refusal's body is not exposed by ClientWebSocket: ask the same URL without the upgrade for the Status.
            throw await RefusalAsync(connection, path, status, cancel).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        socket.HttpResponseHeaders = null;
        return socket;
    }

    private static async Task<Exception> RefusalAsync(KubeConnection connection, string path, HttpStatusCode status, CancellationToken cancel)
    {
        try
        {
            using var response = await connection.Api.SendAsync(HttpMethod.Get, path, null, cancel).ConfigureAwait(false);
        }
        catch (KubeApiException api) when (api.StatusCode != HttpStatusCode.BadRequest || api.Reason != "BadRequest" || !api.Message.Contains("Upgrade", StringComparison.OrdinalIgnoreCase))
        {
            return api;
        }
        catch (KubeApiException)
        {
            // "Upgrade request required": no more detail than the status code.
        }
        return KubeApiException.FromResponse(status, null, "GET", path, null);
    }

    /// <summary>The pods/attach URL with kubectl's query: the container and the stream flags.</summary>
    public static string AttachPath(string ns, string pod, string container, bool stdin, bool stdout, bool stderr, bool tty) =>
        ExecPath(ns, pod, container, [], stdin, stdout, stderr, tty).Replace("/exec?", "/attach?", StringComparison.Ordinal);

    /// <summary>The pods/exec URL with kubectl's query: one command= per argument, then the stream flags.</summary>
    public static string ExecPath(string ns, string pod, string container, IReadOnlyList<string> command, bool stdin, bool stdout, bool stderr, bool tty)
    {
        var query = new StringBuilder();
        foreach (var arg in command)
            query.Append("command=").Append(Uri.EscapeDataString(arg)).Append('&');
        query.Append("container=").Append(Uri.EscapeDataString(container));
        query.Append("&stdin=").Append(stdin ? "true" : "false");
        query.Append("&stdout=").Append(stdout ? "true" : "false");
        query.Append("&stderr=").Append(stderr ? "true" : "false");
        query.Append("&tty=").Append(tty ? "true" : "false");
        return $"/api/v1/namespaces/{Uri.EscapeDataString(ns)}/pods/{Uri.EscapeDataString(pod)}/exec?{query}";
    }
}
