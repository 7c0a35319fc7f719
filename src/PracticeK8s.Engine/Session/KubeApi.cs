using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using k8s;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.Session;

/// <summary>
/// The REST layer: one request path for every resource kind (discovery decides the URL), with the
/// client's credentials, retries and request log applied, and non-success answers turned into
/// <see cref="KubeApiException"/>.
/// </summary>
public sealed class KubeApi
{
    private readonly KubeConnection _connection;

    internal KubeApi(KubeConnection connection) => _connection = connection;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, HttpContent? content,
        CancellationToken cancel, string? accept = "application/json", bool stream = false)
    {
        var client = _connection.Client;
        var request = new HttpRequestMessage(method, new Uri(client.BaseUri, pathAndQuery.TrimStart('/'))) { Content = content };
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);
        if (client.Credentials is not null)
            await client.Credentials.ProcessHttpRequestAsync(request, cancel).ConfigureAwait(false);
        var response = await client.HttpClient.SendAsync(request,
            stream ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, cancel).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
            return response;
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
            throw KubeApiException.FromResponse(response.StatusCode, body, method.Method, request.RequestUri!.PathAndQuery,
                response.Headers.RetryAfter?.Delta);
        }
    }

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
