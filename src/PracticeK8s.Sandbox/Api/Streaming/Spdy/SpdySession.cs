namespace PracticeK8s.Sandbox.Api.Streaming.Spdy;

/// <summary>
/// The server end of one SPDY/3.1 session: reads frames, accepts the streams the client opens
/// (SYN_REPLY, then <c>onStream</c>), routes data/FIN/RST to them, answers PINGs, and ignores what a
/// port-forward has no use for (SETTINGS, WINDOW_UPDATE, HEADERS: Go's spdystream does no flow
/// control, so none is enforced or granted). A protocol or budget violation, the client's GOAWAY,
/// the end of the transport, or <c>stop</c> ends the session: GOAWAY out, every stream aborted.
/// </summary>
public sealed class SpdySession(Stream transport, SpdyLimits limits, Func<SpdyStream, Task> onStream)
{
    private readonly SpdyFrameReader _reader = new(transport, limits);
    private readonly Dictionary<uint, SpdyStream> _streams = new();
    private readonly List<Task> _handlers = new();
    private uint _lastStreamId;

    public SpdyFrameWriter Writer { get; } = new(transport);

    /// <summary>Why the session ended (null: the client closed or went away), for logs and tests.</summary>
    public string? EndReason { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        using var reading = new CancellationTokenSource();
        var loop = ReadLoop(reading.Token);
        await Task.WhenAny(loop, Task.Delay(Timeout.Infinite, stop)).ConfigureAwait(false);
        var status = SpdyGoAwayStatus.Ok;
        if (loop.IsCompleted) status = await loop; // the peer ended it (or broke the protocol)
        else EndReason = "stopped";
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            try { await Writer.GoAwayAsync(_lastStreamId, status, timeout.Token); }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or System.Net.WebSockets.WebSocketException) { }
        }
        reading.Cancel();
        await loop.ContinueWith(_ => { }, TaskScheduler.Default);
        SpdyStream[] open;
        lock (_streams) open = _streams.Values.ToArray();
        foreach (var s in open) s.Abort();
        Task[] handlers;
        lock (_handlers) handlers = _handlers.ToArray();
        await Task.WhenAll(handlers).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Reads until the end; the GOAWAY status to send.</summary>
    private async Task<uint> ReadLoop(CancellationToken ct)
    {
        try
        {
            while (await _reader.ReadAsync(ct) is { } frame)
            {
                switch (frame)
                {
                    case SpdySynStreamFrame syn: await Open(syn, ct); break;
                    case SpdyDataFrame data: await Deliver(data, ct); break;
                    case SpdyRstStreamFrame rst: Find(rst.StreamId)?.Abort(); break;
                    case SpdyPingFrame ping when ping.Id % 2 == 1: await Writer.PingAsync(ping.Id, ct); break;
                    case SpdyGoAwayFrame:
                        EndReason = "client sent GOAWAY";
                        return SpdyGoAwayStatus.Ok;
                }
            }
            EndReason = "client closed the connection";
            return SpdyGoAwayStatus.Ok;
        }
        catch (SpdyProtocolException e)
        {
            EndReason = e.Message;
            return SpdyGoAwayStatus.ProtocolError;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or System.Net.WebSockets.WebSocketException)
        {
            EndReason ??= "connection lost";
            return SpdyGoAwayStatus.Ok;
        }
    }

    private async Task Open(SpdySynStreamFrame syn, CancellationToken ct)
    {
        if (syn.StreamId % 2 == 0 || syn.StreamId <= _lastStreamId)
            throw new SpdyProtocolException($"stream id {syn.StreamId} out of order");
        _lastStreamId = syn.StreamId;
        SpdyStream stream;
        lock (_streams)
        {
            if (_streams.Count >= limits.MaxOpenStreams) stream = null!;
            else _streams[syn.StreamId] = stream = new SpdyStream(this, syn.StreamId, syn.Headers, limits.MaxPendingBytesPerStream);
        }
        if (stream is null)
        {
            await Writer.RstStreamAsync(syn.StreamId, SpdyRstStatus.RefusedStream, ct);
            return;
        }
        await Writer.SynReplyAsync(syn.StreamId, Array.Empty<KeyValuePair<string, string>>(), ct);
        if (syn.Fin) stream.RemoteFinished();
        var handler = Task.Run(() => onStream(stream), CancellationToken.None);
        lock (_handlers)
        {
            _handlers.RemoveAll(t => t.IsCompleted);
            _handlers.Add(handler);
        }
    }

    private async Task Deliver(SpdyDataFrame data, CancellationToken ct)
    {
        if (Find(data.StreamId) is not { } stream) return; // already gone: spdystream drops these too
        if (data.Data.Length > 0) await stream.ReceiveAsync(data.Data, ct);
        if (data.Fin) stream.RemoteFinished();
    }

    private SpdyStream? Find(uint id)
    {
        lock (_streams) return _streams.GetValueOrDefault(id);
    }

    internal void Forget(SpdyStream stream)
    {
        lock (_streams)
            if (_streams.TryGetValue(stream.Id, out var s) && ReferenceEquals(s, stream)) _streams.Remove(stream.Id);
    }
}
