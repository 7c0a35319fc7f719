using System.Net.Http;
using System.Net.Sockets;

namespace PracticeK8s.Engine.Http;

/// <summary>
/// The socket-level settings of every connection to a cluster: a bound on connecting (TCP and TLS),
/// the server-certificate check, and TCP keep-alive so that a stream with no deadline (watch,
/// logs -Follow, exec) still notices a peer that has gone away.
/// </summary>
public static class ClientTransport
{
    /// <summary>Idle time before the first keep-alive probe.</summary>
    public static TimeSpan KeepAliveIdle { get; } = TimeSpan.FromSeconds(15);

    /// <summary>Time between unanswered probes.</summary>
    public static TimeSpan KeepAliveInterval { get; } = TimeSpan.FromSeconds(5);

    /// <summary>Unanswered probes after which the connection is dropped (so a dead peer is noticed within 15 s + 3 × 5 s).</summary>
    public const int KeepAliveProbes = 3;

    public static void Configure(SocketsHttpHandler handler, TimeSpan connectTimeout, ServerCertificateVerifier? verifier)
    {
        handler.ConnectTimeout = connectTimeout;
        handler.ConnectCallback = ConnectAsync;
        if (verifier is not null)
            handler.SslOptions.RemoteCertificateValidationCallback = verifier.Validate;
    }

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancel)
    {
        var socket = CreateSocket();
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancel).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A dual-mode TCP socket with keep-alive on (and tuned where the platform allows).</summary>
    internal static Socket CreateSocket()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, (int)KeepAliveIdle.TotalSeconds);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, (int)KeepAliveInterval.TotalSeconds);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, KeepAliveProbes);
        }
        catch (Exception e) when (e is SocketException or PlatformNotSupportedException)
        {
            // Older systems keep the OS's keep-alive timing; a dead peer is still noticed, later.
        }
        return socket;
    }
}
