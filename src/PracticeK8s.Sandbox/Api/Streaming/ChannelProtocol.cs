namespace PracticeK8s.Sandbox.Api.Streaming;

/// <summary>
/// The remote-command channel protocols a client may offer in <c>Sec-WebSocket-Protocol</c>
/// (<c>v5.channel.k8s.io</c> … <c>channel.k8s.io</c>, and the base64 text-frame variants). Version 4+
/// reports the end as a JSON Status on channel 3 (with the exit code); 5 adds the CLOSE signal
/// (<c>[255, channel]</c>) so a client can end stdin. No offer at all means plain <c>channel.k8s.io</c>.
/// </summary>
public sealed record ChannelProtocol(string? Name, int Version, bool Base64)
{
    public const byte Stdin = 0, Stdout = 1, Stderr = 2, Error = 3, Resize = 4, Close = 255;

    private static readonly ChannelProtocol[] Supported =
    {
        new("v5.channel.k8s.io", 5, false),
        new("v4.channel.k8s.io", 4, false),
        new("v3.channel.k8s.io", 3, false),
        new("v2.channel.k8s.io", 2, false),
        new("channel.k8s.io", 1, false),
        new("v5.base64.channel.k8s.io", 5, true),
        new("v4.base64.channel.k8s.io", 4, true),
        new("v3.base64.channel.k8s.io", 3, true),
        new("v2.base64.channel.k8s.io", 2, true),
        new("base64.channel.k8s.io", 1, true),
    };

    public bool StatusIsJson => Version >= 4;
    public bool SupportsClose => Version >= 5;
    public bool SupportsResize => Version >= 3;

    /// <summary>The first offered protocol the server speaks; the unnamed binary protocol when nothing was offered; null when none fits.</summary>
    public static ChannelProtocol? Negotiate(IReadOnlyList<string> offered)
    {
        if (offered.Count == 0) return new ChannelProtocol(null, 1, false);
        foreach (var o in offered)
            if (Supported.FirstOrDefault(s => s.Name == o.Trim()) is { } p) return p;
        return null;
    }

    public static IEnumerable<string> Names => Supported.Select(s => s.Name!);
}
