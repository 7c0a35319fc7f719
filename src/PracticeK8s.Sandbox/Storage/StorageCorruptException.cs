namespace PracticeK8s.Sandbox.Storage;

/// <summary>A record of a stored objects file that cannot be trusted; the start stops and the file is left as it is.</summary>
public sealed class StorageCorruptException(string path, long offset, string reason)
    : Exception($"{path} is corrupt: the record at byte offset {offset} {reason}. The file was left as it is. " +
                $"To start from the records before it, run the sandbox with --recover: the original is kept as " +
                $"{Path.GetFileName(path)}.corrupt-<time> beside it and {Path.GetFileName(path)} is replaced by a copy truncated at the last good record.")
{
    public string FilePath { get; } = path;
    public long Offset { get; } = offset;
    public string Reason { get; } = reason;
}
