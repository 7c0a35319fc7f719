using System.IO.Pipelines;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using PracticeK8s.Sandbox.Runtime;

namespace PracticeK8s.Sandbox.Api.Streaming;

/// <summary>
/// One exec/attach WebSocket: demultiplexes what the client sends (stdin, resize, CLOSE) and
/// multiplexes what the command writes (stdout, stderr) into channel frames, binary
/// (<c>[channel, payload…]</c>) or base64 text (<c>"1" + base64</c>). Sends are serialized.
/// </summary>
public sealed class ChannelConnection : IAsyncDisposable
{
    private readonly WebSocket _socket;
    private readonly ChannelProtocol _protocol;
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly Pipe _stdin = new();
    private readonly Channel<TerminalSize> _resize = Channel.CreateUnbounded<TerminalSize>();
    private readonly CancellationTokenSource _closed = new();
    private Task _receive = Task.CompletedTask;

    public ChannelConnection(WebSocket socket, ChannelProtocol protocol)
    {
        _socket = socket;
        _protocol = protocol;
        Stdout = new ChannelWriteStream(this, ChannelProtocol.Stdout);
        Stderr = new ChannelWriteStream(this, ChannelProtocol.Stderr);
    }

    /// <summary>What the client writes on channel 0; ends at CLOSE (v5) or when the socket closes.</summary>
    public Stream Stdin => _stdin.Reader.AsStream();
    public Stream Stdout { get; }
    public Stream Stderr { get; }
    public ChannelReader<TerminalSize> Resizes => _resize.Reader;
    /// <summary>Fires when the client goes away (socket closed or broken).</summary>
    public CancellationToken ClientGone => _closed.Token;

    public void StartReceiving() => _receive = Task.Run(ReceiveLoop);

    private async Task ReceiveLoop()
    {
        var buffer = new byte[65536];
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                var frame = message.ToArray();
                message.SetLength(0);
                if (_protocol.Base64) frame = DecodeText(frame);
                if (frame.Length == 0) continue;
                await Dispatch(frame[0], frame.AsMemory(1));
            }
        }
        catch (WebSocketException) { }
        catch (OperationCanceledException) { }
        finally
        {
            await _stdin.Writer.CompleteAsync();
            _resize.Writer.TryComplete();
            _closed.Cancel();
        }
    }

    private static byte[] DecodeText(byte[] frame)
    {
        if (frame.Length == 0) return frame;
        var channel = (byte)(frame[0] - '0');
        try
        {
            var payload = Convert.FromBase64String(Encoding.ASCII.GetString(frame, 1, frame.Length - 1));
            return new[] { channel }.Concat(payload).ToArray();
        }
        catch (FormatException) { return Array.Empty<byte>(); }
    }

    private async Task Dispatch(byte channel, ReadOnlyMemory<byte> payload)
    {
        switch (channel)
        {
            case ChannelProtocol.Stdin:
                if (payload.Length > 0) await _stdin.Writer.WriteAsync(payload);
                break;
            case ChannelProtocol.Resize when _protocol.SupportsResize:
                try
                {
                    using var doc = JsonDocument.Parse(payload);
                    var r = doc.RootElement;
                    ushort Get(string name) => r.TryGetProperty(name, out var v) && v.TryGetUInt16(out var n) ? n : (ushort)0;
                    _resize.Writer.TryWrite(new TerminalSize(Get("Width"), Get("Height")));
                }
                catch (JsonException) { }
                break;
            case ChannelProtocol.Close when _protocol.SupportsClose:
                if (payload.Length > 0 && payload.Span[0] == ChannelProtocol.Stdin) await _stdin.Writer.CompleteAsync();
                break;
        }
    }

    public async Task SendAsync(byte channel, ReadOnlyMemory<byte> payload, CancellationToken ct = default)
    {
        byte[] frame;
        WebSocketMessageType type;
        if (_protocol.Base64)
        {
            frame = Encoding.ASCII.GetBytes((char)('0' + channel) + Convert.ToBase64String(payload.Span));
            type = WebSocketMessageType.Text;
        }
        else
        {
            frame = new byte[payload.Length + 1];
            frame[0] = channel;
            payload.CopyTo(frame.AsMemory(1));
            type = WebSocketMessageType.Binary;
        }
        await _send.WaitAsync(ct);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await _socket.SendAsync(frame, type, endOfMessage: true, ct);
        }
        finally { _send.Release(); }
    }

    /// <summary>The final message on channel 3: a Status (v4+) or the error text (older protocols; nothing on success).</summary>
    public Task SendStatusAsync(int? exitCode, string? error, IReadOnlyList<string> command)
    {
        byte[] payload;
        if (_protocol.StatusIsJson)
        {
            var status = error is not null ? new Dictionary<string, object?>
                {
                    ["metadata"] = new Dictionary<string, object>(), ["status"] = "Failure", ["message"] = error,
                    ["reason"] = "InternalError", ["code"] = 500,
                }
                : exitCode is null or 0 ? new Dictionary<string, object?> { ["metadata"] = new Dictionary<string, object>(), ["status"] = "Success" }
                : new Dictionary<string, object?>
                {
                    ["metadata"] = new Dictionary<string, object>(), ["status"] = "Failure",
                    ["message"] = $"command terminated with non-zero exit code: error executing command [{string.Join(" ", command)}], exit code {exitCode}",
                    ["reason"] = "NonZeroExitCode",
                    ["details"] = new Dictionary<string, object>
                    {
                        ["causes"] = new[] { new Dictionary<string, string> { ["reason"] = "ExitCode", ["message"] = exitCode.Value.ToString() } },
                    },
                };
            payload = JsonSerializer.SerializeToUtf8Bytes(status);
        }
        else if (error is not null) payload = Encoding.UTF8.GetBytes(error);
        else if (exitCode is not null and not 0)
            payload = Encoding.UTF8.GetBytes($"command terminated with non-zero exit code: error executing command [{string.Join(" ", command)}], exit code {exitCode}");
        else return Task.CompletedTask;
        return SendAsync(ChannelProtocol.Error, payload);
    }

    /// <summary>Closes the socket (normal closure) and waits briefly for the client's close.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _send.WaitAsync(timeout.Token);
                try { await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token); }
                finally { _send.Release(); }
            }
        }
        catch (WebSocketException) { }
        catch (OperationCanceledException) { }
        _socket.Abort();
        await _receive.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _closed.Dispose();
    }

    /// <summary>A write-only stream whose writes become frames on one channel.</summary>
    private sealed class ChannelWriteStream(ChannelConnection connection, byte channel) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override Task FlushAsync(CancellationToken ct) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            try { await connection.SendAsync(channel, buffer, ct); }
            catch (WebSocketException e) { throw new IOException("the client went away", e); }
        }
    }
}
