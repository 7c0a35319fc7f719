using System.Formats.Tar;
using System.Management.Automation;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.Copy;

/// <summary>What an extraction did: files and directories written, bytes, and the entries refused or skipped.</summary>
public sealed record ExtractionSummary(int Files, int Directories, long Bytes, IReadOnlyList<string> Refused, IReadOnlyList<string> SkippedLinks);

/// <summary>
/// Unpacks a tar stream from a pod (kubectl cp pod:SRC DEST) with kubectl's defences: every entry
/// must lie under the source prefix ("tar contents corrupted" otherwise); the rest of its name,
/// treated as a remote path, must stay inside the destination, also as resolved on disk (a symbolic
/// link already in the destination that leads out of it is never written through); symbolic links are never created;
/// a hard link is only honoured when it names a file already written inside the destination.
/// Refused entries are reported by name and nothing is written for them.
/// </summary>
public sealed class SafeExtractor
{
    private readonly string _destination;
    private readonly string _prefix;
    private readonly DestinationLinks _links;

    /// <param name="remoteSource">The path given to tar cf on the pod.</param>
    /// <param name="destination">The local path the source becomes (a file or a directory).</param>
    /// <param name="folder">The folder the user named, which nothing may leave through a symbolic link
    /// found on disk (default: the folder that holds <paramref name="destination"/>).</param>
    public SafeExtractor(string remoteSource, string destination, string? folder = null)
    {
        _prefix = RemotePaths.Prefix(remoteSource);
        _destination = Path.GetFullPath(destination);
        _links = new DestinationLinks(folder ?? Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(_destination)) ?? _destination);
    }

    /// <summary>Restore each entry's permission bits (Unix only; never set-uid/set-gid/sticky).</summary>
    public bool PreserveModes { get; init; } = true;

    /// <summary>Called for every refused entry (before going on with the next one).</summary>
    public Action<UnsafeEntryException>? OnRefused { get; init; }

    /// <summary>Called with kubectl's warning for each skipped symbolic link.</summary>
    public Action<string>? OnWarning { get; init; }

    /// <summary>Called with the bytes written so far.</summary>
    public Action<long>? OnProgress { get; init; }

    public async Task<ExtractionSummary> ExtractAsync(Stream tar, CancellationToken cancel)
    {
        int files = 0, directories = 0;
        long bytes = 0;
        var refused = new List<string>();
        var links = new List<string>();
        var written = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var directoryModes = new List<(string Path, UnixFileMode Mode)>();
        await using var reader = new TarReader(tar, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancel).ConfigureAwait(false) is { } entry)
        {
            if (entry.EntryType is TarEntryType.GlobalExtendedAttributes or TarEntryType.ExtendedAttributes)
                continue;
            var name = entry.Name;
            if (!name.StartsWith(_prefix, StringComparison.Ordinal))
            {
                throw new KubeException($"tar contents corrupted: entry \"{name}\" is not under \"{_prefix}\"", "KubeCopyCorruptTar",
                    ErrorCategory.InvalidData, name);
            }
            var target = Resolve(name[_prefix.Length..]);
            if (target is null)
            {
                Refuse(refused, name, "it would be written outside the destination");
                continue;
            }
            if (_links.Escape(target) is { } escape)
            {
                Refuse(refused, name, $"\"{escape.Link}\" is a symbolic link to \"{escape.Points}\", outside the destination; nothing is written through it");
                continue;
            }

            if (entry.EntryType == TarEntryType.Directory)
            {
                Directory.CreateDirectory(target);
                directories++;
                if (PreserveModes && !OperatingSystem.IsWindows())
                    directoryModes.Add((target, Permissions(entry.Mode)));
                continue;
            }
            if (entry.EntryType == TarEntryType.SymbolicLink)
            {
                if (LinkTarget(target, entry.LinkName) is null)
                {
                    Refuse(refused, name, $"it is a link to \"{entry.LinkName}\", outside the destination");
                    continue;
                }
                links.Add(name);
                OnWarning?.Invoke($"skipping symlink: \"{target}\" -> \"{entry.LinkName}\"");
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (entry.EntryType == TarEntryType.HardLink)
            {
                var source = Resolve(entry.LinkName.StartsWith(_prefix, StringComparison.Ordinal) ? entry.LinkName[_prefix.Length..] : "/../" + entry.LinkName);
                if (source is null || !written.Contains(source))
                {
                    Refuse(refused, name, $"it is a hard link to \"{entry.LinkName}\", which is not a file extracted inside the destination");
                    continue;
                }
                File.Copy(source, target, overwrite: true);
            }
            else
            {
                await using var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                if (entry.DataStream is { } data)
                {
                    var buffer = new byte[81920];
                    int n;
                    while ((n = await data.ReadAsync(buffer, cancel).ConfigureAwait(false)) > 0)
                    {
                        await output.WriteAsync(buffer.AsMemory(0, n), cancel).ConfigureAwait(false);
                        bytes += n;
                        OnProgress?.Invoke(bytes);
                    }
                }
            }
            written.Add(target);
            files++;
            if (PreserveModes && !OperatingSystem.IsWindows())
                File.SetUnixFileMode(target, Permissions(entry.Mode));
        }
        // Directory modes last: a read-only directory must not stop its own files being written.
        foreach (var (path, mode) in directoryModes.AsEnumerable().Reverse())
        {
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, mode | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return new ExtractionSummary(files, directories, bytes, refused, links);
    }

    private void Refuse(List<string> refused, string name, string reason)
    {
        refused.Add(name);
        OnRefused?.Invoke(new UnsafeEntryException(name, reason));
    }

    /// <summary>The local path for the part of an entry name after the prefix, or null when it is outside the destination.</summary>
    internal string? Resolve(string remoteRest)
    {
        var rest = RemotePaths.Normalise(remoteRest);
        var combined = Path.GetFullPath(Path.Combine(_destination, rest.TrimStart('/').Replace('/', Path.DirectorySeparatorChar)));
        return IsInside(combined) ? combined : null;
    }

    /// <summary>Where a symbolic link at <paramref name="linkPath"/> would point, or null when that is outside the destination.</summary>
    private string? LinkTarget(string linkPath, string linkName)
    {
        if (linkName.StartsWith('/') || linkName.Contains(':') || linkName.StartsWith('\\'))
            return null;
        var combined = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(linkPath)!, linkName.Replace('/', Path.DirectorySeparatorChar)));
        return IsInside(combined) ? combined : null;
    }

    private bool IsInside(string fullPath)
    {
        var relative = Path.GetRelativePath(_destination, fullPath);
        return relative == "." || !(relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }

    private static UnixFileMode Permissions(UnixFileMode mode) => mode & (UnixFileMode)0b111_111_111;
}
