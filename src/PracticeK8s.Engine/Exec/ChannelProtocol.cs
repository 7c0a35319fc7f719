namespace PracticeK8s.Engine.Exec;

/// <summary>
/// The Kubernetes remote-command channel protocol over WebSocket: each binary message starts with
/// the channel id (0 stdin, 1 stdout, 2 stderr, 3 status, 4 resize); v5 adds message [255, id]
/// that closes a channel (stdin EOF). v4 has no way to end stdin.
/// </summary>
public static class ChannelProtocol
{
    public const string V5 = "v5.channel.k8s.io";
    public const string V4 = "v4.channel.k8s.io";

    public const byte Stdin = 0;
    public const byte Stdout = 1;
    public const byte Stderr = 2;
    public const byte Status = 3;
    public const byte Resize = 4;
    public const byte Close = 255;

    /// <summary>The protocols tried, best first (kubectl offers v5 only; KubernetesClient's helpers v4).</summary>
    public static readonly IReadOnlyList<string> Preferred = [V5, V4];

    public static bool SupportsClose(string? protocol) => protocol == V5;

    /// <summary>The resize message body: {"Width":W,"Height":H}.</summary>
    public static string ResizeJson(ushort width, ushort height) => $"{{\"Width\":{width},\"Height\":{height}}}";
}
