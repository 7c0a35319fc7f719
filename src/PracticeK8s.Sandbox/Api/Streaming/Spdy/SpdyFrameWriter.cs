using System.Buffers.Binary;

namespace PracticeK8s.Sandbox.Api.Streaming.Spdy;

/// <summary>
/// Writes SPDY/3.1 frames, one at a time (frames never interleave, and header blocks are compressed
/// in the order they go out, as the shared compression context requires).
/// </summary>
public sealed class SpdyFrameWriter(Stream transport)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly SpdyHeaderEncoder _headers = new();

    /// <summary>A data frame whose payload already sits at <see cref="SpdyFrame.HeaderLength"/> in <paramref name="frame"/> (no copy).</summary>
    public Task WriteDataAsync(uint streamId, bool fin, byte[] frame, int payloadLength, CancellationToken ct)
    {
        BinaryPrimitives.WriteUInt32BigEndian(frame, streamId & 0x7FFFFFFF);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payloadLength);
        frame[4] = fin ? SpdyFrame.FlagFin : (byte)0;
        return WriteAsync(frame.AsMemory(0, SpdyFrame.HeaderLength + payloadLength), ct);
    }

    public Task WriteDataAsync(uint streamId, bool fin, ReadOnlyMemory<byte> payload, CancellationToken ct)
    {
        var frame = new byte[SpdyFrame.HeaderLength + payload.Length];
        payload.CopyTo(frame.AsMemory(SpdyFrame.HeaderLength));
        return WriteDataAsync(streamId, fin, frame, payload.Length, ct);
    }

    public async Task SynReplyAsync(uint streamId, IReadOnlyCollection<KeyValuePair<string, string>> headers, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var block = _headers.Encode(headers);
            var frame = Control(SpdyControlType.SynReply, 0, 4 + block.Length);
            BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(8), streamId & 0x7FFFFFFF);
            block.CopyTo(frame, 12);
            await transport.WriteAsync(frame, ct);
            await transport.FlushAsync(ct);
        }
        finally { _lock.Release(); }
    }

    public Task RstStreamAsync(uint streamId, uint status, CancellationToken ct) =>
        WriteAsync(TwoWords(SpdyControlType.RstStream, streamId & 0x7FFFFFFF, status), ct);

    public Task PingAsync(uint id, CancellationToken ct)
    {
        var frame = Control(SpdyControlType.Ping, 0, 4);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(8), id);
        return WriteAsync(frame, ct);
    }

    public Task GoAwayAsync(uint lastGoodStreamId, uint status, CancellationToken ct) =>
        WriteAsync(TwoWords(SpdyControlType.GoAway, lastGoodStreamId & 0x7FFFFFFF, status), ct);

    private static byte[] TwoWords(SpdyControlType type, uint first, uint second)
    {
        var frame = Control(type, 0, 8);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(8), first);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(12), second);
        return frame;
    }

    private static byte[] Control(SpdyControlType type, byte flags, int length)
    {
        var frame = new byte[SpdyFrame.HeaderLength + length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, 0x8000 | SpdyFrame.Version);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)type);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)length);
        frame[4] = flags;
        return frame;
    }

    private async Task WriteAsync(ReadOnlyMemory<byte> frame, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            await transport.WriteAsync(frame, ct);
            await transport.FlushAsync(ct);
        }
        finally { _lock.Release(); }
    }
}
