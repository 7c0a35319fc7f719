namespace PracticeK8s.Engine.PortForward;

/// <summary>
/// The WebSocket port-forward channel protocol as the API server serves it to client libraries: for
/// the i-th port of ?ports=, channel 2i carries data and 2i+1 errors; each binary message starts
/// with its channel byte, and the server's first bytes on each channel are the port number (2 bytes,
/// little-endian). This client forwards one port per WebSocket (one per accepted local connection).
/// </summary>
public static class PortForwardChannels
{
    public const string V4 = "v4.channel.k8s.io";
    public const string Unversioned = "channel.k8s.io";

    /// <summary>Offered best first; both frame binary messages the same way.</summary>
    public static readonly IReadOnlyList<string> Offered = [V4, Unversioned];

    public const byte Data = 0;
    public const byte Error = 1;

    /// <summary>Bytes of the port header that open each channel.</summary>
    public const int PortHeaderLength = 2;

    public static string Path(string ns, string pod, int remotePort) =>
        $"/api/v1/namespaces/{Uri.EscapeDataString(ns)}/pods/{Uri.EscapeDataString(pod)}/portforward?ports={remotePort}";
}
