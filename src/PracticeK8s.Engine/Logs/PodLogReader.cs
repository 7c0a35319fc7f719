using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Engine.Logs;

/// <summary>
/// Reads container logs from pods/log as lines: one stream at a time, or (following) several at once
/// with their lines interleaved as they arrive. A failing stream is reported and the others go on.
/// </summary>
public sealed class PodLogReader
{
    private readonly KubeApi _api;

    public PodLogReader(KubeConnection connection) => _api = connection.Api;

    internal PodLogReader(KubeApi api) => _api = api;

    /// <summary>kubectl's --max-log-requests default.</summary>
    public const int DefaultMaxLogRequests = 5;

    /// <summary>
    /// Lines of every source. Following: all streams at once (at most <paramref name="maxConcurrent"/>,
    /// else kubectl's refusal); otherwise one after another. <paramref name="splitTimestamps"/> asks the
    /// server for timestamps and moves them from the text into <see cref="LogLine.Timestamp"/>.
    /// </summary>
    public async IAsyncEnumerable<LogLine> ReadAsync(IReadOnlyList<LogSource> sources, LogQuery query, bool splitTimestamps,
        int maxConcurrent, Action<LogSource, Exception> onError, [EnumeratorCancellation] CancellationToken cancel)
    {
        if (splitTimestamps)
            query = query with { Timestamps = true };
        if (!query.Follow || sources.Count <= 1)
        {
            foreach (var source in sources)
            {
                var lines = ReadOneAsync(source, query, splitTimestamps, cancel).GetAsyncEnumerator(cancel);
                try
                {
                    while (true)
                    {
                        bool more;
                        try
                        {
                            more = await lines.MoveNextAsync().ConfigureAwait(false);
                        }
                        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
                        {
                            onError(source, e);
                            break;
                        }
                        if (!more)
                            break;
                        yield return lines.Current;
                    }
                }
                finally
                {
                    await lines.DisposeAsync().ConfigureAwait(false);
                }
            }
            yield break;
        }

        if (sources.Count > maxConcurrent)
        {
            throw new KubeException($"you are attempting to follow {sources.Count} log streams, but maximum allowed concurrency is {maxConcurrent}, use -MaxLogRequests to increase the limit",
                "KubeTooManyLogStreams", System.Management.Automation.ErrorCategory.LimitsExceeded, null);
        }
        var merged = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(1024) { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var pumps = sources.Select(source => Task.Run(async () =>
        {
            try
            {
                await foreach (var line in ReadOneAsync(source, query, splitTimestamps, stop.Token).ConfigureAwait(false))
                    await merged.Writer.WriteAsync(line, stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                onError(source, e);
            }
            catch (OperationCanceledException)
            {
            }
        })).ToList();
        var all = Task.WhenAll(pumps).ContinueWith(_ => merged.Writer.TryComplete(), TaskScheduler.Default);
        try
        {
            await foreach (var line in merged.Reader.ReadAllAsync(cancel).ConfigureAwait(false))
                yield return line;
        }
        finally
        {
            stop.Cancel();
            await all.ConfigureAwait(false);
        }
    }

    /// <summary>One container's log, line by line, until the server ends the stream or the token is cancelled.</summary>
    public async IAsyncEnumerable<LogLine> ReadOneAsync(LogSource source, LogQuery query, bool splitTimestamps,
        [EnumeratorCancellation] CancellationToken cancel)
    {
        using var response = await _api.SendAsync(HttpMethod.Get, query.PathFor(source.Namespace, source.Pod, source.Container), null, cancel,
            accept: "text/plain, */*", stream: true, endless: query.Follow).ConfigureAwait(false);
        // A read blocked on a quiet follow stream ends when the token fires: dropping the response closes the connection.
        using var closeOnCancel = cancel.Register(() => response.Dispose());
        await using var body = await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        using var reader = new StreamReader(body);
        while (true)
        {
            string? text;
            try
            {
                text = await reader.ReadLineAsync(cancel).ConfigureAwait(false);
            }
            catch (Exception e) when (cancel.IsCancellationRequested && e is IOException or ObjectDisposedException or HttpRequestException)
            {
                throw new OperationCanceledException(cancel);
            }
            if (text is null)
                yield break;
            if (splitTimestamps)
            {
                var (time, rest) = LogTimestamps.Split(text);
                yield return new LogLine(source.Namespace, source.Pod, source.Container, time, rest);
            }
            else
            {
                yield return new LogLine(source.Namespace, source.Pod, source.Container, null, text);
            }
        }
    }
}
