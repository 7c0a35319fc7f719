using System.Text;

namespace PracticeK8s.Sandbox.Security;

/// <summary>
/// Files and directories only the sandbox's user may open: files are created 0600 and directories
/// 0700 by the very call that creates them (the mode goes to open/mkdir, it is never applied
/// afterwards), so no other local user can open one in the instant after it appears. Whole files
/// are replaced through a new temp file and a rename, which also re-creates a file an older version
/// left with a wider mode. On Windows the platform defaults apply.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FileMode600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode DirectoryMode700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Opens <paramref name="path"/> for writing; a file this creates is 0600. <paramref name="mode"/> must be one that may create.</summary>
    public static FileStream Open(string path, FileMode mode, FileShare share = FileShare.Read, int bufferSize = 4096)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = share, BufferSize = bufferSize };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode600;
        return new FileStream(path, options);
    }

    /// <summary>Creates a directory and its missing parents, each 0700; existing ones are left as they are.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        // Directory.CreateDirectory(path, mode) gives the mode to the last directory only.
        var missing = new Stack<string>();
        for (var p = Path.GetFullPath(path); !Directory.Exists(p); p = Path.GetDirectoryName(p)!)
        {
            missing.Push(p);
            if (Path.GetDirectoryName(p) is null) break;
        }
        while (missing.TryPop(out var dir)) Directory.CreateDirectory(dir, DirectoryMode700);
    }

    public static void WriteAtomically(string path, string text, bool durable = true) =>
        WriteAtomically(path, Encoding.UTF8.GetBytes(text), durable);

    /// <summary>
    /// Replaces <paramref name="path"/> with <paramref name="content"/>: written to a new 0600 temp file
    /// beside it, then renamed, so a reader sees the old file or the whole new one. <paramref name="durable"/>
    /// also flushes the file and the directory entry to disk.
    /// </summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> content, bool durable = true)
    {
        var tmp = TempPathFor(path);
        try
        {
            using (var fs = Open(tmp, FileMode.CreateNew, FileShare.None))
            {
                fs.Write(content);
                fs.Flush(flushToDisk: durable);
            }
            File.Move(tmp, path, overwrite: true);
        }
        catch
        {
            TryDelete(tmp);
            throw;
        }
        if (durable) UnixFileStatus.SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Writes a file that must not exist yet (0600); false when it already does.</summary>
    public static bool TryCreateNew(string path, string text)
    {
        try
        {
            using var fs = Open(path, FileMode.CreateNew, FileShare.None);
            fs.Write(Encoding.UTF8.GetBytes(text));
            return true;
        }
        catch (IOException) when (File.Exists(path)) { return false; }
    }

    /// <summary>A byte-for-byte 0600 copy of <paramref name="source"/> at a path that must be new, flushed to disk.</summary>
    public static void CopyNew(string source, string destination)
    {
        using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var to = Open(destination, FileMode.CreateNew, FileShare.None, 1 << 16);
        from.CopyTo(to);
        to.Flush(flushToDisk: true);
    }

    /// <summary>A temp name beside <paramref name="path"/> nobody can guess or have planted (created with CreateNew).</summary>
    public static string TempPathFor(string path) => $"{path}.{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()}.tmp";

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
