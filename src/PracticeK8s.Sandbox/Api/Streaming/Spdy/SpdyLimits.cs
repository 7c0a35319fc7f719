namespace PracticeK8s.Sandbox.Api.Streaming.Spdy;

/// <summary>Budgets one SPDY session holds its peer to, checked before anything is allocated.</summary>
public sealed record SpdyLimits
{
    /// <summary>Largest data frame payload accepted (Go's clients send at most 32 KiB).</summary>
    public int MaxDataFrameLength { get; init; } = 1 << 20;
    /// <summary>Largest control frame (the compressed header block included).</summary>
    public int MaxControlFrameLength { get; init; } = 64 * 1024;
    /// <summary>Largest header block once decompressed.</summary>
    public int MaxHeaderBlockBytes { get; init; } = 16 * 1024;
    public int MaxHeaderCount { get; init; } = 64;
    /// <summary>Streams open at once (a forwarded connection takes two).</summary>
    public int MaxOpenStreams { get; init; } = 512;
    /// <summary>Bytes received for one stream and not yet taken by its reader; past it the session stops reading.</summary>
    public int MaxPendingBytesPerStream { get; init; } = 1 << 20;

    public static SpdyLimits Default { get; } = new();
}
