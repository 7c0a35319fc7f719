using System.Buffers.Binary;
using PracticeK8s.Sandbox.Api.Streaming.Spdy;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.PortForward;

/// <summary>A raw SPDY client on an upgraded port-forward: PING replies, the open-streams budget, and a forward by hand.</summary>
[Collection(SandboxCollection.Name)]
public sealed class SpdySessionTests(SandboxFixture f)
{
    private static byte[] Control(SpdyControlType type, byte[] payload)
    {
        var frame = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, 0x8003);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)type);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame, 8);
        return frame;
    }

    private static byte[] SynStream(SpdyHeaderEncoder encoder, uint id, string type, string requestId, string port = "8080")
    {
        var block = encoder.Encode(new Dictionary<string, string> { ["streamtype"] = type, ["port"] = port, ["requestid"] = requestId });
        var payload = new byte[10 + block.Length];
        BinaryPrimitives.WriteUInt32BigEndian(payload, id);
        block.CopyTo(payload, 10);
        return Control(SpdyControlType.SynStream, payload);
    }

    private static async Task<SpdyFrame> Next(SpdyFrameReader reader, Func<SpdyFrame, bool> wanted)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var frame = await reader.ReadAsync(cts.Token) ?? throw new IOException("the server closed the session");
            if (wanted(frame)) return frame;
        }
    }

    [Fact]
    public async Task Ping_IsAnswered_AndStreamsPastTheBudgetAreRefused()
    {
        var ns = f.NewNamespace("pfspdy");
        await HelloPods.Start(f.Admin, ns);
        await using var client = await SpdyUpgradeClient.Connect(f.Server, ns, "hello");
        var reader = new SpdyFrameReader(client.Stream, SpdyLimits.Default);
        var ping = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(ping, 7);
        await client.Stream.WriteAsync(Control(SpdyControlType.Ping, ping));
        Assert.Equal(new SpdyPingFrame(7), await Next(reader, fr => fr is SpdyPingFrame));

        // Error streams whose data streams never come: each stays open until the budget is spent.
        var encoder = new SpdyHeaderEncoder();
        var limit = SpdyLimits.Default.MaxOpenStreams;
        var frames = new MemoryStream();
        for (var i = 0; i <= limit; i++) frames.Write(SynStream(encoder, (uint)(2 * i + 1), "error", i.ToString()));
        await client.Stream.WriteAsync(frames.ToArray());
        var rst = (SpdyRstStreamFrame)await Next(reader, fr => fr is SpdyRstStreamFrame);
        Assert.Equal((uint)(2 * limit + 1), rst.StreamId);
        Assert.Equal(SpdyRstStatus.RefusedStream, rst.Status);
    }

    [Fact]
    public async Task AnErrorAndADataStream_ForwardOneConnection_AndEndWithFin()
    {
        var ns = f.NewNamespace("pfspdy");
        await HelloPods.Start(f.Admin, ns);
        await using var client = await SpdyUpgradeClient.Connect(f.Server, ns, "hello");
        var reader = new SpdyFrameReader(client.Stream, SpdyLimits.Default);
        var encoder = new SpdyHeaderEncoder();
        await client.Stream.WriteAsync(SynStream(encoder, 1, "error", "0"));
        await client.Stream.WriteAsync(SynStream(encoder, 3, "data", "0"));
        var request = "GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"u8.ToArray();
        var data = new byte[8 + request.Length];
        BinaryPrimitives.WriteUInt32BigEndian(data, 3);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(4), (uint)request.Length);
        data[4] = SpdyFrame.FlagFin; // half-close after the request, as kubectl does when its client is done writing
        request.CopyTo(data, 8);
        await client.Stream.WriteAsync(data);

        var body = new MemoryStream();
        bool dataDone = false, errorDone = false;
        while (!dataDone || !errorDone)
        {
            var frame = (SpdyDataFrame)await Next(reader, fr => fr is SpdyDataFrame);
            if (frame.StreamId == 3) { body.Write(frame.Data); dataDone |= frame.Fin; }
            if (frame.StreamId == 1) { Assert.Empty(frame.Data); errorDone |= frame.Fin; }
        }
        Assert.Contains("Hello, world!", System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }
}
