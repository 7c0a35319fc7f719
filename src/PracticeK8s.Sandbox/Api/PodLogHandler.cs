using System.Globalization;
using System.Text;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Runtime;

namespace PracticeK8s.Sandbox.Api;

/// <summary>
/// <c>GET pods/{name}/log</c>: a container's log from the runtime as text/plain — tailLines,
/// sinceSeconds/sinceTime, timestamps (RFC 3339 with 9 fraction digits), limitBytes, previous, and
/// follow as a chunked stream that ends when the container instance stops. Errors in the kubelet's words.
/// </summary>
public sealed class PodLogHandler(SandboxState state)
{
    public async Task Get(ApiRequest r)
    {
        var target = PodContainers.Resolve(state, r);
        var options = LogOptions.From(r, target.Name);
        var http = r.Http;
        if (string.IsNullOrEmpty(target.Node.Obj("spec").Str("nodeName")))
        {
            await Respond.Bytes(http, 200, Array.Empty<byte>(), "text/plain"); // not scheduled yet: no location, no log
            return;
        }
        var log = Select(target, options.Previous);

        var lines = log.Lines;
        var start = 0;
        if (options.Since is { } since) while (start < lines.Count && lines[start].Timestamp < since) start++;
        if (options.TailLines is { } tail && lines.Count - start > tail) start = lines.Count - (int)tail;

        http.Response.StatusCode = 200;
        http.Response.ContentType = "text/plain";
        http.Response.Headers.CacheControl = "no-cache, private";
        var remaining = options.LimitBytes ?? long.MaxValue;
        await http.Response.StartAsync(r.Aborted);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(r.Aborted, state.Stopping);
        try
        {
            if (!options.Follow)
            {
                for (int i = start; i < lines.Count && remaining > 0; i++) remaining = await Write(r, lines[i], options.Timestamps, remaining, flush: false);
                return;
            }
            await http.Response.Body.FlushAsync(stop.Token);
            await foreach (var line in log.FollowAsync(start, stop.Token))
            {
                if (options.Since is { } s && line.Timestamp < s) continue;
                remaining = await Write(r, line, options.Timestamps, remaining, flush: true);
                if (remaining <= 0) break;
            }
        }
        catch (OperationCanceledException) { }
        catch (IOException) { }
    }

    /// <summary>The log to read, or the kubelet's 400 for a container that has none (yet).</summary>
    private IContainerLog Select(PodContainers target, bool previous)
    {
        var (pod, container) = (target.Name, target.Container);
        var current = state.Runtime?.GetPod(target.Uid)?.Container(container);
        if (previous)
        {
            if (current?.LastTermination is null || state.Runtime!.GetLog(target.Uid, container, previous: true) is not { } prev)
                throw ApiException.BadRequest($"previous terminated container \"{container}\" in pod \"{pod}\" not found");
            return prev;
        }
        if (current is null)
            throw ApiException.BadRequest($"container \"{container}\" in pod \"{pod}\" is waiting to start: ContainerCreating");
        var log = state.Runtime!.GetLog(target.Uid, container);
        if (log is null)
        {
            if (current.Phase == ContainerPhase.Terminated)
                throw ApiException.BadRequest($"container \"{container}\" in pod \"{pod}\" is terminated");
            throw ApiException.BadRequest($"container \"{container}\" in pod \"{pod}\" is waiting to start: {current.Reason ?? "ContainerCreating"}");
        }
        return log;
    }

    private static async Task<long> Write(ApiRequest r, LogLine line, bool timestamps, long remaining, bool flush)
    {
        var text = timestamps ? Timestamp(line.Timestamp) + " " + line.Text : line.Text;
        var bytes = Encoding.UTF8.GetBytes(text);
        var count = (int)Math.Min(bytes.Length, remaining);
        await r.Http.Response.Body.WriteAsync(bytes.AsMemory(0, count), r.Aborted);
        if (flush) await r.Http.Response.Body.FlushAsync(r.Aborted);
        return remaining - count;
    }

    /// <summary>The kubelet's fixed-width RFC 3339 nanosecond timestamp: <c>2026-01-01T10:00:00.123456700Z</c>.</summary>
    public static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", CultureInfo.InvariantCulture);

    /// <summary>The PodLogOptions of the query, validated as upstream does (422 for out-of-range values).</summary>
    private sealed record LogOptions(bool Follow, bool Previous, bool Timestamps, long? TailLines, long? LimitBytes, DateTime? Since)
    {
        public static LogOptions From(ApiRequest r, string pod)
        {
            var tail = r.QueryLong("tailLines");
            var limit = r.QueryLong("limitBytes");
            var sinceSeconds = r.QueryLong("sinceSeconds");
            var sinceTimeText = r.QueryString("sinceTime");
            var causes = new List<StatusCause>();
            if (tail < 0) causes.Add(new StatusCause("FieldValueInvalid", $"Invalid value: {tail}: must be greater than or equal to 0", "tailLines"));
            if (limit < 1) causes.Add(new StatusCause("FieldValueInvalid", $"Invalid value: {limit}: must be greater than 0", "limitBytes"));
            if (sinceSeconds is not null && sinceTimeText is not null)
                causes.Add(new StatusCause("FieldValueForbidden", "Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified", null));
            if (sinceSeconds < 1) causes.Add(new StatusCause("FieldValueInvalid", $"Invalid value: {sinceSeconds}: must be greater than 0", "sinceSeconds"));
            if (causes.Count > 0) throw ApiException.Invalid("PodLogOptions", pod, "", "PodLogOptions", causes);
            DateTime? since = null;
            if (sinceSeconds is { } s) since = DateTime.UtcNow.AddSeconds(-s);
            if (sinceTimeText is not null)
            {
                if (!DateTime.TryParse(sinceTimeText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
                    throw ApiException.BadRequest($"parsing time \"{sinceTimeText}\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"{sinceTimeText}\" as \"2006\"");
                since = t;
            }
            return new LogOptions(r.QueryBool("follow"), r.QueryBool("previous"), r.QueryBool("timestamps"), tail, limit, since);
        }
    }
}
