using System.Runtime.InteropServices;

namespace PracticeK8s.Sandbox.Networking.Pods;

/// <summary>
/// Unix socket paths in a private directory that stay short however deep the directory is (a socket
/// path has at most 107 bytes, and a data dir under a long TMPDIR passes that): on Linux the
/// directory is held open and named through <c>/proc/self/fd/N</c>, which only this process can use.
/// </summary>
public sealed partial class ShortSocketPaths
{
    private const int OPath = 0x200000, ODirectory = 0x10000, OCloexec = 0x80000;
    private readonly string _prefix;

    public ShortSocketPaths(string directory)
    {
        Security.PrivateFiles.CreateDirectory(directory);
        _prefix = directory;
        if (OperatingSystem.IsLinux())
        {
            var fd = Open(directory, OPath | ODirectory | OCloexec);
            if (fd >= 0) _prefix = $"/proc/self/fd/{fd}"; // held for the process's life: one per sandbox
        }
    }

    public string For(string name) => $"{_prefix}/{name}";

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);
}
