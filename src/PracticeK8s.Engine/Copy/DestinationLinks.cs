namespace PracticeK8s.Engine.Copy;

/// <summary>
/// Checks a destination path against what is on disk, not only as text: a symbolic link already
/// there — the file itself or any folder on the way from the destination root — must resolve to a
/// place inside the destination, or writing through it would land outside.
/// </summary>
internal sealed class DestinationLinks
{
    private readonly string _root;
    private readonly string _realRoot;

    public DestinationLinks(string root)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _realRoot = RealPath(_root);
    }

    /// <summary>Null when every existing part of <paramref name="target"/> stays inside the destination; else the link that leaves it and where it points.</summary>
    public (string Link, string Points)? Escape(string target)
    {
        var relative = Path.GetRelativePath(_root, target);
        if (relative == ".")
            return null;
        var current = _root;
        foreach (var part in relative.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = new FileInfo(current);
            if (!info.Exists)
                info = new DirectoryInfo(current);
            if (!info.Exists && info.LinkTarget is null)
                return null; // nothing further is on disk yet
            if (info.LinkTarget is null)
                continue;
            var resolved = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName
                ?? Path.GetFullPath(info.LinkTarget, Path.GetDirectoryName(current)!);
            if (!IsInside(RealPath(resolved)))
                return (current, info.LinkTarget);
        }
        return null;
    }

    private bool IsInside(string realPath)
    {
        var relative = Path.GetRelativePath(_realRoot, realPath);
        return relative == "." || !(relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }

    /// <summary>The path with every symbolic link in its existing part resolved (realpath for the part that exists).</summary>
    private static string RealPath(string path, int depth = 0)
    {
        if (depth > 40)
            throw new IOException($"too many levels of symbolic links at \"{path}\"");
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                next = RealPath(target.FullName, depth + 1);
            else if (!info.Exists)
                return Path.Combine([next, .. parts[(i + 1)..]]);
            current = next;
        }
        return current;
    }
}
