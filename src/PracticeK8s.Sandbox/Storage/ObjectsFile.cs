using System.Text;
using System.Text.Json;

namespace PracticeK8s.Sandbox.Storage;

internal enum ObjectsFileKind { Snapshot, Log }

/// <summary>A change read back from an objects file; <see cref="Op"/> is null for a format-1 snapshot's counter marker.</summary>
internal sealed record ObjectsRecord(long Offset, long ResourceVersion, string? Op, string Key, string Namespace, string Name, byte[]? Object, ReadOnlyMemory<byte> Json);

/// <summary>
/// What one objects file holds: its header (format 2), the records that read back intact, and what
/// stopped the reading: a torn last record (a log's append cut short: never acknowledged) or a
/// corrupt record (with its byte offset).
/// </summary>
internal sealed class ObjectsFile
{
    public const string Format = "practicek8s-objects";
    public const int Version = 2;

    /// <summary>
    /// Above any depth an object can be stored with (plus the record around it), so a stored object
    /// always reads back; the reader is iterative, so a deep record costs no stack.
    /// </summary>
    private static readonly JsonDocumentOptions RecordOptions = new() { MaxDepth = 1024 };

    public required string Path { get; init; }
    public required long Length { get; init; }
    /// <summary>Format 1: JSON lines without a header or checksums (read once, then compacted into format 2).</summary>
    public bool Legacy { get; private set; }
    /// <summary>The resourceVersion counter when the file was written; a log's records continue from it one by one.</summary>
    public long BaseResourceVersion { get; private set; }
    /// <summary>Left by a recovery: resourceVersions up to this may have been handed out, so the counter continues above it.</summary>
    public long Floor { get; private set; }
    public List<ObjectsRecord> Records { get; } = new();
    public (long Offset, string Reason)? Corruption { get; private set; }
    public (long Offset, long Length)? TornTail { get; private set; }

    public long HighestResourceVersion =>
        Math.Max(Math.Max(BaseResourceVersion, Floor), Records.Count == 0 ? 0 : Records.Max(r => r.ResourceVersion));

    public static ObjectsFile Read(string path, ObjectsFileKind kind)
    {
        var bytes = File.ReadAllBytes(path);
        var file = new ObjectsFile { Path = path, Length = bytes.Length };
        if (bytes.Length == 0) return file; // a format-1 log just after compaction
        file.Legacy = bytes[0] == (byte)'{';
        if (file.Legacy) file.ReadLegacy(bytes, kind);
        else file.ReadFramed(bytes, kind);
        return file;
    }

    private void ReadFramed(byte[] bytes, ObjectsFileKind kind)
    {
        int pos = 0;
        long? expectedRecords = null;
        var header = true;
        while (pos < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', pos);
            if (end < 0)
            {
                var tail = bytes.AsSpan(pos);
                // A complete record whose newline was changed is damage, not a crash mid-append.
                if (kind == ObjectsFileKind.Log && !header && !RecordFraming.TryUnframe(tail[..^1], out _))
                    TornTail = (pos, tail.Length);
                else
                    Corruption = (pos, kind == ObjectsFileKind.Snapshot ? "is cut short (a snapshot is only ever written whole)" : "has a damaged line end");
                return;
            }
            var line = bytes.AsMemory(pos, end - pos);
            if (!RecordFraming.TryUnframe(line.Span, out var start))
            {
                Corruption = (pos, RecordFraming.LooksFramed(line.Span) ? "fails its CRC-32 check" : "is not a checksummed record");
                return;
            }
            var json = line[start..];
            try
            {
                using var doc = JsonDocument.Parse(json, RecordOptions);
                var r = doc.RootElement;
                if (header)
                {
                    if (!r.TryGetProperty("format", out var f) || f.GetString() != Format || r.GetProperty("version").GetInt32() != Version
                        || r.GetProperty("file").GetString() != (kind == ObjectsFileKind.Log ? "log" : "snapshot"))
                    {
                        Corruption = (pos, $"is not the header of a format-{Version} {(kind == ObjectsFileKind.Log ? "log" : "snapshot")}");
                        return;
                    }
                    BaseResourceVersion = r.GetProperty("rv").GetInt64();
                    if (r.TryGetProperty("floor", out var floor)) Floor = floor.GetInt64();
                    if (r.TryGetProperty("records", out var count)) expectedRecords = count.GetInt64();
                    header = false;
                }
                else
                {
                    var record = ToRecord(pos, r, json);
                    var expected = (Records.Count == 0 ? BaseResourceVersion : Records[^1].ResourceVersion) + 1;
                    if (kind == ObjectsFileKind.Log && record.ResourceVersion != expected)
                    {
                        Corruption = (pos, $"has resourceVersion {record.ResourceVersion} where {expected} was next (a record is missing or repeated)");
                        return;
                    }
                    Records.Add(record);
                }
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                Corruption = (pos, "is not a well-formed record");
                return;
            }
            pos = end + 1;
        }
        if (header) Corruption = (0, "is missing: the file has no header");
        else if (expectedRecords is { } n && n != Records.Count)
            Corruption = (bytes.Length, $"is missing: the snapshot ends after {Records.Count} of its {n} records");
    }

    /// <summary>Format 1: complete lines must parse (a bad one is corruption); a log's unterminated last line is a torn append.</summary>
    private void ReadLegacy(byte[] bytes, ObjectsFileKind kind)
    {
        int pos = 0;
        while (pos < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', pos);
            if (end < 0)
            {
                if (kind == ObjectsFileKind.Log) TornTail = (pos, bytes.Length - pos);
                else Corruption = (pos, "is cut short (a snapshot is only ever written whole)");
                return;
            }
            var json = bytes.AsMemory(pos, end - pos);
            if (json.Length > 0)
            {
                try
                {
                    using var doc = JsonDocument.Parse(json, RecordOptions);
                    var record = ToRecord(pos, doc.RootElement, json);
                    if (record.Op is null) BaseResourceVersion = Math.Max(BaseResourceVersion, record.ResourceVersion);
                    else Records.Add(record);
                }
                catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
                {
                    Corruption = (pos, "is not valid JSON (format 1 has no checksums)");
                    return;
                }
            }
            pos = end + 1;
        }
    }

    private static ObjectsRecord ToRecord(long offset, JsonElement r, ReadOnlyMemory<byte> json)
    {
        var rv = r.GetProperty("rv").GetInt64();
        if (!r.TryGetProperty("op", out var op)) return new ObjectsRecord(offset, rv, null, "", "", "", null, json);
        var kind = op.GetString();
        if (kind is not ("put" or "del")) throw new FormatException($"unknown op {kind}");
        var obj = kind == "put" ? Encoding.UTF8.GetBytes(r.GetProperty("obj").GetRawText()) : null;
        return new ObjectsRecord(offset, rv, kind, r.GetProperty("key").GetString()!, r.GetProperty("ns").GetString()!, r.GetProperty("name").GetString()!, obj, json);
    }
}
