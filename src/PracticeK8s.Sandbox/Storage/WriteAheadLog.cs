using System.Text;
using System.Text.Json;

namespace PracticeK8s.Sandbox.Storage;

/// <summary>
/// Durability for the object store: a snapshot file plus an append-only log of writes since it.
/// Every record is fsynced before the write is acknowledged, so <c>kill -9</c> loses nothing that
/// a client was told succeeded; a torn last line (a crash mid-append) is ignored on replay.
/// Record: one JSON line <c>{"rv":N,"op":"put"|"del","key":"group/plural","ns":"..","name":"..","obj":{..}}</c>.
/// </summary>
public sealed class WriteAheadLog : IDisposable
{
    public const string LogFile = "objects.wal", SnapshotFile = "objects.snapshot";
    private const long CompactAfterBytes = 64L * 1024 * 1024;

    private readonly string _dir;
    private FileStream _log;

    public WriteAheadLog(string dataDir)
    {
        _dir = dataDir;
        _log = OpenLog();
    }

    private string PathOf(string f) => Path.Combine(_dir, f);

    private FileStream OpenLog() =>
        new(PathOf(LogFile), FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16);

    public bool WantsCompaction => _log.Length > CompactAfterBytes;

    /// <summary>Replays snapshot + log into <paramref name="put"/>/<paramref name="delete"/>; returns the last resourceVersion seen.</summary>
    public long Load(Action<string, string, string, long, byte[]> put, Action<string, string, string> delete)
    {
        long rv = 0;
        var snap = PathOf(SnapshotFile);
        if (File.Exists(snap)) rv = Replay(snap, put, delete, rv);
        var log = PathOf(LogFile);
        if (File.Exists(log)) rv = Replay(log, put, delete, rv);
        return rv;
    }

    private static long Replay(string path, Action<string, string, string, long, byte[]> put, Action<string, string, string> delete, long rv)
    {
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.Length == 0) continue;
            JsonDocument doc;
            try { doc = JsonDocument.Parse(line); }
            catch (JsonException) { break; } // torn final record from a crash mid-write: never acknowledged
            using (doc)
            {
                var r = doc.RootElement;
                var recRv = r.GetProperty("rv").GetInt64();
                if (r.TryGetProperty("op", out var op))
                {
                    var key = r.GetProperty("key").GetString()!;
                    var ns = r.GetProperty("ns").GetString()!;
                    var name = r.GetProperty("name").GetString()!;
                    if (op.GetString() == "put")
                        put(key, ns, name, recRv, Encoding.UTF8.GetBytes(r.GetProperty("obj").GetRawText()));
                    else
                        delete(key, ns, name);
                }
                rv = Math.Max(rv, recRv);
            }
        }
        return rv;
    }

    public void AppendPut(StoredObject o) => Append(o, "put");
    public void AppendDelete(StoredObject o) => Append(o, "del");

    private void Append(StoredObject o, string op)
    {
        var buffer = new MemoryStream(o.Json.Length + 128);
        using (var w = new Utf8JsonWriter(buffer, JsonOutput.Writer))
        {
            WriteRecord(w, o, op);
        }
        buffer.WriteByte((byte)'\n');
        _log.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
        _log.Flush(flushToDisk: true);
    }

    private static void WriteRecord(Utf8JsonWriter w, StoredObject o, string? op)
    {
        w.WriteStartObject();
        w.WriteNumber("rv", o.ResourceVersion);
        w.WriteString("op", op ?? "put");
        w.WriteString("key", o.Key);
        w.WriteString("ns", o.Namespace);
        w.WriteString("name", o.Name);
        if (op != "del")
        {
            w.WritePropertyName("obj");
            w.WriteRawValue(o.Json, skipInputValidation: true);
        }
        w.WriteEndObject();
    }

    /// <summary>Writes every live object to a new snapshot (atomically replaced) and empties the log.</summary>
    public void Compact(IEnumerable<StoredObject> all, long rv)
    {
        var tmp = PathOf(SnapshotFile + ".tmp");
        using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            foreach (var o in all)
            {
                using (var w = new Utf8JsonWriter(fs, JsonOutput.Writer)) WriteRecord(w, o, "put");
                fs.WriteByte((byte)'\n');
            }
            // A marker so the snapshot alone restores the counter even when the newest write was a delete.
            fs.Write(Encoding.UTF8.GetBytes($"{{\"rv\":{rv}}}\n"));
            fs.Flush(flushToDisk: true);
        }
        File.Move(tmp, PathOf(SnapshotFile), overwrite: true);
        _log.Dispose();
        _log = new FileStream(PathOf(LogFile), FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        _log.Flush(flushToDisk: true);
    }

    public void Dispose() => _log.Dispose();
}
