namespace PracticeK8s.Sandbox.Security;

/// <summary>
/// The data dir holds the CA key, the tokens and every object: it must be the current user's alone.
/// A missing dir is created 0700; an existing one owned by another user, or writable by group or
/// others, is refused (its keys and tokens could have been planted, or be swapped later); an own dir
/// that others may only read or enter is narrowed to 0700.
/// </summary>
public static class DataDirectory
{
    public static void Prepare(string path)
    {
        try { PrivateFiles.CreateDirectory(path); }
        catch (IOException e) { throw new DataDirectoryException(path, $"cannot be created ({e.Message})"); }
        catch (UnauthorizedAccessException e) { throw new DataDirectoryException(path, $"cannot be created ({e.Message})"); }
        if (OperatingSystem.IsWindows()) return;

        var me = UnixFileStatus.EffectiveUserId;
        var link = UnixFileStatus.Of(path, followLinks: false);
        if (link.Type == UnixFileStatus.SymbolicLink && link.Owner != me && link.Owner != 0)
            throw new DataDirectoryException(path, $"is a symbolic link owned by uid {link.Owner}, not by the current user (uid {me})");
        var dir = UnixFileStatus.Of(path, followLinks: true);
        if (dir.Type != UnixFileStatus.Directory)
            throw new DataDirectoryException(path, "is not a directory");
        if (dir.Owner != me)
            throw new DataDirectoryException(path, $"is owned by uid {dir.Owner}, not by the current user (uid {me}); its keys and tokens could have been planted");
        var widened = dir.Permissions & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite);
        if (widened != 0)
            throw new DataDirectoryException(path, $"is writable by {(widened == UnixFileMode.GroupWrite ? "group" : widened == UnixFileMode.OtherWrite ? "others" : "group and others")} (mode {Octal(dir.Permissions)}); `chmod 700` it or choose another --data-dir");
        if ((dir.Permissions & ~PrivateFiles.DirectoryMode700) != 0)
            File.SetUnixFileMode(path, PrivateFiles.DirectoryMode700);
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}

public sealed class DataDirectoryException(string path, string problem)
    : Exception($"refusing data dir {path}: it {problem}.")
{
    public string DataDir { get; } = path;
}
