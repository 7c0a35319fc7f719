using System.Runtime.InteropServices;

namespace PracticeK8s.Sandbox.Security;

/// <summary>
/// What .NET does not expose on Unix: a file's owner (for refusing another user's data dir), the
/// effective user id, and an fsync of a directory (so a rename that replaced a file survives a crash).
/// </summary>
internal static partial class UnixFileStatus
{
    public const int TypeMask = 0xF000, Directory = 0x4000, SymbolicLink = 0xA000;

    /// <summary>
    /// The runtime's own stat wrapper (libSystem.Native, shipped with every .NET on Unix): its result
    /// starts with Flags, Mode, Uid, Gid on every platform, unlike libc's struct stat, whose layout
    /// differs between Linux architectures and macOS. Room is left for the fields after them.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct FileStatus
    {
        public int Flags;
        public int Mode;
        public uint Uid;
        public uint Gid;
        public fixed byte Rest[256];
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Stat(string path, out FileStatus status);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int LStat(string path, out FileStatus status);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    public readonly record struct Status(int Mode, uint Owner)
    {
        public int Type => Mode & TypeMask;
        public UnixFileMode Permissions => (UnixFileMode)(Mode & 0xFFF);
    }

    public static uint EffectiveUserId => GetEffectiveUserId();

    /// <summary>The status of <paramref name="path"/> (of the link itself when <paramref name="followLinks"/> is false).</summary>
    public static Status Of(string path, bool followLinks)
    {
        var rc = followLinks ? Stat(path, out var s) : LStat(path, out s);
        if (rc != 0) throw new IOException($"cannot stat {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        return new Status(s.Mode, s.Uid);
    }

    /// <summary>Flushes a directory's entries (a rename into it) to disk; a no-op on Windows, best effort elsewhere.</summary>
    public static void SyncDirectory(string directory)
    {
        if (OperatingSystem.IsWindows()) return;
        var fd = Open(directory, 0 /* O_RDONLY */);
        if (fd < 0) return;
        Fsync(fd);
        Close(fd);
    }
}
