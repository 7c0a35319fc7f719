using System.Formats.Tar;

namespace PracticeK8s.Engine.Copy;

/// <summary>
/// Packs a local file or directory for tar -x in a pod (kubectl cp LOCAL pod:DEST): entries are
/// named after the destination's base name ("DEST/child/file"), directories recursed (empty ones
/// kept), symbolic links stored as links, modes carried in the headers.
/// </summary>
public sealed class TarPacker
{
    private readonly string _source;
    private readonly string _entryRoot;

    /// <param name="localSource">The local file or directory.</param>
    /// <param name="remoteBaseName">The name it gets in the pod's destination directory.</param>
    public TarPacker(string localSource, string remoteBaseName)
    {
        _source = Path.GetFullPath(localSource);
        _entryRoot = remoteBaseName;
    }

    /// <summary>Called with the bytes of file data written so far.</summary>
    public Action<long>? OnProgress { get; init; }

    /// <summary>The bytes of file data the archive will carry (for progress).</summary>
    public long TotalBytes() => TotalBytes(_source);

    /// <summary>The bytes of file data an archive of <paramref name="path"/> carries: regular files, links not followed.</summary>
    public static long TotalBytes(string path)
    {
        path = Path.GetFullPath(path);
        if (File.Exists(path))
            return new FileInfo(path).Length;
        return new DirectoryInfo(path).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(f => f.LinkTarget is null).Sum(f => f.Length);
    }

    public async Task WriteAsync(Stream output, CancellationToken cancel)
    {
        await using var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        long done = 0;
        async Task AddAsync(string path, string entryName)
        {
            cancel.ThrowIfCancellationRequested();
            var info = new FileInfo(path);
            bool isDirectory = info.Attributes.HasFlag(FileAttributes.Directory) && info.LinkTarget is null;
            if (isDirectory)
            {
                await writer.WriteEntryAsync(path, entryName, cancel).ConfigureAwait(false);
                foreach (var child in Directory.EnumerateFileSystemEntries(path).OrderBy(p => p, StringComparer.Ordinal))
                    await AddAsync(child, entryName + "/" + Path.GetFileName(child)).ConfigureAwait(false);
                return;
            }
            await writer.WriteEntryAsync(path, entryName, cancel).ConfigureAwait(false);
            if (info.LinkTarget is null)
            {
                done += info.Length;
                OnProgress?.Invoke(done);
            }
        }
        await AddAsync(_source, _entryRoot).ConfigureAwait(false);
    }
}
