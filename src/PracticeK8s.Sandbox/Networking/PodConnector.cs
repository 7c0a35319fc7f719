using System.Net;
using System.Net.Sockets;
using PracticeK8s.Sandbox.Networking.Pods;

namespace PracticeK8s.Sandbox.Networking;

/// <summary>
/// Reaches a pod's port: through the cluster network when it is active; otherwise (pods on the
/// host's network) a built-in container's private unix socket, or the host's loopback port a
/// host-process pod listens on.
/// </summary>
public sealed class PodConnector(IClusterNetwork network, BuiltinPodListeners builtins) : IPodConnector
{
    public async Task<Stream?> ConnectAsync(string podIp, int port, CancellationToken cancellationToken)
    {
        // The kubernetes Service's endpoint is the sandbox's own address on the host.
        if (IPAddress.TryParse(podIp, out var address) && IPAddress.IsLoopback(address))
            return await ConnectAsync(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true },
                new IPEndPoint(address, port), cancellationToken);
        if (network.Active) return await network.ConnectAsync(podIp, port, cancellationToken);
        if (builtins.UnixSocketFor(podIp, port) is { } path)
            return await ConnectAsync(new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified), new UnixDomainSocketEndPoint(path), cancellationToken);
        return await ConnectAsync(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true },
            new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
    }

    private static async Task<Stream?> ConnectAsync(Socket socket, EndPoint endpoint, CancellationToken cancellationToken)
    {
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }
}
