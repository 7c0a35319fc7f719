using System.Runtime.InteropServices;

namespace PracticeK8s.Sandbox.Networking.Cluster;

/// <summary>The namespace calls the network helper makes for the thread that serves requests (no .NET API for them).</summary>
internal static partial class NetworkNative
{
    public const int CloneNewNet = 0x40000000;
    private const int ORdOnly = 0, OCloexec = 0x80000;

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    public static partial int SetNs(int fd, int nsType);

    [LibraryImport("libc", EntryPoint = "unshare", SetLastError = true)]
    public static partial int Unshare(int flags);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    /// <summary>A descriptor of the calling thread's network namespace.</summary>
    public static int OpenThreadNetworkNamespace()
    {
        var fd = Open("/proc/thread-self/ns/net", ORdOnly | OCloexec);
        return fd >= 0 ? fd : throw new IOException($"cannot open this thread's network namespace (errno {Marshal.GetLastPInvokeError()})");
    }

    public static void Check(int result, string what)
    {
        if (result != 0) throw new IOException($"{what} failed (errno {Marshal.GetLastPInvokeError()})");
    }
}
