using System.Text.Json.Nodes;
using Google.Protobuf;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Api.Protobuf;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Tests.Units;

/// <summary>Memory budgets of the store (history by bytes, slow watchers) and the protobuf reader's refusals.</summary>
public sealed class StoreBudgetUnitTests
{
    private static void Put(ObjectStore s, string name, string value) => s.Write("/configmaps", "ns", name, _ => Mutation.Store(new JsonObject
    {
        ["apiVersion"] = "v1", ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "ns" },
        ["data"] = new JsonObject { ["v"] = value },
    }));

    [Fact]
    public void History_IsBoundedByBytes_LongBeforeItsCount()
    {
        using var store = new ObjectStore(null, historyCapacity: 10_000, historyBytes: 10 * 1024 * 1024);
        var big = new string('x', 1024 * 1024);
        for (var i = 0; i < 40; i++) Put(store, "big", big + i);
        Assert.Throws<ResourceVersionTooOldException>(() => store.Subscribe("/configmaps", null, 1));
        // What is kept still serves a resume from a recent version.
        using var sub = store.Subscribe("/configmaps", null, store.CurrentResourceVersion - 1);
        Assert.True(sub.TryRead(out var e));
        Assert.Equal(store.CurrentResourceVersion, e.ResourceVersion);
    }

    [Fact]
    public void AWatcherThatStopsReading_IsEnded_NotBufferedForever()
    {
        using var store = new ObjectStore(null);
        using var slow = store.Subscribe("/configmaps", null, null);
        for (var i = 0; i <= WatchSubscription.MaxPendingEvents; i++) Put(store, "c", i.ToString());
        Assert.True(slow.FellBehind);
        var read = 0;
        while (slow.TryRead(out _)) read++;
        Assert.Equal(WatchSubscription.MaxPendingEvents, read);
        Assert.False(slow.WaitToReadAsync(CancellationToken.None).AsTask().Result); // ended: its client resumes or lists again

        using var keepingUp = store.Subscribe("/configmaps", null, null);
        for (var i = 0; i < 3 * WatchSubscription.MaxPendingEvents; i++)
        {
            Put(store, "c", "x" + i);
            Assert.True(keepingUp.TryRead(out _));
        }
        Assert.False(keepingUp.FellBehind);
    }

    private static byte[] Protobuf(byte[] unknown)
    {
        var ms = new MemoryStream();
        ms.Write("k8s\0"u8);
        ms.Write(unknown);
        return ms.ToArray();
    }

    [Fact]
    public void Protobuf_DeeplyNestedGroups_AreABadRequest()
    {
        const int depth = 100_000;
        var body = new byte[2 * depth];
        Array.Fill(body, (byte)WireFormat.MakeTag(3, WireFormat.WireType.StartGroup), 0, depth);
        Array.Fill(body, (byte)WireFormat.MakeTag(3, WireFormat.WireType.EndGroup), depth, depth);
        var e = Assert.Throws<ApiException>(() => ProtobufBody.Decode(Protobuf(body), new[] { MediaType.Json }));
        Assert.Equal(400, e.Code);
    }

    [Fact]
    public void Protobuf_ALengthPastTheBody_IsABadRequest()
    {
        // field 2 (raw), length-delimited, claiming 2 GiB in a 10-byte body
        var body = new byte[] { (byte)WireFormat.MakeTag(2, WireFormat.WireType.LengthDelimited), 0xFF, 0xFF, 0xFF, 0xFF, 0x07 };
        var e = Assert.Throws<ApiException>(() => ProtobufBody.Decode(Protobuf(body), new[] { MediaType.Json }));
        Assert.Equal(400, e.Code);
    }
}
