using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using k8s;
using System.Management.Automation;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Http;

namespace PracticeK8s.Engine.Session;

/// <summary>
/// The REST layer: one request path for every resource kind (discovery decides the URL), with the
/// client's credentials, retries and request log applied, a deadline on every request, and
/// non-success answers turned into <see cref="KubeApiException"/>.
/// </summary>
public sealed class KubeApi
{
    private readonly KubeConnection _connection;

    internal KubeApi(KubeConnection connection) => _connection = connection;

    /// <summary>
    /// Sends one request. Its time is bounded by <see cref="RequestTimeout.Current"/> (retries included):
    /// the whole exchange, or with <paramref name="stream"/> the response headers and then every read of
    /// the body; an <paramref name="endless"/> stream (watch, logs -Follow) is bounded only until its
    /// headers arrive, its body is read for as long as the server sends it.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, HttpContent? content,
        CancellationToken cancel, string? accept = "application/json", bool stream = false, bool endless = false)
    {
        var client = _connection.Client;
        var request = new HttpRequestMessage(method, new Uri(client.BaseUri, pathAndQuery.TrimStart('/'))) { Content = content };
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);
        var limit = RequestTimeout.Current;
        var deadline = limit is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline?.CancelAfter(limit!.Value);
        var token = deadline?.Token ?? cancel;
        var what = $"{method} {request.RequestUri!.PathAndQuery}";
        bool deadlineHandedOver = false;
        try
        {
            HttpResponseMessage response;
            try
            {
                if (client.Credentials is not null)
                    await client.Credentials.ProcessHttpRequestAsync(request, token).ConfigureAwait(false);
                response = await client.HttpClient.SendAsync(request,
                    stream ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (deadline is { IsCancellationRequested: true } && !cancel.IsCancellationRequested)
            {
                throw TimedOut(what, stream ? "awaiting the response headers" : "awaiting the response", limit!.Value, e);
            }
            if (response.IsSuccessStatusCode)
            {
                if (stream && !endless && deadline is not null)
                {
                    var timeLimit = limit!.Value;
                    response.Content = new DeadlineContent(response.Content, deadline,
                        e => TimedOut(what, "while reading the response body", timeLimit, e), e => BrokenBody(what, e));
                    deadlineHandedOver = true;
                }
                return response;
            }
            using (response)
            {
                string body;
                try
                {
                    body = await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (deadline is { IsCancellationRequested: true } && !cancel.IsCancellationRequested)
                {
                    throw TimedOut(what, "while reading the response body", limit!.Value, e);
                }
                throw KubeApiException.FromResponse(response.StatusCode, body, method.Method, request.RequestUri!.PathAndQuery,
                    response.Headers.RetryAfter?.Delta);
            }
        }
        finally
        {
            if (!deadlineHandedOver)
                deadline?.Dispose();
        }
    }

    private KubeException TimedOut(string request, string phase, TimeSpan limit, Exception cause) =>
        new($"Unable to connect to the server {_connection.Server}: {request} timed out {phase} after {RequestTimeout.Format(limit)} " +
            "(the request timeout; -RequestTimeout sets another, 0 for none)", "KubeTimeout", ErrorCategory.OperationTimeout, _connection.Server, cause);

    private KubeException BrokenBody(string request, Exception cause) =>
        new($"Unable to connect to the server {_connection.Server}: {request}: the connection broke while reading the response body: {TransportErrors.Cause(cause)}",
            "KubeConnectionFailed", ErrorCategory.ConnectionError, _connection.Server, cause);

    public async Task<string> GetStringAsync(string pathAndQuery, CancellationToken cancel)
    {
        using var response = await SendAsync(HttpMethod.Get, pathAndQuery, null, cancel).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
    }

    public async Task<T> GetAsync<T>(string pathAndQuery, CancellationToken cancel)
    {
        var json = await GetStringAsync(pathAndQuery, cancel).ConfigureAwait(false);
        return KubernetesJson.Deserialize<T>(json);
    }

    public async Task<ServerVersionInfo> GetVersionAsync(CancellationToken cancel)
    {
        var json = await GetStringAsync("/version", cancel).ConfigureAwait(false);
        using var doc = JsonDocument.Parse(json);
        string Get(string name) => doc.RootElement.TryGetProperty(name, out var v) ? v.GetString() ?? "" : "";
        return new ServerVersionInfo(Get("major"), Get("minor"), Get("gitVersion"), Get("platform"), Get("goVersion"), Get("buildDate"));
    }

    /// <summary>The names of a collection's items (metadata only; used by completion).</summary>
    public async Task<IReadOnlyList<string>> ListNamesAsync(string collectionPath, CancellationToken cancel)
    {
        var json = await GetStringAsync(collectionPath, cancel).ConfigureAwait(false);
        using var doc = JsonDocument.Parse(json);
        var names = new List<string>();
        if (doc.RootElement.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                if (item.TryGetProperty("metadata", out var meta) && meta.TryGetProperty("name", out var name) && name.GetString() is { } n)
                    names.Add(n);
            }
        }
        return names;
    }

    public static StringContent Json(string json, string mediaType = "application/json") =>
        new(json, System.Text.Encoding.UTF8, new MediaTypeHeaderValue(mediaType));
}

/// <summary>What /version reports.</summary>
public sealed record ServerVersionInfo(string Major, string Minor, string GitVersion, string Platform, string GoVersion, string BuildDate);
