using System.Net;
using System.Net.Sockets;

namespace PracticeK8s.Sandbox.Networking;

/// <summary>
/// The <see cref="IPodConnector"/> of the host-process mode: a pod shares the host's network, so
/// its port is the host's loopback port.
/// </summary>
public sealed class PodConnector : IPodConnector
{
    public async Task<Stream?> ConnectAsync(string podIp, int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }
}
