using System.Text;
using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Tests.Units;

public sealed class StorageUnitTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pk8s-store-" + Guid.NewGuid().ToString("N")[..8]);

    public StorageUnitTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    private static JsonObject Cm(string name, string value) => new()
    {
        ["apiVersion"] = "v1", ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "ns" },
        ["data"] = new JsonObject { ["v"] = value },
    };

    private static void Put(ObjectStore s, string name, string value) => s.Write("/configmaps", "ns", name, _ => Mutation.Store(Cm(name, value)));

    [Fact]
    public void Writes_BumpOneGlobalCounter_AndListsRebuildPastSnapshots()
    {
        using var store = new ObjectStore(null);
        Put(store, "a", "1");
        var afterA = store.CurrentResourceVersion;
        Put(store, "b", "1");
        Put(store, "a", "2");
        store.Write("/configmaps", "ns", "b", _ => Mutation.Delete);
        Assert.Equal(afterA + 3, store.CurrentResourceVersion);

        var (now, _) = store.List("/configmaps", "ns");
        Assert.Equal(new[] { "a" }, now.Select(o => o.Name));
        Assert.Equal("2", now[0].Root.GetProperty("data").GetProperty("v").GetString());

        var (past, rv) = store.List("/configmaps", "ns", afterA);
        Assert.Equal(afterA, rv);
        Assert.Equal(new[] { "a" }, past.Select(o => o.Name));
        Assert.Equal("1", past[0].Root.GetProperty("data").GetProperty("v").GetString());
        var (middle, _) = store.List("/configmaps", "ns", afterA + 1);
        Assert.Equal(new[] { "a", "b" }, middle.Select(o => o.Name));
    }

    [Fact]
    public void DryRun_And_NoOpWrites_DoNotCount()
    {
        using var store = new ObjectStore(null);
        var before = store.CurrentResourceVersion;
        var dry = store.Write("/configmaps", "ns", "a", _ => Mutation.Store(Cm("a", "1")), dryRun: true);
        Assert.Equal("a", dry.Object!.Name);
        Assert.Null(store.Get("/configmaps", "ns", "a"));
        var keep = store.Write("/configmaps", "ns", "a", _ => Mutation.Unchanged);
        Assert.False(keep.Changed);
        Assert.Equal(before, store.CurrentResourceVersion);
    }

    [Fact]
    public void History_IsBounded_OlderResumesAreTooOld()
    {
        using var store = new ObjectStore(null, historyCapacity: 3);
        for (var i = 0; i < 6; i++) Put(store, $"cm{i}", "x");
        Assert.Throws<ResourceVersionTooOldException>(() => store.Subscribe("/configmaps", null, 1));
        Assert.Throws<ResourceVersionTooOldException>(() => store.List("/configmaps", null, 1));
        using var sub = store.Subscribe("/configmaps", null, store.CurrentResourceVersion - 2);
        var replayed = new List<string>();
        while (sub.TryRead(out var e)) replayed.Add(e.Object.Name);
        Assert.Equal(new[] { "cm4", "cm5" }, replayed);
    }

    [Fact]
    public void Subscription_SeesLaterChangesOfItsKindAndNamespaceOnly()
    {
        using var store = new ObjectStore(null);
        using var sub = store.Subscribe("/configmaps", "ns", null);
        Put(store, "a", "1");
        store.Write("/secrets", "ns", "s", _ => Mutation.Store(Cm("s", "x")));
        store.Write("/configmaps", "other", "o", _ => Mutation.Store(Cm("o", "x")));
        store.Write("/configmaps", "ns", "a", _ => Mutation.Delete);
        var seen = new List<string>();
        while (sub.TryRead(out var e)) seen.Add($"{e.Type}:{e.Object.Name}");
        Assert.Equal(new[] { "Added:a", "Deleted:a" }, seen);
    }

    [Fact]
    public void WriteAheadLog_ReplaysEverything_AndIgnoresATornLastRecord()
    {
        long rv;
        using (var store = new ObjectStore(new WriteAheadLog(_dir)))
        {
            Put(store, "a", "1");
            Put(store, "b", "1");
            Put(store, "a", "2");
            store.Write("/configmaps", "ns", "b", _ => Mutation.Delete);
            rv = store.CurrentResourceVersion;
        } // no Close(): like a crash, only what was appended (and fsynced) exists
        File.AppendAllText(Path.Combine(_dir, WriteAheadLog.LogFile), "{\"rv\":99,\"op\":\"put\",\"key\":\"/configmaps\",\"ns\":\"ns\",\"na");

        var notes = new List<string>();
        using var reopened = new ObjectStore(new WriteAheadLog(_dir, report: notes.Add));
        Assert.Equal(rv, reopened.CurrentResourceVersion);
        Assert.Null(reopened.Get("/configmaps", "ns", "b"));
        Assert.Equal("2", reopened.Get("/configmaps", "ns", "a")!.Root.GetProperty("data").GetProperty("v").GetString());
        Assert.Contains(notes, n => n.Contains("dropped a torn last record"));
        // Reopening compacted the log into the snapshot; a third start sees the same state.
        Assert.Empty(ObjectsFile.Read(Path.Combine(_dir, WriteAheadLog.LogFile), ObjectsFileKind.Log).Records);
        reopened.Dispose();
        using var third = new ObjectStore(new WriteAheadLog(_dir));
        Assert.Equal(rv, third.CurrentResourceVersion);
        Assert.NotNull(third.Get("/configmaps", "ns", "a"));
    }

    [Fact]
    public void StoredJson_KeepsQuotesReadable()
    {
        var o = StoredObject.FromNode("/configmaps", "ns", "a", 1, Cm("a", "say \"hi\" <b>"));
        var text = Encoding.UTF8.GetString(o.Json);
        Assert.Contains("say \\\"hi\\\" <b>", text);
    }
}
