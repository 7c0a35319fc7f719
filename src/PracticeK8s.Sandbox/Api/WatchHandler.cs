using System.Text.Json;
using PracticeK8s.Sandbox.Api.Tables;
using PracticeK8s.Sandbox.Selectors;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api;

/// <summary>
/// <c>?watch=true</c>: a chunked stream of one JSON event per line. Starts with synthetic ADDEDs
/// (resourceVersion unset/0) or replays kept history after N (410 ERROR event when too old);
/// selector transitions become ADDED/DELETED; BOOKMARKs when allowed; closes after timeoutSeconds.
/// </summary>
public sealed class WatchHandler(SandboxState state)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    public async Task Watch(ApiRequest r)
    {
        var format = ReadHandler.Format(r);
        var labels = LabelSelector.Parse(r.QueryString("labelSelector"));
        var fields = FieldSelector.Parse(r.QueryString("fieldSelector"), r.Def);
        var timeout = r.QueryLong("timeoutSeconds") is { } t && t > 0 ? TimeSpan.FromSeconds(t) : DefaultTimeout;
        var bookmarks = r.QueryBool("allowWatchBookmarks");
        var initialEvents = r.QueryBool("sendInitialEvents");
        var rvParam = r.QueryString("resourceVersion");
        long? after = null;
        if (rvParam is not null and not "0")
            after = long.TryParse(rvParam, out var n) ? n : throw ApiException.BadRequest($"invalid resource version \"{rvParam}\"");
        if (initialEvents && !bookmarks)
            throw ApiException.Invalid("ListOptions.meta.k8s.io", "", "meta.k8s.io", "ListOptions",
                new[] { new StatusCause("FieldValueForbidden", "Forbidden: sendInitialEvents requires setting allowWatchBookmarks to true", "allowWatchBookmarks") });

        bool Matches(StoredObject o) => labels.Matches(o.Labels) && fields.Matches(o);

        var http = r.Http;
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json";
        http.Response.Headers.CacheControl = "no-cache, private";
        var writer = new EventWriter(r, format);

        WatchSubscription sub;
        try
        {
            sub = state.Store.Subscribe(r.Def.StorageKey, r.Target.Namespace, initialEvents ? null : after);
        }
        catch (ResourceVersionTooOldException e)
        {
            await http.Response.StartAsync(r.Aborted);
            var status = ApiException.Expired($"too old resource version: {e.Requested} ({e.Oldest})").ToStatus();
            await writer.WriteRaw("ERROR", Storage.JsonOutput.Bytes(status));
            return;
        }

        using (sub)
        using (var cts = CancellationTokenSource.CreateLinkedTokenSource(r.Aborted, state.Stopping, Faults.FaultInjector.WatchLimit(r.Http)))
        {
            var ct = cts.Token;
            try
            {
                await http.Response.StartAsync(ct);
                await http.Response.Body.FlushAsync(ct);
                long lastRv = sub.StartResourceVersion;
                if (after is null || initialEvents)
                {
                    var (items, rv) = state.Store.List(r.Def.StorageKey, r.Target.Namespace, sub.StartResourceVersion);
                    foreach (var o in items)
                        if (Matches(o)) await writer.Write("ADDED", o, ct);
                    lastRv = rv;
                    if (initialEvents) await writer.Bookmark(r.Def, lastRv, initialEventsEnd: true, ct);
                }
                // The timeout bounds the live part: initial events are always delivered whole.
                cts.CancelAfter(timeout);
                var nextBookmark = DateTime.UtcNow + state.BookmarkInterval;
                while (!ct.IsCancellationRequested)
                {
                    var wait = bookmarks ? nextBookmark - DateTime.UtcNow : Timeout.InfiniteTimeSpan;
                    if (bookmarks && wait <= TimeSpan.Zero)
                    {
                        await writer.Bookmark(r.Def, lastRv, false, ct);
                        nextBookmark = DateTime.UtcNow + state.BookmarkInterval;
                        continue;
                    }
                    using var waitCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    if (bookmarks) waitCts.CancelAfter(wait);
                    bool available;
                    try { available = await sub.WaitToReadAsync(waitCts.Token); }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested) { continue; }
                    if (!available) break; // store closed (shutdown), or this watcher fell behind
                    while (sub.TryRead(out var e))
                    {
                        lastRv = e.ResourceVersion;
                        var now = e.Type != StoreEventType.Deleted && Matches(e.Object);
                        var before = e.Previous is not null && Matches(e.Previous);
                        string? type = e.Type switch
                        {
                            StoreEventType.Added => now ? "ADDED" : null,
                            StoreEventType.Deleted => before ? "DELETED" : null,
                            _ => (before, now) switch
                            {
                                (true, true) => "MODIFIED",
                                (false, true) => "ADDED",
                                (true, false) => "DELETED",
                                _ => null,
                            },
                        };
                        if (type is not null) await writer.Write(type, e.Object, ct);
                    }
                }
            }
            catch (OperationCanceledException) { }
            catch (IOException) { }
        }
    }

    /// <summary>Writes events as JSON lines, as plain objects or as one-row Tables (columns on the first only).</summary>
    private sealed class EventWriter(ApiRequest r, ResponseFormat format)
    {
        private bool _columnsSent;

        public async Task Write(string type, StoredObject o, CancellationToken ct)
        {
            byte[] payload;
            if (format.Kind == ResponseKind.Table)
            {
                payload = TableWriter.Write(r.Def, new[] { o }, format.IncludeObject, o.ResourceVersion, null, null, withColumns: !_columnsSent);
                _columnsSent = true;
            }
            else payload = Resources.Conversion.ServedVersions.Served(r.Def, o).Json;
            await WriteRaw(type, payload, ct);
        }

        public Task Bookmark(Resources.ResourceDefinition def, long rv, bool initialEventsEnd, CancellationToken ct)
        {
            var ms = new MemoryStream();
            using (var w = new Utf8JsonWriter(ms, Storage.JsonOutput.Writer))
            {
                w.WriteStartObject();
                w.WriteString("kind", def.Kind);
                w.WriteString("apiVersion", def.GroupVersion);
                w.WriteStartObject("metadata");
                w.WriteString("resourceVersion", rv.ToString());
                if (initialEventsEnd)
                {
                    w.WriteStartObject("annotations");
                    w.WriteString("k8s.io/initial-events-end", "true");
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            return WriteRaw("BOOKMARK", ms.ToArray(), ct);
        }

        public async Task WriteRaw(string type, byte[] obj, CancellationToken ct = default)
        {
            var head = System.Text.Encoding.UTF8.GetBytes($"{{\"type\":\"{type}\",\"object\":");
            var body = r.Http.Response.Body;
            await body.WriteAsync(head, ct);
            await body.WriteAsync(obj, ct);
            await body.WriteAsync("}\n"u8.ToArray(), ct);
            await body.FlushAsync(ct);
        }
    }
}
