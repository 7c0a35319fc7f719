using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text;

namespace PracticeK8s.Sandbox.Api.PortForward;

/// <summary>
/// One port-forward WebSocket in the channel protocol: for the i-th requested port, channel 2i carries
/// data and 2i+1 errors, each starting with the port as two little-endian bytes. One TCP connection
/// per port for the socket's life; the socket closes when every pod connection has ended, the client
/// leaves, the pod goes away or the server stops.
/// </summary>
public sealed class ChannelPortForwardSession(WebSocket socket, ChannelPortForwardProtocol protocol, IReadOnlyList<int> ports, PodPortDialer dialer)
{
    /// <summary>Largest client message accepted (base64 text must be whole before it decodes).</summary>
    public const int MaxMessageBytes = 1 << 20;
    private const int ReadChunk = 32 * 1024;

    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly Stream?[] _pods = new Stream?[ports.Count];

    public async Task RunAsync(CancellationToken stop)
    {
        using var pumping = CancellationTokenSource.CreateLinkedTokenSource(stop);
        using var receiving = new CancellationTokenSource();
        var receive = Task.CompletedTask;
        try
        {
            var prefix = new byte[2];
            for (var i = 0; i < ports.Count; i++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(prefix, (ushort)ports[i]);
                await SendAsync(2 * i, prefix, stop);
                await SendAsync(2 * i + 1, prefix, stop);
            }
            var pumps = new List<Task>();
            for (var i = 0; i < ports.Count; i++)
            {
                var (stream, error) = await dialer.ConnectAsync(ports[i], stop);
                if (stream is null)
                {
                    await SendAsync(2 * i + 1, Encoding.UTF8.GetBytes(error!), stop);
                    continue;
                }
                _pods[i] = stream;
                pumps.Add(PodToClient(i, stream, pumping.Token));
            }
            receive = ClientToPods(receiving.Token);
            // Ends when every pod connection has ended, the client went away, or the pod/server stops.
            await Task.WhenAny(Task.WhenAll(pumps), receive, Task.Delay(Timeout.Infinite, stop));
        }
        catch (OperationCanceledException) { }
        catch (WebSocketException) { }
        finally
        {
            pumping.Cancel();
            foreach (var p in _pods) if (p is not null) await p.DisposeAsync();
            await CloseAsync();
            await receive.WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { }, TaskScheduler.Default);
            receiving.Cancel();
            socket.Abort();
        }
    }

    private async Task PodToClient(int index, Stream pod, CancellationToken ct)
    {
        var buffer = new byte[ReadChunk + 1];
        try
        {
            while (true)
            {
                var n = await pod.ReadAsync(buffer.AsMemory(1, ReadChunk), ct);
                if (n == 0) return;
                await SendAsync(2 * index, buffer.AsMemory(1, n), ct, framed: buffer);
            }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
        catch (OperationCanceledException) { }
        catch (WebSocketException) { }
    }

    private async Task ClientToPods(CancellationToken ct)
    {
        var buffer = new byte[ReadChunk];
        var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close) return;
                if (message.Length + result.Count > MaxMessageBytes) return;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                var frame = protocol.Base64 ? DecodeText(message) : message.ToArray();
                message.SetLength(0);
                if (frame is null) return; // not base64: the client speaks something else
                if (frame.Length < 2 || frame[0] % 2 != 0) continue; // empty, or on an error channel
                var index = frame[0] / 2;
                if (index < _pods.Length && _pods[index] is { } pod)
                {
                    try { await pod.WriteAsync(frame.AsMemory(1), ct); }
                    catch (IOException) { }
                }
            }
        }
        catch (WebSocketException) { }
        catch (OperationCanceledException) { }
    }

    private static byte[]? DecodeText(MemoryStream message)
    {
        var text = message.GetBuffer().AsSpan(0, (int)message.Length);
        if (text.Length == 0) return Array.Empty<byte>();
        var channel = text[0] - '0';
        if (channel is < 0 or > 255) return null;
        var decoded = new byte[1 + (text.Length - 1) / 4 * 3 + 3];
        decoded[0] = (byte)channel;
        if (System.Buffers.Text.Base64.DecodeFromUtf8(text[1..], decoded.AsSpan(1), out _, out var written) != System.Buffers.OperationStatus.Done)
            return null;
        return decoded.AsSpan(0, written + 1).ToArray();
    }

    /// <summary>Sends one channel message; <paramref name="framed"/> is a buffer holding the payload from index 1 (binary frames reuse it).</summary>
    private async Task SendAsync(int channel, ReadOnlyMemory<byte> payload, CancellationToken ct, byte[]? framed = null)
    {
        ReadOnlyMemory<byte> message;
        WebSocketMessageType type;
        if (protocol.Base64)
        {
            message = Encoding.ASCII.GetBytes((char)('0' + channel) + Convert.ToBase64String(payload.Span));
            type = WebSocketMessageType.Text;
        }
        else
        {
            if (framed is null)
            {
                framed = new byte[payload.Length + 1];
                payload.CopyTo(framed.AsMemory(1));
            }
            framed[0] = (byte)channel;
            message = framed.AsMemory(0, payload.Length + 1);
            type = WebSocketMessageType.Binary;
        }
        await _send.WaitAsync(ct);
        try { await socket.SendAsync(message, type, endOfMessage: true, ct); }
        finally { _send.Release(); }
    }

    private async Task CloseAsync()
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _send.WaitAsync(timeout.Token);
                try { await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token); }
                finally { _send.Release(); }
            }
        }
        catch (WebSocketException) { }
        catch (OperationCanceledException) { }
    }
}
