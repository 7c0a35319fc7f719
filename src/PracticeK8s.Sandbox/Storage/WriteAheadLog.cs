using System.Text;
using System.Text.Json;
using PracticeK8s.Sandbox.Security;

namespace PracticeK8s.Sandbox.Storage;

/// <summary>
/// Durability for the object store: a snapshot file plus an append-only log of writes since it, both
/// 0600 from creation. Every record is fsynced before the write is acknowledged, so <c>kill -9</c>
/// loses nothing a client was told succeeded. Format 2 (see <see cref="RecordFraming"/>): a header
/// line, then one checksummed JSON line per record
/// <c>{"rv":N,"op":"put"|"del","key":"group/plural","ns":"..","name":"..","obj":{..}}</c>; a log's
/// records carry consecutive resourceVersions after the header's.
/// At load, a torn last log record (an append a crash cut short) is dropped with a report line; any
/// other bad record stops the start (<see cref="StorageCorruptException"/>) and leaves the file as it
/// is, unless <c>recover</c> is set: then the original is kept as <c>FILE.corrupt-TIME</c>, FILE is
/// replaced by a copy holding the records before the bad one, and the counter skips every
/// resourceVersion the dropped part can have used. Format-1 files (no header or checksums) are read
/// once; the compaction at start rewrites them in format 2.
/// </summary>
public sealed class WriteAheadLog : IDisposable
{
    public const string LogFile = "objects.wal", SnapshotFile = "objects.snapshot";
    private const long CompactAfterBytes = 64L * 1024 * 1024;

    /// <summary>The fewest bytes any record of either format takes (a format-1 delete with empty names).</summary>
    internal static readonly int MinRecordBytes = Encoding.UTF8.GetByteCount("{\"rv\":0,\"op\":\"del\",\"key\":\"\",\"ns\":\"\",\"name\":\"\"}\n");

    private readonly string _dir;
    private readonly bool _recover;
    private readonly Action<string> _report;
    private FileStream? _log;

    /// <param name="recover">Continue from the good records before a corrupt one instead of refusing to start.</param>
    /// <param name="report">Where load-time notes go (a dropped torn record, a recovery); the server's stderr.</param>
    public WriteAheadLog(string dataDir, bool recover = false, Action<string>? report = null)
    {
        _dir = dataDir;
        _recover = recover;
        _report = report ?? (_ => { });
    }

    private string PathOf(string f) => Path.Combine(_dir, f);

    public bool WantsCompaction => _log is { Length: > CompactAfterBytes };

    /// <summary>Replays snapshot + log into <paramref name="put"/>/<paramref name="delete"/>; returns the resourceVersion to continue from.</summary>
    public long Load(Action<string, string, string, long, byte[]> put, Action<string, string, string> delete)
    {
        long rv = 0;
        foreach (var (name, kind) in new[] { (SnapshotFile, ObjectsFileKind.Snapshot), (LogFile, ObjectsFileKind.Log) })
        {
            var path = PathOf(name);
            if (!File.Exists(path)) continue;
            var file = ReadChecked(path, kind, rv);
            foreach (var r in file.Records)
            {
                if (r.Op == "put") put(r.Key, r.Namespace, r.Name, r.ResourceVersion, r.Object!);
                else if (r.Op == "del") delete(r.Key, r.Namespace, r.Name);
            }
            rv = Math.Max(rv, file.HighestResourceVersion);
        }
        return rv;
    }

    private ObjectsFile ReadChecked(string path, ObjectsFileKind kind, long rvBefore)
    {
        var file = ObjectsFile.Read(path, kind);
        if (file.TornTail is { } torn)
            _report($"{path}: dropped a torn last record at byte offset {torn.Offset} ({torn.Length} bytes): an append cut short by a crash, never acknowledged");
        if (file.Corruption is not { } bad) return file;
        if (!_recover) throw new StorageCorruptException(path, bad.Offset, bad.Reason);
        return Recover(file, kind, rvBefore);
    }

    /// <summary>
    /// Keeps the original aside, replaces it by its good records, and returns that copy as read back.
    /// <paramref name="rvBefore"/> is the counter the files read before this one reached.
    /// </summary>
    private ObjectsFile Recover(ObjectsFile file, ObjectsFileKind kind, long rvBefore)
    {
        var (offset, reason) = file.Corruption!.Value;
        var last = Math.Max(file.HighestResourceVersion, rvBefore);
        // Every record from the bad one to the end of a log took the next resourceVersion and at least
        // MinRecordBytes, so no more than this many of them were handed out past the last good record.
        var floor = kind == ObjectsFileKind.Log ? last + (file.Length - offset) / MinRecordBytes + 1 : last;
        var aside = $"{file.Path}.corrupt-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}";
        PrivateFiles.CopyNew(file.Path, aside);

        var copy = new MemoryStream();
        var baseRv = !file.Legacy ? file.BaseResourceVersion
            : file.Records.Count > 0 ? file.Records[0].ResourceVersion - 1 : rvBefore;
        copy.Write(Header(kind, kind == ObjectsFileKind.Log ? baseRv : last, floor, kind == ObjectsFileKind.Snapshot ? file.Records.Count : null));
        foreach (var r in file.Records) copy.Write(RecordFraming.Frame(r.Json.Span));
        PrivateFiles.WriteAtomically(file.Path, copy.ToArray());
        _report($"{file.Path}: --recover: the record at byte offset {offset} {reason}. The original is kept as {aside}; " +
                $"{Path.GetFileName(file.Path)} now holds the {file.Records.Count} records before that offset ({file.Length - offset} bytes dropped), " +
                $"and new resourceVersions start above {floor}.");
        var recovered = ObjectsFile.Read(file.Path, kind);
        if (recovered.Corruption is { } still) throw new StorageCorruptException(file.Path, still.Offset, still.Reason);
        return recovered;
    }

    private static byte[] Header(ObjectsFileKind kind, long rv, long floor, long? records)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonOutput.Writer))
        {
            w.WriteStartObject();
            w.WriteString("format", ObjectsFile.Format);
            w.WriteNumber("version", ObjectsFile.Version);
            w.WriteString("file", kind == ObjectsFileKind.Log ? "log" : "snapshot");
            w.WriteNumber("rv", rv);
            if (floor > rv) w.WriteNumber("floor", floor);
            if (records is { } n) w.WriteNumber("records", n);
            w.WriteEndObject();
        }
        return RecordFraming.Frame(buffer.ToArray());
    }

    public void AppendPut(StoredObject o) => Append(o, "put");
    public void AppendDelete(StoredObject o) => Append(o, "del");

    private void Append(StoredObject o, string op)
    {
        var log = _log ?? throw new InvalidOperationException("the log is opened by the compaction after Load");
        var record = Record(o, op);
        var end = log.Length;
        try
        {
            log.Write(record);
            log.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            // The write is refused (e.g. disk full); cut off what part of it landed, so the next record
            // (which reuses this resourceVersion) does not follow a broken one.
            try { log.SetLength(end); } catch (IOException) { }
            throw;
        }
    }

    private static byte[] Record(StoredObject o, string op)
    {
        var buffer = new MemoryStream(o.Json.Length + 128);
        using (var w = new Utf8JsonWriter(buffer, JsonOutput.Writer))
        {
            w.WriteStartObject();
            w.WriteNumber("rv", o.ResourceVersion);
            w.WriteString("op", op);
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
        return RecordFraming.Frame(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Writes every live object to a new snapshot (atomically replaced), then starts an empty log after it.</summary>
    public void Compact(IEnumerable<StoredObject> all, long rv)
    {
        var objects = all.ToList();
        var snapshot = PathOf(SnapshotFile);
        var tmp = PrivateFiles.TempPathFor(snapshot);
        using (var fs = PrivateFiles.Open(tmp, FileMode.CreateNew, FileShare.None, 1 << 16))
        {
            fs.Write(Header(ObjectsFileKind.Snapshot, rv, 0, objects.Count));
            foreach (var o in objects) fs.Write(Record(o, "put"));
            fs.Flush(flushToDisk: true);
        }
        File.Move(tmp, snapshot, overwrite: true);
        UnixFileStatus.SyncDirectory(_dir);
        // From here the snapshot holds everything; a crash before the new log is in place replays the old
        // log over it, which ends in the same state.
        _log?.Dispose();
        _log = null;
        var log = PathOf(LogFile);
        PrivateFiles.WriteAtomically(log, Header(ObjectsFileKind.Log, rv, 0, null));
        _log = PrivateFiles.Open(log, FileMode.Append, FileShare.Read, bufferSize: 0); // one write per record, straight through
    }

    public void Dispose() => _log?.Dispose();
}
