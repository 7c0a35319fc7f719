using System.Net.WebSockets;
using System.Text;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Exec;

namespace PracticeK8s.Tests.Exec;

/// <summary>
/// Our side of the channel protocol against a scripted server over an in-memory WebSocket pair:
/// framing, stdin close (v5 only), resize, and the exit status on channel 3.
/// </summary>
public sealed class ExecProtocolTests
{
    /// <summary>A WebSocket pair joined by two in-memory pipes.</summary>
    private static (WebSocket Client, WebSocket Server) Pair(string protocol)
    {
        var up = new BytePipe();
        var down = new BytePipe();
        var client = WebSocket.CreateFromStream(new Duplex(down.Reader, up.Writer), isServer: false, protocol, Timeout.InfiniteTimeSpan);
        var server = WebSocket.CreateFromStream(new Duplex(up.Reader, down.Writer), isServer: true, protocol, Timeout.InfiniteTimeSpan);
        return (client, server);
    }

    /// <summary>A server that echoes stdin to stdout (upper-cased) and "E:"+stdin to stderr until stdin closes, then sends the status.</summary>
    private static async Task<List<string>> EchoServer(WebSocket server, string status, bool waitForClose = true)
    {
        var seen = new List<string>();
        var buffer = new byte[4096];
        while (waitForClose)
        {
            var result = await server.ReceiveAsync(buffer, default);
            if (result.MessageType == WebSocketMessageType.Close)
                break;
            var channel = buffer[0];
            var payload = Encoding.UTF8.GetString(buffer, 1, result.Count - 1);
            seen.Add(channel == ChannelProtocol.Close ? $"close {buffer[1]}" : $"{channel}:{payload}");
            if (channel == ChannelProtocol.Close && buffer[1] == ChannelProtocol.Stdin)
                break;
            if (channel == ChannelProtocol.Stdin)
            {
                await server.SendAsync(Frame(ChannelProtocol.Stdout, payload.ToUpperInvariant()), WebSocketMessageType.Binary, true, default);
                await server.SendAsync(Frame(ChannelProtocol.Stderr, "E:" + payload), WebSocketMessageType.Binary, true, default);
            }
        }
        await server.SendAsync(Frame(ChannelProtocol.Status, status), WebSocketMessageType.Binary, true, default);
        await server.CloseAsync(WebSocketCloseStatus.NormalClosure, null, default);
        return seen;
    }

    private static byte[] Frame(byte channel, string text) => [channel, .. Encoding.UTF8.GetBytes(text)];

    private const string NonZero3 = """{"metadata":{},"status":"Failure","message":"command terminated with non-zero exit code: error executing command [sh -c exit 3], exit code 3","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"3"}]}}""";

    [Fact]
    public async Task V5_SendsStdin_ClosesIt_AndReadsTheExitCode()
    {
        var (client, server) = Pair(ChannelProtocol.V5);
        string? requested = null;
        var exec = new PodExec((path, protocols, _) => { requested = path + " " + string.Join(",", protocols); return Task.FromResult(client); });
        var serverTask = EchoServer(server, NonZero3);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        string? connected = null;
        var outcome = await exec.RunAsync(new ExecTarget("ns", "p", "c"), ["sh", "-c", "cat"], new ExecStreams
        {
            Stdin = new MemoryStream(Encoding.UTF8.GetBytes("hello\n")),
            Stdout = (d, _) => { stdout.Append(Encoding.UTF8.GetString(d.Span)); return ValueTask.CompletedTask; },
            Stderr = (d, _) => { stderr.Append(Encoding.UTF8.GetString(d.Span)); return ValueTask.CompletedTask; },
            Connected = p => connected = p,
        }, default);
        Assert.Equal(3, outcome.ExitCode);
        Assert.Equal(ChannelProtocol.V5, outcome.Protocol);
        Assert.Equal(ChannelProtocol.V5, connected);
        Assert.Equal("HELLO\n", stdout.ToString());
        Assert.Equal("E:hello\n", stderr.ToString());
        Assert.Equal(new[] { "0:hello\n", "close 0" }, await serverTask);
        Assert.Equal("/api/v1/namespaces/ns/pods/p/exec?command=sh&command=-c&command=cat&container=c&stdin=true&stdout=true&stderr=true&tty=false v5.channel.k8s.io,v4.channel.k8s.io", requested);
    }

    [Fact]
    public async Task V4_CannotCloseStdin_ButReadsTheExitCode()
    {
        var (client, server) = Pair(ChannelProtocol.V4);
        var exec = new PodExec((_, _, _) => Task.FromResult(client));
        var serverTask = EchoServer(server, """{"metadata":{},"status":"Success"}""", waitForClose: false);
        var outcome = await exec.RunAsync(new ExecTarget("ns", "p", "c"), ["true"], new ExecStreams(), default);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(ChannelProtocol.V4, outcome.Protocol);
        await serverTask;
    }

    [Fact]
    public async Task TtySendsResizeMessages_AndNoStderrIsRequested()
    {
        var (client, server) = Pair(ChannelProtocol.V5);
        string? path = null;
        var exec = new PodExec((p, _, _) => { path = p; return Task.FromResult(client); });
        var sizes = System.Threading.Channels.Channel.CreateUnbounded<(ushort, ushort)>();
        sizes.Writer.TryWrite((120, 40));
        var keys = new BytePipe();
        var serverTask = EchoServer(server, """{"metadata":{},"status":"Success"}""");
        var run = exec.RunAsync(new ExecTarget("ns", "p", "c"), ["sh"], new ExecStreams { Stdin = keys.Reader, Tty = true, Resize = sizes.Reader }, default);
        await Task.Delay(100);
        keys.Complete();
        await run;
        Assert.Contains("4:{\"Width\":120,\"Height\":40}", await serverTask);
        Assert.Contains("&stderr=false&tty=true", path);
    }

    [Fact]
    public async Task OtherFailures_AreErrorsWithTheServersMessage()
    {
        var (client, server) = Pair(ChannelProtocol.V5);
        var exec = new PodExec((_, _, _) => Task.FromResult(client));
        var serverTask = EchoServer(server, """{"metadata":{},"status":"Failure","message":"exec: \"nope\": executable file not found in $PATH","reason":"InternalError"}""", waitForClose: false);
        var error = await Assert.ThrowsAsync<KubeException>(() => exec.RunAsync(new ExecTarget("ns", "p", "c"), ["nope"], new ExecStreams(), default));
        Assert.Equal("exec: \"nope\": executable file not found in $PATH", error.Message);
        await serverTask;
    }

    [Fact]
    public async Task Cancelling_AbortsTheConnection()
    {
        var (client, _) = Pair(ChannelProtocol.V5);
        var exec = new PodExec((_, _, _) => Task.FromResult(client));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => exec.RunAsync(new ExecTarget("ns", "p", "c"), ["sleep", "9"], new ExecStreams(), cancel.Token));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("""{"metadata":{},"status":"Success"}""", 0)]
    [InlineData(NonZero3, 3)]
    public void ExitCodes(string status, int code) => Assert.Equal(code, ExecStatus.ExitCode(status));

    [Fact]
    public void LineSplitter_JoinsChunksAndSplitsLines_UnicodeAcrossChunks()
    {
        var splitter = new LineSplitter();
        var euro = Encoding.UTF8.GetBytes("a€\r\nb");
        Assert.Empty(splitter.Push(euro.AsSpan(0, 2)));
        Assert.Equal(new[] { "a€" }, splitter.Push(euro.AsSpan(2)));
        Assert.Equal("b", splitter.Flush());
        Assert.Null(splitter.Flush());
    }

    private sealed class Duplex(Stream read, Stream write) : Stream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => read.ReadAsync(buffer, cancellationToken);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => write.WriteAsync(buffer, cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => read.Read(buffer, offset, count);
        public override void Write(byte[] buffer, int offset, int count) => write.Write(buffer, offset, count);
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override void Flush() { }
        public override bool CanRead => true;
        public override bool CanWrite => true;
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
