using System.Runtime.InteropServices;

namespace PracticeK8s.Sandbox.Kubelet.Volumes;

/// <summary>The two libc calls .NET has no exact equivalent for.</summary>
internal static partial class FileNative
{
    /// <summary>rename(2): replaces <paramref name="to"/> in one step even when it is a symbolic link to a directory
    /// (File.Move checks the destination first, following the link).</summary>
    public static void Rename(string from, string to)
    {
        if (rename(from, to) != 0) throw new IOException($"rename {from} -> {to}: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>realpath(3): the path with every symbolic link resolved; null when it does not exist.</summary>
    public static string? RealPath(string path)
    {
        var p = realpath(path, IntPtr.Zero);
        if (p == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(p); }
        finally { Marshal.FreeHGlobal(p); }
    }

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int rename(string from, string to);

    [LibraryImport("libc", EntryPoint = "realpath", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr realpath(string path, IntPtr resolved);
}
