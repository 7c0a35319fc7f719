using PracticeK8s.Sandbox.Networking;

namespace PracticeK8s.Sandbox.Api.PortForward;

/// <summary>Connects to one port of the forwarded pod through the pod connector, with the kubelet's error wording on failure.</summary>
public sealed class PodPortDialer(IPodConnector connector, PortForwardPod pod)
{
    public PortForwardPod Pod => pod;

    /// <summary>The connected stream, or the error text the client's error stream gets.</summary>
    public async Task<(Stream? Stream, string? Error)> ConnectAsync(int port, CancellationToken ct)
    {
        try
        {
            var stream = await connector.ConnectAsync(pod.PodIp, port, ct);
            return stream is null ? (null, Failure(port, "connection refused")) : (stream, null);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return (null, Failure(port, e.Message));
        }
    }

    private string Failure(int port, string why) =>
        $"error forwarding port {port} to pod {pod.Uid}, uid : failed to connect to localhost:{port} inside namespace \"{pod.Uid}\": {why}";
}
