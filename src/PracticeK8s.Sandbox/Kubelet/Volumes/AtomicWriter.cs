using System.Globalization;
using System.Security.Cryptography;
using PracticeK8s.Sandbox.Security;

namespace PracticeK8s.Sandbox.Kubelet.Volumes;

/// <summary>
/// Writes a configMap/secret/downwardAPI/projected volume the way kubelet's atomic writer does:
/// the files go into a new hidden directory <c>..YYYY_MM_DD_hh_mm_ss.NNNNNNNNN</c>, the link
/// <c>..data</c> is switched to it by one rename, and each user-visible name is a link
/// <c>name -> ..data/name</c>; so a reader sees the old set or the new set, never a mix. Directories
/// are 0700, files get the mode asked for (what the container sees; the pod's volume directories
/// above stay private). Nothing is written when the content and modes are unchanged.
/// </summary>
public static class AtomicWriter
{
    public const string DataLink = "..data";
    private const string NewDataLink = "..data_tmp";

    /// <summary>Why a file path cannot be written in a volume (null when it can): relative, no '..' segment, not starting with '..'.</summary>
    public static string? PathProblem(string path)
    {
        if (path.Length == 0) return "must not be empty";
        if (path.StartsWith('/')) return "must be a relative path";
        if (path.Length > 4096) return "must be no more than 4096 characters";
        if (path.StartsWith("..", StringComparison.Ordinal)) return "must not start with '..'";
        if (path.Split('/').Any(s => s is ".." or "" or ".")) return "must not contain '..', '.' or empty segments";
        if (path.IndexOf('\0') >= 0) return "must not contain NUL";
        return null;
    }

    /// <summary>Makes <paramref name="directory"/> hold exactly <paramref name="files"/>; true when it wrote anything.</summary>
    public static bool Write(string directory, IReadOnlyCollection<VolumeFile> files)
    {
        foreach (var f in files)
            if (PathProblem(f.Path) is { } problem) throw new ArgumentException($"invalid path {f.Path}: {problem}");
        PrivateFiles.CreateDirectory(directory);
        if (OperatingSystem.IsWindows()) return WritePlain(directory, files);
        var current = CurrentPayload(directory);
        var changed = current is null || !SamePayload(Path.Combine(directory, current), files);
        if (changed)
        {
            var payload = NewPayloadDirectory(directory);
            foreach (var f in files) WriteFile(Path.Combine(directory, payload, f.Path), f);
            var link = Path.Combine(directory, NewDataLink);
            if (File.Exists(link) || new FileInfo(link).LinkTarget is not null) File.Delete(link);
            File.CreateSymbolicLink(link, payload);
            FileNative.Rename(link, Path.Combine(directory, DataLink));
            if (current is not null) Directory.Delete(Path.Combine(directory, current), recursive: true);
        }
        var visible = files.Select(f => f.Path.Split('/')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var name in visible)
        {
            var at = Path.Combine(directory, name);
            if (new FileInfo(at).LinkTarget is null) File.CreateSymbolicLink(at, $"{DataLink}/{name}");
        }
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
            if (!entry.Name.StartsWith("..", StringComparison.Ordinal) && !visible.Contains(entry.Name) && entry.LinkTarget?.StartsWith(DataLink + "/", StringComparison.Ordinal) == true)
            {
                entry.Delete();
                changed = true;
            }
        return changed;
    }

    /// <summary>The name of the payload directory <c>..data</c> points to (null when there is none yet).</summary>
    public static string? CurrentPayload(string directory)
    {
        var target = new FileInfo(Path.Combine(directory, DataLink)).LinkTarget;
        return target is not null && Directory.Exists(Path.Combine(directory, target)) ? target : null;
    }

    private static bool SamePayload(string payload, IReadOnlyCollection<VolumeFile> files)
    {
        var existing = Directory.EnumerateFiles(payload, "*", SearchOption.AllDirectories).Count();
        if (existing != files.Count) return false;
        foreach (var f in files)
        {
            var path = Path.Combine(payload, f.Path);
            if (!File.Exists(path) || new FileInfo(path).LinkTarget is not null) return false;
            if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) != f.Mode) return false;
            if (!File.ReadAllBytes(path).AsSpan().SequenceEqual(f.Content)) return false;
        }
        return true;
    }

    /// <summary>Windows (host-process mode only, links need privileges there): the files themselves, replaced when they differ.</summary>
    private static bool WritePlain(string directory, IReadOnlyCollection<VolumeFile> files)
    {
        var changed = false;
        foreach (var f in files)
        {
            var path = Path.Combine(directory, f.Path);
            if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(f.Content)) continue;
            PrivateFiles.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, f.Content);
            changed = true;
        }
        return changed;
    }

    private static string NewPayloadDirectory(string directory)
    {
        var stamp = DateTime.UtcNow.ToString("yyyy_MM_dd_HH_mm_ss", CultureInfo.InvariantCulture);
        while (true)
        {
            var name = $"..{stamp}.{RandomNumberGenerator.GetInt32(1_000_000_000).ToString("D9", CultureInfo.InvariantCulture)}";
            var path = Path.Combine(directory, name);
            if (Directory.Exists(path)) continue;
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
            else Directory.CreateDirectory(path, PrivateFiles.DirectoryMode700);
            return name;
        }
    }

    private static void WriteFile(string path, VolumeFile f)
    {
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var fs = PrivateFiles.Open(path, FileMode.CreateNew, FileShare.None)) fs.Write(f.Content);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, f.Mode);
    }
}
