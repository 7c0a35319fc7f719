namespace PracticeK8s.Engine.Copy;

/// <summary>Paths inside a pod: always '/'-separated, cleaned like Go's path.Clean.</summary>
public static class RemotePaths
{
    /// <summary>kubectl's prefix of the entries tar cf writes for SRC: no leading '/', cleaned, no leading "../".</summary>
    public static string Prefix(string source)
    {
        var cleaned = Clean(source.TrimStart('/'));
        while (cleaned.StartsWith("../", StringComparison.Ordinal))
            cleaned = cleaned[3..];
        if (cleaned is ".." or ".")
            cleaned = "";
        return cleaned;
    }

    /// <summary>An entry name as a remote path: backslashes become '/', a Windows drive letter is dropped.</summary>
    public static string Normalise(string name)
    {
        name = name.Replace('\\', '/');
        if (name.Length >= 2 && name[1] == ':' && char.IsAsciiLetter(name[0]))
            name = name[2..];
        return name;
    }

    /// <summary>Lexical cleaning: repeated slashes, "." and "inner/.." removed; ".." kept where it climbs out.</summary>
    public static string Clean(string path)
    {
        if (path.Length == 0)
            return ".";
        bool rooted = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
                continue;
            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                    parts.RemoveAt(parts.Count - 1);
                else if (!rooted)
                    parts.Add("..");
                continue;
            }
            parts.Add(part);
        }
        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    public static string Base(string path)
    {
        var cleaned = Clean(path);
        var slash = cleaned.LastIndexOf('/');
        return slash < 0 ? cleaned : cleaned[(slash + 1)..] is { Length: > 0 } b ? b : "/";
    }

    public static string Dir(string path)
    {
        var cleaned = Clean(path);
        var slash = cleaned.LastIndexOf('/');
        return slash < 0 ? "." : slash == 0 ? "/" : cleaned[..slash];
    }

    public static string Join(string dir, string name) => Clean(dir + "/" + name);
}
