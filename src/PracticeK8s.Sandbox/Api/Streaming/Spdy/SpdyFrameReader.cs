using System.Buffers.Binary;

namespace PracticeK8s.Sandbox.Api.Streaming.Spdy;

/// <summary>
/// Reads SPDY/3.1 frames off a byte stream. Lengths are checked against the budgets before the
/// payload is allocated; every header block (SYN_STREAM, SYN_REPLY, HEADERS) goes through the one
/// decoder so the shared compression context stays in step. Violations throw <see cref="SpdyProtocolException"/>.
/// </summary>
public sealed class SpdyFrameReader(Stream transport, SpdyLimits limits)
{
    private readonly SpdyHeaderDecoder _headers = new(limits);
    private readonly byte[] _header = new byte[SpdyFrame.HeaderLength];

    /// <summary>The next frame, or null when the peer closed the stream between frames.</summary>
    public async Task<SpdyFrame?> ReadAsync(CancellationToken ct)
    {
        if (!await FillAsync(_header, ct)) return null;
        var flags = _header[4];
        var length = (int)(BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(4)) & 0xFFFFFF);
        var control = (_header[0] & 0x80) != 0;
        if (!control)
        {
            var streamId = BinaryPrimitives.ReadUInt32BigEndian(_header) & 0x7FFFFFFF;
            if (length > limits.MaxDataFrameLength) throw new SpdyProtocolException($"data frame of {length} bytes is over the budget");
            var data = length == 0 ? Array.Empty<byte>() : new byte[length];
            await ReadExactlyAsync(data, ct);
            return new SpdyDataFrame(streamId, (flags & SpdyFrame.FlagFin) != 0, data);
        }
        var version = BinaryPrimitives.ReadUInt16BigEndian(_header) & 0x7FFF;
        if (version != SpdyFrame.Version) throw new SpdyProtocolException($"unsupported SPDY version {version}");
        if (length > limits.MaxControlFrameLength) throw new SpdyProtocolException($"control frame of {length} bytes is over the budget");
        var type = BinaryPrimitives.ReadUInt16BigEndian(_header.AsSpan(2));
        var payload = new byte[length];
        await ReadExactlyAsync(payload, ct);
        return Parse((SpdyControlType)type, flags, payload);
    }

    private SpdyFrame Parse(SpdyControlType type, byte flags, byte[] p)
    {
        uint U32(int at) => BinaryPrimitives.ReadUInt32BigEndian(p.AsSpan(at));
        void Need(bool ok)
        {
            if (!ok) throw new SpdyProtocolException($"malformed {type} frame of {p.Length} bytes");
        }
        switch (type)
        {
            case SpdyControlType.SynStream:
                Need(p.Length >= 10);
                return new SpdySynStreamFrame(U32(0) & 0x7FFFFFFF, (flags & SpdyFrame.FlagFin) != 0, _headers.Decode(p, 10, p.Length - 10));
            case SpdyControlType.SynReply:
            case SpdyControlType.Headers:
                Need(p.Length >= 4);
                _headers.Decode(p, 4, p.Length - 4);
                return new SpdyIgnoredFrame((ushort)type);
            case SpdyControlType.RstStream:
                Need(p.Length == 8);
                return new SpdyRstStreamFrame(U32(0) & 0x7FFFFFFF, U32(4));
            case SpdyControlType.Ping:
                Need(p.Length == 4);
                return new SpdyPingFrame(U32(0));
            case SpdyControlType.GoAway:
                Need(p.Length is 4 or 8);
                return new SpdyGoAwayFrame(U32(0) & 0x7FFFFFFF, p.Length == 8 ? U32(4) : 0);
            case SpdyControlType.Settings:
                Need(p.Length >= 4 && (long)U32(0) * 8 + 4 == p.Length);
                return new SpdyIgnoredFrame((ushort)type);
            case SpdyControlType.WindowUpdate:
                Need(p.Length == 8);
                return new SpdyIgnoredFrame((ushort)type);
            default:
                return new SpdyIgnoredFrame((ushort)type);
        }
    }

    private async Task<bool> FillAsync(byte[] buffer, CancellationToken ct)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await transport.ReadAsync(buffer.AsMemory(read), ct);
            if (n == 0)
            {
                if (read == 0) return false;
                throw new SpdyProtocolException("the connection ended inside a frame");
            }
            read += n;
        }
        return true;
    }

    private async Task ReadExactlyAsync(byte[] buffer, CancellationToken ct)
    {
        if (!await FillAsync(buffer, ct) && buffer.Length > 0) throw new SpdyProtocolException("the connection ended inside a frame");
    }
}
