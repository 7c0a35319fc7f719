namespace PracticeK8s.Sandbox.Api.PortForward;

/// <summary>
/// The WebSocket channel protocols the kubelet serves for port-forward (client libraries use them):
/// <c>v4.channel.k8s.io</c>, <c>v4.base64.channel.k8s.io</c> and the unnamed ones. They frame alike:
/// a channel byte (or its digit in base64 text) before the payload; v4 differs only in name.
/// </summary>
public sealed record ChannelPortForwardProtocol(string? Name, bool Base64)
{
    private static readonly ChannelPortForwardProtocol[] Supported =
    {
        new("v4.channel.k8s.io", false),
        new("v4.base64.channel.k8s.io", true),
        new("channel.k8s.io", false),
        new("base64.channel.k8s.io", true),
    };

    public static IEnumerable<string> Names => Supported.Select(s => s.Name!);

    /// <summary>The first offered protocol spoken here; binary unnamed when nothing was offered; null when none fits.</summary>
    public static ChannelPortForwardProtocol? Negotiate(IReadOnlyList<string> offered)
    {
        if (offered.Count == 0) return new ChannelPortForwardProtocol(null, false);
        foreach (var o in offered)
            if (Supported.FirstOrDefault(s => s.Name == o.Trim()) is { } p) return p;
        return null;
    }
}
