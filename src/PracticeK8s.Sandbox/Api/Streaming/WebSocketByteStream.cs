using System.Net.WebSockets;

namespace PracticeK8s.Sandbox.Api.Streaming;

/// <summary>
/// A WebSocket as a plain byte stream: reads run across binary messages, each write goes out as
/// one binary message. This is how kubectl (≥1.31) tunnels a SPDY session inside a WebSocket.
/// </summary>
public sealed class WebSocketByteStream(WebSocket socket) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        while (true)
        {
            if (socket.State is not (WebSocketState.Open or WebSocketState.CloseSent)) return 0;
            ValueWebSocketReceiveResult result;
            try { result = await socket.ReceiveAsync(buffer, ct); }
            catch (WebSocketException e) { throw new IOException("the WebSocket broke", e); }
            if (result.MessageType == WebSocketMessageType.Close) return 0;
            if (result.MessageType != WebSocketMessageType.Binary) throw new IOException("a text message in a binary tunnel");
            if (result.Count > 0 || buffer.Length == 0) return result.Count;
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        try { await socket.SendAsync(buffer, WebSocketMessageType.Binary, endOfMessage: true, ct); }
        catch (WebSocketException e) { throw new IOException("the WebSocket broke", e); }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) => WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();
    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();
    public override void Flush() { }
    public override Task FlushAsync(CancellationToken ct) => Task.CompletedTask;
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Sends a normal close (briefly waiting), then drops the socket.</summary>
    public async Task CloseAsync()
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (WebSocketException) { }
        catch (OperationCanceledException) { }
        socket.Abort();
    }
}
