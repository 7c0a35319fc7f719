using System.Buffers;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace PracticeK8s.Engine.PortForward;

/// <summary>How one forwarded connection ended: the server's error text, if it reported one.</summary>
internal sealed record ConnectionEnd(string? ServerError);

/// <summary>
/// Copies bytes both ways between one accepted local socket and its port-forward WebSocket. The
/// channel protocol cannot half-close (kubectl tunnels SPDY for that), so the local side's end of
/// input closes the WebSocket as the official clients do, and the server then closes the pod
/// connection: what the server sends until its close is delivered, but a pod that answers only
/// after its client's end of input (a half-closing client) may be cut. A server that does not
/// answer our close is cut after <see cref="CloseGrace"/>.
/// </summary>
internal static class ForwardedConnection
{
    private const int BufferSize = 64 * 1024;

    /// <summary>How long to wait for the server's close after ours.</summary>
    public static TimeSpan CloseGrace { get; set; } = TimeSpan.FromSeconds(10);

    public static async Task<ConnectionEnd> RunAsync(Socket local, WebSocket socket, CancellationToken cancel)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var abortOnStop = stop.Token.Register(socket.Abort);
        var demux = new PortForwardDemux();
        var sending = SendLocalInputAsync(local, socket, stop);
        try
        {
            await ReceiveAsync(local, socket, demux, stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The server dropped the connection, the local peer reset, or we were stopped: nothing more to copy.
        }
        finally
        {
            try { local.Shutdown(SocketShutdown.Both); } catch (Exception) { /* already closed */ }
            stop.Cancel();
            try { await sending.ConfigureAwait(false); } catch (Exception) { /* ends with the connection */ }
        }
        var error = demux.ErrorText;
        return new ConnectionEnd(error.Length > 0 ? error : null);
    }

    private static async Task ReceiveAsync(Socket local, WebSocket socket, PortForwardDemux demux, CancellationToken cancel)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), cancel).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        try { await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancel).ConfigureAwait(false); }
                        catch (WebSocketException) { }
                    }
                    return;
                }
                var data = demux.Accept(buffer.AsMemory(0, result.Count), result.EndOfMessage);
                while (data.Length > 0)
                {
                    int sent = await local.SendAsync(data, SocketFlags.None, cancel).ConfigureAwait(false);
                    data = data[sent..];
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task SendLocalInputAsync(Socket local, WebSocket socket, CancellationTokenSource stop)
    {
        var cancel = stop.Token;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize + 1);
        try
        {
            buffer[0] = PortForwardChannels.Data;
            while (true)
            {
                int n = await local.ReceiveAsync(buffer.AsMemory(1, BufferSize), SocketFlags.None, cancel).ConfigureAwait(false);
                if (n == 0)
                    break;
                await socket.SendAsync(buffer.AsMemory(0, n + 1), WebSocketMessageType.Binary, true, cancel).ConfigureAwait(false);
            }
            if (socket.State == WebSocketState.Open)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancel).ConfigureAwait(false);
            stop.CancelAfter(CloseGrace);
        }
        catch (Exception e) when (e is SocketException or WebSocketException or ObjectDisposedException)
        {
            stop.Cancel(); // the local peer reset or the socket died: end both directions
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
