namespace PracticeK8s.Sandbox.Api.Streaming.Spdy;

/// <summary>SPDY/3.1 frames as this server reads them (draft 3.1): the ones a port-forward session acts on, and the rest by type.</summary>
public abstract record SpdyFrame
{
    public const int Version = 3;
    public const int HeaderLength = 8;
    public const byte FlagFin = 0x01;
}

public enum SpdyControlType : ushort
{
    SynStream = 1, SynReply = 2, RstStream = 3, Settings = 4, Ping = 6, GoAway = 7, Headers = 8, WindowUpdate = 9,
}

/// <summary>RST_STREAM status codes.</summary>
public static class SpdyRstStatus
{
    public const uint ProtocolError = 1, InvalidStream = 2, RefusedStream = 3, Cancel = 5, InternalError = 6, FrameTooLarge = 11;
}

/// <summary>GOAWAY status codes.</summary>
public static class SpdyGoAwayStatus
{
    public const uint Ok = 0, ProtocolError = 1, InternalError = 2;
}

public sealed record SpdyDataFrame(uint StreamId, bool Fin, byte[] Data) : SpdyFrame;

public sealed record SpdySynStreamFrame(uint StreamId, bool Fin, IReadOnlyDictionary<string, string> Headers) : SpdyFrame;

public sealed record SpdyRstStreamFrame(uint StreamId, uint Status) : SpdyFrame;

public sealed record SpdyPingFrame(uint Id) : SpdyFrame;

public sealed record SpdyGoAwayFrame(uint LastGoodStreamId, uint Status) : SpdyFrame;

/// <summary>A control frame read and checked but not acted on (SETTINGS, WINDOW_UPDATE, HEADERS, SYN_REPLY, unknown types).</summary>
public sealed record SpdyIgnoredFrame(ushort Type) : SpdyFrame;

/// <summary>The peer broke the protocol or a budget: the session ends (GOAWAY, then close).</summary>
public sealed class SpdyProtocolException(string message) : Exception(message);
