using System.IO.Pipelines;

namespace PracticeK8s.Sandbox.Api.Streaming.Spdy;

/// <summary>
/// One stream the peer opened: its headers, what it sends (<see cref="Input"/>, ending at its FIN or a
/// reset), and this side's writes (data frames, FIN, RST_STREAM). Received bytes wait in a pipe
/// bounded by the session's per-stream budget: a full pipe pauses the session's reading.
/// </summary>
public sealed class SpdyStream
{
    private readonly SpdySession _session;
    private readonly Pipe _incoming;
    private readonly CancellationTokenSource _reset = new();
    private int _localClosed, _remoteClosed;

    internal SpdyStream(SpdySession session, uint id, IReadOnlyDictionary<string, string> headers, int pendingBudget)
    {
        _session = session;
        Id = id;
        Headers = headers;
        _incoming = new Pipe(new PipeOptions(pauseWriterThreshold: pendingBudget, resumeWriterThreshold: pendingBudget / 2, useSynchronizationContext: false));
        Input = _incoming.Reader.AsStream();
    }

    public uint Id { get; }
    public IReadOnlyDictionary<string, string> Headers { get; }
    /// <summary>The peer's bytes; ends at its FIN, fails after a reset.</summary>
    public Stream Input { get; }
    /// <summary>Fires when either side reset the stream or the session ended.</summary>
    public CancellationToken Reset => _reset.Token;

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    internal async ValueTask ReceiveAsync(byte[] data, CancellationToken ct)
    {
        if (Volatile.Read(ref _remoteClosed) == 1) return; // after FIN or reset: dropped
        try { await _incoming.Writer.WriteAsync(data, ct); }
        catch (InvalidOperationException) { } // completed meanwhile
    }

    internal void RemoteFinished()
    {
        if (Interlocked.Exchange(ref _remoteClosed, 1) == 1) return;
        _incoming.Writer.Complete();
        if (Volatile.Read(ref _localClosed) == 1) _session.Forget(this);
    }

    /// <summary>The stream is gone (reset by either side, or the session ended): readers and writers stop.</summary>
    internal void Abort()
    {
        Interlocked.Exchange(ref _remoteClosed, 1);
        Interlocked.Exchange(ref _localClosed, 1);
        _incoming.Writer.CancelPendingFlush();
        _incoming.Writer.Complete(new IOException("the stream was reset"));
        try { _reset.Cancel(); } catch (ObjectDisposedException) { }
        _session.Forget(this);
    }

    /// <summary>Sends bytes already placed at offset 8 of <paramref name="frame"/> (the frame header goes in front).</summary>
    public Task WriteFrameAsync(byte[] frame, int payloadLength, CancellationToken ct)
    {
        if (Volatile.Read(ref _localClosed) == 1) throw new IOException("the stream is closed");
        return _session.Writer.WriteDataAsync(Id, false, frame, payloadLength, ct);
    }

    public Task WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        if (Volatile.Read(ref _localClosed) == 1) throw new IOException("the stream is closed");
        return _session.Writer.WriteDataAsync(Id, false, data, ct);
    }

    /// <summary>Half-closes this side (an empty data frame with FIN).</summary>
    public async Task CloseWriteAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _localClosed, 1) == 1) return;
        await _session.Writer.WriteDataAsync(Id, true, ReadOnlyMemory<byte>.Empty, ct);
        if (Volatile.Read(ref _remoteClosed) == 1) _session.Forget(this);
    }

    public async Task ResetAsync(uint status, CancellationToken ct)
    {
        if (Volatile.Read(ref _localClosed) == 1 && Volatile.Read(ref _remoteClosed) == 1) return;
        Abort();
        await _session.Writer.RstStreamAsync(Id, status, ct);
    }
}
