using System.Text;
using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Tests.Units;

/// <summary>The objects files' format 2: checksummed records, what counts as torn and what as corrupt, --recover, format 1.</summary>
public sealed class WriteAheadLogUnitTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pk8s-wal-" + Guid.NewGuid().ToString("N")[..8]);
    private string LogPath => Path.Combine(_dir, WriteAheadLog.LogFile);
    private string SnapshotPath => Path.Combine(_dir, WriteAheadLog.SnapshotFile);

    public WriteAheadLogUnitTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    private static void Put(ObjectStore s, string name) => s.Write("/configmaps", "ns", name, _ => Mutation.Store(new JsonObject
    {
        ["apiVersion"] = "v1", ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "ns" },
        ["data"] = new JsonObject { ["v"] = "value-of-" + name },
    }));

    /// <summary>Ten ConfigMaps written and "crashed" (no Close): the log holds ten records after its header.</summary>
    private long WriteTenAndCrash()
    {
        using var store = new ObjectStore(new WriteAheadLog(_dir));
        for (var i = 0; i < 10; i++) Put(store, $"cm-{i}");
        return store.CurrentResourceVersion;
    }

    /// <summary>Byte offsets of the log's lines (the header is line 0).</summary>
    private List<int> LineOffsets()
    {
        var bytes = File.ReadAllBytes(LogPath);
        var offsets = new List<int> { 0 };
        for (var i = 0; i < bytes.Length - 1; i++) if (bytes[i] == '\n') offsets.Add(i + 1);
        return offsets;
    }

    private void ChangeByte(int offset)
    {
        var bytes = File.ReadAllBytes(LogPath);
        bytes[offset] = bytes[offset] == (byte)'x' ? (byte)'y' : (byte)'x';
        File.WriteAllBytes(LogPath, bytes);
    }

    [Fact]
    public void Records_AreChecksummedLines_AfterAHeader()
    {
        WriteTenAndCrash();
        var lines = File.ReadAllLines(LogPath);
        Assert.Equal(11, lines.Length);
        Assert.Matches("^[0-9a-f]{8} \\{\"format\":\"practicek8s-objects\",\"version\":2,\"file\":\"log\",\"rv\":0\\}$", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Matches("^[0-9a-f]{8} \\{\"rv\":\\d+,\"op\":\"put\"", l));
    }

    [Fact]
    public void ChangedByteInAMiddleRecord_StopsTheLoad_NamingFileAndOffset_AndLeavesTheFile()
    {
        WriteTenAndCrash();
        var line = LineOffsets()[5];
        ChangeByte(line + 40);
        var before = File.ReadAllBytes(LogPath);

        var e = Assert.Throws<StorageCorruptException>(() => new ObjectStore(new WriteAheadLog(_dir)));
        Assert.Equal(LogPath, e.FilePath);
        Assert.Equal(line, e.Offset);
        Assert.Contains($"{LogPath} is corrupt: the record at byte offset {line} fails its CRC-32 check", e.Message);
        Assert.Contains("--recover", e.Message);
        Assert.Equal(before, File.ReadAllBytes(LogPath));
        Assert.Equal(new[] { WriteAheadLog.LogFile, WriteAheadLog.SnapshotFile }.Order(), Directory.GetFiles(_dir).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Recover_KeepsTheOriginal_ContinuesFromTheGoodRecords_AndSkipsEveryUsedResourceVersion()
    {
        var lastRv = WriteTenAndCrash();
        var line = LineOffsets()[5]; // the record of cm-4
        ChangeByte(line + 40);
        var original = File.ReadAllBytes(LogPath);

        var notes = new List<string>();
        using var store = new ObjectStore(new WriteAheadLog(_dir, recover: true, report: notes.Add));
        Assert.Equal(new[] { "cm-0", "cm-1", "cm-2", "cm-3" }, store.List("/configmaps", "ns").Items.Select(o => o.Name));
        Assert.True(store.CurrentResourceVersion >= lastRv, $"counter {store.CurrentResourceVersion} would reuse resourceVersions up to {lastRv}");
        Put(store, "after");
        Assert.True(store.Get("/configmaps", "ns", "after")!.ResourceVersion > lastRv);

        var aside = Assert.Single(Directory.GetFiles(_dir, WriteAheadLog.LogFile + ".corrupt-*"));
        Assert.Equal(original, File.ReadAllBytes(aside));
        var note = Assert.Single(notes);
        Assert.Contains($"byte offset {line} fails its CRC-32 check", note);
        Assert.Contains($"The original is kept as {aside}", note);
    }

    [Fact]
    public void Recover_AfterACrashBeforeCompaction_StillKeepsTheCounterAboveTheLostRecords()
    {
        var lastRv = WriteTenAndCrash();
        ChangeByte(LineOffsets()[3] + 40);
        // The recovered copy alone (as if the start died right after writing it) carries the floor.
        new WriteAheadLog(_dir, recover: true).Load((_, _, _, _, _) => { }, (_, _, _) => { });
        var copy = ObjectsFile.Read(LogPath, ObjectsFileKind.Log);
        Assert.Null(copy.Corruption);
        Assert.Equal(2, copy.Records.Count);
        Assert.True(copy.HighestResourceVersion >= lastRv);
        using var store = new ObjectStore(new WriteAheadLog(_dir));
        Assert.True(store.CurrentResourceVersion >= lastRv);
    }

    [Fact]
    public void AMissingRecord_IsCorruption()
    {
        WriteTenAndCrash();
        var offsets = LineOffsets();
        var bytes = File.ReadAllBytes(LogPath).ToList();
        bytes.RemoveRange(offsets[4], offsets[5] - offsets[4]);
        File.WriteAllBytes(LogPath, bytes.ToArray());
        var e = Assert.Throws<StorageCorruptException>(() => new ObjectStore(new WriteAheadLog(_dir)));
        Assert.Equal(offsets[4], e.Offset);
        Assert.Contains("a record is missing or repeated", e.Message);
    }

    [Fact]
    public void TheLastRecordsDamagedLineEnd_IsCorruption_NotATornWrite()
    {
        WriteTenAndCrash();
        var bytes = File.ReadAllBytes(LogPath);
        bytes[^1] = (byte)' ';
        File.WriteAllBytes(LogPath, bytes);
        var e = Assert.Throws<StorageCorruptException>(() => new ObjectStore(new WriteAheadLog(_dir)));
        Assert.Equal(LineOffsets()[10], e.Offset);
        Assert.Contains("damaged line end", e.Message);
    }

    [Fact]
    public void ATornLastRecord_IsDropped_WithANote()
    {
        var lastRv = WriteTenAndCrash();
        var length = new FileInfo(LogPath).Length;
        var torn = "0badc0de {\"rv\":11,\"op\":\"put\",\"ke"u8.ToArray();
        using (var f = new FileStream(LogPath, FileMode.Append)) f.Write(torn);
        var notes = new List<string>();
        using var store = new ObjectStore(new WriteAheadLog(_dir, report: notes.Add));
        Assert.Equal(10, store.List("/configmaps", "ns").Items.Count);
        Assert.Equal(lastRv, store.CurrentResourceVersion);
        Assert.Equal($"{LogPath}: dropped a torn last record at byte offset {length} ({torn.Length} bytes): an append cut short by a crash, never acknowledged", Assert.Single(notes));
    }

    [Fact]
    public void ACorruptSnapshot_StopsTheLoad()
    {
        using (var store = new ObjectStore(new WriteAheadLog(_dir)))
        {
            for (var i = 0; i < 5; i++) Put(store, $"cm-{i}");
            store.Close(); // compacts into the snapshot
        }
        var bytes = File.ReadAllBytes(SnapshotPath);
        var second = Array.IndexOf(bytes, (byte)'\n', Array.IndexOf(bytes, (byte)'\n') + 1) + 1;
        bytes[second + 30] ^= 0x01;
        File.WriteAllBytes(SnapshotPath, bytes);
        var e = Assert.Throws<StorageCorruptException>(() => new ObjectStore(new WriteAheadLog(_dir)));
        Assert.Equal(SnapshotPath, e.FilePath);
        Assert.Equal(second, e.Offset);

        using var recovered = new ObjectStore(new WriteAheadLog(_dir, recover: true));
        Assert.Equal(new[] { "cm-0" }, recovered.List("/configmaps", "ns").Items.Select(o => o.Name));
        Assert.True(recovered.CurrentResourceVersion >= 5);
    }

    [Fact]
    public void Format1Files_AreReadOnce_ThenRewrittenInFormat2()
    {
        File.WriteAllText(SnapshotPath,
            "{\"rv\":3,\"op\":\"put\",\"key\":\"/configmaps\",\"ns\":\"ns\",\"name\":\"old\",\"obj\":{\"metadata\":{\"name\":\"old\",\"namespace\":\"ns\",\"resourceVersion\":\"3\"}}}\n{\"rv\":7}\n");
        File.WriteAllText(LogPath,
            "{\"rv\":8,\"op\":\"put\",\"key\":\"/configmaps\",\"ns\":\"ns\",\"name\":\"newer\",\"obj\":{\"metadata\":{\"name\":\"newer\",\"namespace\":\"ns\",\"resourceVersion\":\"8\"}}}\n" +
            "{\"rv\":9,\"op\":\"del\",\"key\":\"/configmaps\",\"ns\":\"ns\",\"name\":\"old\"}\n");
        using (var store = new ObjectStore(new WriteAheadLog(_dir)))
        {
            Assert.Equal(9, store.CurrentResourceVersion);
            Assert.Equal(new[] { "newer" }, store.List("/configmaps", "ns").Items.Select(o => o.Name));
        }
        Assert.Matches("^[0-9a-f]{8} \\{\"format\":\"practicek8s-objects\",\"version\":2,\"file\":\"snapshot\",\"rv\":9,\"records\":1\\}\n",
            File.ReadAllText(SnapshotPath));
        Assert.False(ObjectsFile.Read(SnapshotPath, ObjectsFileKind.Snapshot).Legacy);
        using var again = new ObjectStore(new WriteAheadLog(_dir));
        Assert.Equal(9, again.CurrentResourceVersion);
        Assert.NotNull(again.Get("/configmaps", "ns", "newer"));
    }

    [Fact]
    public void AsDeepAnObjectAsTheStoreTakes_ReadsBack()
    {
        var deep = new JsonObject();
        var inner = deep;
        for (var i = 0; i < 62; i++) inner = (JsonObject)(inner["x"] = new JsonObject());
        using (var store = new ObjectStore(new WriteAheadLog(_dir)))
            store.Write("/things", "", "deep", _ => Mutation.Store(new JsonObject { ["metadata"] = new JsonObject { ["name"] = "deep" }, ["spec"] = deep }));
        using var reopened = new ObjectStore(new WriteAheadLog(_dir));
        Assert.NotNull(reopened.Get("/things", "", "deep"));
    }

    [Fact]
    public void AFormat1LineThatIsNotJson_BeforeTheEnd_IsCorruption()
    {
        File.WriteAllText(LogPath, "{\"rv\":1,\"op\":\"del\",\"key\":\"/configmaps\",\"ns\":\"ns\",\"name\":\"a\"}\n{\"rv\":2,\"op\":\"del\",\"k\n{\"rv\":3,\"op\":\"del\",\"key\":\"/configmaps\",\"ns\":\"ns\",\"name\":\"a\"}\n");
        var e = Assert.Throws<StorageCorruptException>(() => new ObjectStore(new WriteAheadLog(_dir)));
        Assert.Equal(61, e.Offset);
    }
}
