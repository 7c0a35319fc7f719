using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Session;
using PracticeK8s.Engine.Yaml;

namespace PracticeK8s.Engine.Api;

/// <summary>
/// Reads any kind through one code path: pages of a list streamed object by object, single
/// objects, and watches that resume from the last resourceVersion and re-list when it is too old.
/// Objects come back as typed models for built-in kinds and as generic objects otherwise.
/// </summary>
public sealed class KubeResourceClient
{
    private readonly KubeApi _api;

    public KubeResourceClient(KubeConnection connection) => _api = connection.Api;

    /// <summary>
    /// The objects of a list, page by page: typed models for built-in kinds, generic objects otherwise.
    /// <paramref name="position"/>, when given, receives the list's resourceVersion once the first page
    /// has been read (where a watch of the same list starts).
    /// </summary>
    public async IAsyncEnumerable<object> ListAsync(ResourceKind kind, string? ns, ListOptions options,
        [EnumeratorCancellation] CancellationToken cancel, ListPosition? position = null)
    {
        await foreach (var page in ListPagesAsync(kind, ns, options, cancel, position).ConfigureAwait(false))
        {
            foreach (var obj in page)
                yield return obj;
        }
    }

    /// <summary>The same list as <see cref="ListAsync"/>, one page (the server's chunk) at a time.</summary>
    public async IAsyncEnumerable<IReadOnlyList<object>> ListPagesAsync(ResourceKind kind, string? ns, ListOptions options,
        [EnumeratorCancellation] CancellationToken cancel, ListPosition? position = null)
    {
        string? token = null;
        bool first = true;
        do
        {
            var path = kind.CollectionPath(ns) + options.Query(token);
            var objects = new List<object>();
            using (var response = await _api.SendAsync(HttpMethod.Get, path, null, cancel, stream: true).ConfigureAwait(false))
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
                using var page = await JsonDocument.ParseAsync(body, cancellationToken: cancel).ConfigureAwait(false);
                var root = page.RootElement;
                token = null;
                if (root.TryGetProperty("metadata", out var meta))
                {
                    if (meta.TryGetProperty("continue", out var c) && c.GetString() is { Length: > 0 } next)
                        token = next;
                    if (first && position is not null && meta.TryGetProperty("resourceVersion", out var rv))
                        position.ResourceVersion = rv.GetString();
                }
                first = false;
                if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in items.EnumerateArray())
                        objects.Add(ToObject(kind, item));
                }
            }
            yield return objects;
        }
        while (token is not null);
    }

    public async Task<object> GetAsync(ResourceKind kind, string? ns, string name, CancellationToken cancel)
    {
        using var response = await _api.SendAsync(HttpMethod.Get, kind.ObjectPath(ns, name), null, cancel).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        using var doc = await JsonDocument.ParseAsync(body, cancellationToken: cancel).ConfigureAwait(false);
        return ToObject(kind, doc.RootElement);
    }

    /// <summary>The object as JSON (no model conversion): what apply, edit and patch computations work on.</summary>
    public async Task<JsonObject> GetJsonAsync(ResourceKind kind, string? ns, string name, CancellationToken cancel, string? subresource = null)
    {
        var path = kind.ObjectPath(ns, name) + (subresource is null ? "" : "/" + subresource);
        var json = await _api.GetStringAsync(path, cancel).ConfigureAwait(false);
        return JsonNode.Parse(json)!.AsObject();
    }

    public Task<JsonObject> CreateAsync(ResourceKind kind, string? ns, JsonObject body, WriteQuery options, CancellationToken cancel) =>
        SendJsonAsync(HttpMethod.Post, kind.CollectionPath(kind.Namespaced ? ns : null) + options.Query(), body.ToJsonString(), "application/json", cancel);

    public Task<JsonObject> ReplaceAsync(ResourceKind kind, string? ns, string name, JsonObject body, WriteQuery options, CancellationToken cancel,
        string? subresource = null) =>
        SendJsonAsync(HttpMethod.Put, kind.ObjectPath(ns, name) + (subresource is null ? "" : "/" + subresource) + options.Query(),
            body.ToJsonString(), "application/json", cancel);

    public Task<JsonObject> PatchAsync(ResourceKind kind, string? ns, string name, string patchType, string patch, WriteQuery options,
        CancellationToken cancel, string? subresource = null) =>
        SendJsonAsync(HttpMethod.Patch, kind.ObjectPath(ns, name) + (subresource is null ? "" : "/" + subresource) + options.Query(),
            patch, patchType, cancel);

    /// <summary>Deletes one object; the answer is the object (with deletionTimestamp when deletion is graceful) or a Status.</summary>
    public Task<JsonObject> DeleteAsync(ResourceKind kind, string? ns, string name, DeleteOptions options, CancellationToken cancel) =>
        SendJsonAsync(HttpMethod.Delete, kind.ObjectPath(ns, name) + (options.DryRun ? "?dryRun=All" : ""), options.ToJson(), "application/json", cancel);

    /// <summary>POST to a subresource (pods/eviction, pods/binding).</summary>
    public Task<JsonObject> PostSubresourceAsync(ResourceKind kind, string? ns, string name, string subresource, JsonObject body, CancellationToken cancel) =>
        SendJsonAsync(HttpMethod.Post, kind.ObjectPath(ns, name) + "/" + subresource, body.ToJsonString(), "application/json", cancel);

    private async Task<JsonObject> SendJsonAsync(HttpMethod method, string path, string body, string contentType, CancellationToken cancel)
    {
        using var response = await _api.SendAsync(method, path, KubeApi.Json(body, contentType), cancel).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>A typed model (or generic object) for a JSON object the server returned.</summary>
    public static object ToObject(ResourceKind kind, JsonObject node) =>
        ToObject(kind, JsonSerializer.SerializeToElement(node));

    /// <summary>The watch's own server-side bound (timeoutSeconds): a healthy server ends each watch request by then.</summary>
    private const int WatchTimeoutSeconds = 300;

    /// <summary>
    /// How long a watch may stay completely silent before it is taken for dead and resumed: the
    /// server ends each watch after <see cref="WatchTimeoutSeconds"/>, so a minute beyond that
    /// means the peer stopped answering (TCP keep-alive catches a peer that vanished sooner).
    /// </summary>
    public TimeSpan WatchSilenceLimit { get; init; } = TimeSpan.FromSeconds(WatchTimeoutSeconds + 60);

    /// <summary>
    /// Changes after <paramref name="resourceVersion"/> until cancelled. A dropped connection, a
    /// server-side timeout or a watch silent for longer than <see cref="WatchSilenceLimit"/> resumes
    /// from the last version seen; a version the server no longer has (410 Gone) re-lists and
    /// reports every current object as ADDED, then goes on.
    /// </summary>
    public async IAsyncEnumerable<WatchEvent> WatchAsync(ResourceKind kind, string? ns, ListOptions options, string? resourceVersion,
        [EnumeratorCancellation] CancellationToken cancel)
    {
        var version = resourceVersion;
        int failures = 0;
        while (!cancel.IsCancellationRequested)
        {
            var events = new List<WatchEvent>();
            bool expired = false;
            HttpResponseMessage? response = null;
            try
            {
                response = await _api.SendAsync(HttpMethod.Get, kind.CollectionPath(ns) + options.Query(resourceVersion: version, watch: true, timeoutSeconds: WatchTimeoutSeconds),
                    null, cancel, stream: true, endless: true).ConfigureAwait(false);
                failures = 0;
            }
            catch (KubeApiException e) when (e.IsGone)
            {
                expired = true;
            }
            catch (KubeException e) when (e.ErrorId == "KubeConnectionFailed" && ++failures < 5)
            {
                RequestLogWrite($"watch of {kind.QualifiedPlural} lost its connection ({e.Message}); reconnecting");
                await Task.Delay(TimeSpan.FromMilliseconds(200 * failures), cancel).ConfigureAwait(false);
                continue;
            }

            if (response is not null)
            {
                using (response)
                {
                    var stream = await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
                    using var reader = new StreamReader(stream);
                    using var silence = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                    while (true)
                    {
                        string? line;
                        try
                        {
                            silence.CancelAfter(WatchSilenceLimit);
                            line = await reader.ReadLineAsync(silence.Token).ConfigureAwait(false);
                        }
                        catch (Exception e) when (e is IOException or HttpRequestException && !cancel.IsCancellationRequested)
                        {
                            RequestLogWrite($"watch of {kind.QualifiedPlural} was cut ({e.Message}); resuming from {version}");
                            break;
                        }
                        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                        {
                            RequestLogWrite($"watch of {kind.QualifiedPlural} was silent for {Http.RequestTimeout.Format(WatchSilenceLimit)}; resuming from {version}");
                            break;
                        }
                        if (line is null)
                        {
                            RequestLogWrite($"watch of {kind.QualifiedPlural} ended; resuming from {version}");
                            break;
                        }
                        if (line.Length == 0)
                            continue;
                        var parsed = ParseEvent(kind, line, out var eventVersion, out var gone);
                        if (gone)
                        {
                            expired = true;
                            break;
                        }
                        if (eventVersion is not null)
                            version = eventVersion;
                        if (parsed is not null)
                            yield return parsed;
                    }
                }
            }

            if (expired)
            {
                RequestLogWrite($"watch of {kind.QualifiedPlural}: resourceVersion {version} is too old; listing again");
                var relisted = new ListPosition();
                await foreach (var obj in ListAsync(kind, ns, options, cancel, relisted).ConfigureAwait(false))
                    events.Add(new WatchEvent("ADDED", obj));
                version = relisted.ResourceVersion;
                foreach (var e in events)
                    yield return e;
            }
        }
    }

    private WatchEvent? ParseEvent(ResourceKind kind, string line, out string? version, out bool gone)
    {
        version = null;
        gone = false;
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        var type = root.GetProperty("type").GetString() ?? "";
        var obj = root.GetProperty("object");
        if (type == "ERROR")
        {
            var code = obj.TryGetProperty("code", out var c) ? c.GetInt32() : 0;
            if (code == 410)
            {
                gone = true;
                return null;
            }
            throw KubeApiException.FromResponse((System.Net.HttpStatusCode)(code == 0 ? 500 : code), obj.GetRawText(), "WATCH", kind.QualifiedPlural, null);
        }
        if (obj.TryGetProperty("metadata", out var meta) && meta.TryGetProperty("resourceVersion", out var rv))
            version = rv.GetString();
        return type == "BOOKMARK" ? null : new WatchEvent(type, ToObject(kind, obj));
    }

    /// <summary>A typed model when the kind has one (apiVersion/kind filled in, as list items lack them), else a generic object.</summary>
    public static object ToObject(ResourceKind kind, JsonElement element)
    {
        var type = kind.ModelType;
        if (type is null)
        {
            var node = JsonNode.Parse(element.GetRawText())!.AsObject();
            node["apiVersion"] ??= kind.ApiVersion;
            node["kind"] ??= kind.Kind;
            return PSObjectJson.ToGenericObject(node);
        }
        var model = ModelTypes.FromJson(element, type);
        if (model is k8s.IKubernetesObject typed)
        {
            typed.ApiVersion ??= kind.ApiVersion;
            typed.Kind ??= kind.Kind;
        }
        return model;
    }

    private static void RequestLogWrite(string text) => Http.RequestLog.WriteVerboseText(text);
}
