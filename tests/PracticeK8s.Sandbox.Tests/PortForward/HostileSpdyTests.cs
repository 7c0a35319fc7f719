using System.Buffers.Binary;
using ICSharpCode.SharpZipLib.Zip.Compression;
using PracticeK8s.Sandbox.Api.Streaming.Spdy;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.PortForward;

/// <summary>
/// Hostile bytes on an upgraded SPDY port-forward: each ends its own session with GOAWAY (protocol
/// error) and a close, promptly and without buffering what the frame claims; the server keeps serving.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class HostileSpdyTests(SandboxFixture f)
{
    private static byte[] Control(ushort type, byte flags, byte[] payload, int? claimedLength = null)
    {
        var frame = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, 0x8003);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), type);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)(claimedLength ?? payload.Length));
        frame[4] = flags;
        payload.CopyTo(frame, 8);
        return frame;
    }

    private static byte[] SynStream(uint id, byte[] headerBlock)
    {
        var payload = new byte[10 + headerBlock.Length];
        BinaryPrimitives.WriteUInt32BigEndian(payload, id);
        headerBlock.CopyTo(payload, 10);
        return Control(1, 0, payload);
    }

    /// <summary>A valid zlib stream (SPDY dictionary) that inflates to a megabyte.</summary>
    private static byte[] InflationBomb()
    {
        var deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.SetDictionary(SpdyDictionary.Bytes);
        deflater.SetInput(new byte[1 << 20]);
        deflater.Finish();
        var output = new MemoryStream();
        var buffer = new byte[4096];
        while (!deflater.IsFinished) output.Write(buffer, 0, deflater.Deflate(buffer));
        return output.ToArray();
    }

    public static TheoryData<string, byte[]> Hostile() => new()
    {
        { "control frame claiming 16 MB", Control(4, 0, new byte[16], claimedLength: 0xFFFFFF) },
        { "data frame claiming 16 MB", new byte[] { 0, 0, 0, 1, 0, 0xFF, 0xFF, 0xFF, 1, 2, 3 } },
        { "SPDY version 2", new byte[] { 0x80, 0x02, 0, 1, 0, 0, 0, 10, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0 } },
        { "header block that is not zlib", SynStream(1, "this is not zlib at all"u8.ToArray()) },
        { "header block inflating to 1 MB", SynStream(1, InflationBomb()) },
        { "malformed PING", Control(6, 0, new byte[3]) },
        { "even stream id", SynStream(2, Array.Empty<byte>()) },
        { "garbage", Enumerable.Range(0, 4096).Select(i => (byte)(i * 131 + 7)).ToArray() },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task HostileBytes_EndTheSessionWithGoAway_AndTheServerKeepsServing(string what, byte[] bytes)
    {
        var ns = f.NewNamespace("pfbad");
        await HelloPods.Start(f.Admin, ns);
        await using (var client = await SpdyUpgradeClient.Connect(f.Server, ns, "hello"))
        {
            Assert.StartsWith("HTTP/1.1 101", client.ResponseHead);
            Assert.Contains("X-Stream-Protocol-Version: portforward.k8s.io", client.ResponseHead);
            await client.Stream.WriteAsync(bytes);
            var reply = await client.ReadToClose(TimeSpan.FromSeconds(10));
            Assert.True(reply is not null, $"{what}: the session stayed open");
            // The last frame is GOAWAY (type 7) with status PROTOCOL_ERROR (1).
            Assert.True(reply!.Length >= 16, $"{what}: no GOAWAY, got {reply.Length} bytes");
            var goAway = reply[^16..];
            Assert.Equal(new byte[] { 0x80, 0x03, 0x00, 0x07, 0, 0, 0, 8 }, goAway[..8]);
            Assert.Equal(1u, BinaryPrimitives.ReadUInt32BigEndian(goAway.AsSpan(12)));
        }
        Assert.False(f.Server.HasExited);
        using var ws = await f.Admin.WebSocketNamespacedPodPortForwardAsync("hello", ns, new[] { 8080 }, k8s.WebSocketProtocol.V4BinaryWebsocketProtocol);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, ws.State);
    }
}
