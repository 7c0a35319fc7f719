using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace PracticeK8s.Engine.Exec;

/// <summary>
/// Our side of one exec/attach WebSocket: writes framed channel messages (one at a time, as a
/// WebSocket allows a single sender) and reads the server's messages, handing stdout/stderr data
/// to callbacks as it arrives and collecting the status channel until the server closes.
/// </summary>
internal sealed class ExecChannels
{
    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);

    public ExecChannels(WebSocket socket) => _socket = socket;

    public string? Protocol => _socket.SubProtocol;

    public async Task SendAsync(byte channel, ReadOnlyMemory<byte> data, CancellationToken cancel)
    {
        var frame = ArrayPool<byte>.Shared.Rent(data.Length + 1);
        try
        {
            frame[0] = channel;
            data.CopyTo(frame.AsMemory(1));
            await _sending.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                await _socket.SendAsync(frame.AsMemory(0, data.Length + 1), WebSocketMessageType.Binary, true, cancel).ConfigureAwait(false);
            }
            finally
            {
                _sending.Release();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    /// <summary>v5: tells the server stdin has ended. False (nothing sent) when the protocol cannot say so.</summary>
    public async Task<bool> CloseStdinAsync(CancellationToken cancel)
    {
        if (!ChannelProtocol.SupportsClose(Protocol))
            return false;
        await SendAsync(ChannelProtocol.Close, new[] { ChannelProtocol.Stdin }, cancel).ConfigureAwait(false);
        return true;
    }

    public Task SendResizeAsync(ushort width, ushort height, CancellationToken cancel) =>
        SendAsync(ChannelProtocol.Resize, Encoding.UTF8.GetBytes(ChannelProtocol.ResizeJson(width, height)), cancel);

    /// <summary>
    /// Reads until the server closes the connection; returns what the status channel carried (empty
    /// when nothing). A message may arrive in several WebSocket frames: only its first byte is the channel.
    /// </summary>
    public async Task<string> ReceiveAsync(Func<byte, ReadOnlyMemory<byte>, CancellationToken, ValueTask> onData, CancellationToken cancel)
    {
        var buffer = new byte[64 * 1024];
        var status = new MemoryStream();
        int channel = -1;
        while (true)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(buffer.AsMemory(), cancel).ConfigureAwait(false);
            }
            catch (WebSocketException) when (status.Length > 0 || _socket.State is WebSocketState.Aborted or WebSocketState.Closed)
            {
                // The server dropped the connection after its last message (no close handshake).
                break;
            }
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    try { await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancel).ConfigureAwait(false); }
                    catch (WebSocketException) { }
                }
                break;
            }
            var data = buffer.AsMemory(0, result.Count);
            if (channel < 0)
            {
                if (data.Length == 0)
                    continue;
                channel = data.Span[0];
                data = data[1..];
            }
            if (data.Length > 0)
            {
                if (channel == ChannelProtocol.Status)
                    status.Write(data.Span);
                else if (channel is ChannelProtocol.Stdout or ChannelProtocol.Stderr)
                    await onData((byte)channel, data, cancel).ConfigureAwait(false);
            }
            if (result.EndOfMessage)
                channel = -1;
        }
        return Encoding.UTF8.GetString(status.ToArray());
    }
}
