using System.Management.Automation;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.Sandbox;

/// <summary>
/// An exclusive OS lock on an instance's lock file (flock on Unix, a share-none handle on Windows),
/// held while one process starts or stops that instance; the OS releases it if the process dies.
/// </summary>
public sealed class InstanceLock : IDisposable
{
    private readonly FileStream _handle;

    private InstanceLock(FileStream handle) => _handle = handle;

    public static string PathOf(string name) => Path.Combine(SandboxHome.InstanceDirectory(name), "lock");

    /// <summary>Takes the lock, waiting while another process holds it (up to <paramref name="wait"/>).</summary>
    public static async Task<InstanceLock> AcquireAsync(string name, TimeSpan wait, Action<string> progress, CancellationToken cancel)
    {
        var deadline = DateTime.UtcNow + wait;
        bool told = false;
        while (true)
        {
            if (TryAcquire(name) is { } held)
                return held;
            if (DateTime.UtcNow > deadline)
                throw new KubeException($"the sandbox '{name}' is being started or stopped by another process (its lock {PathOf(name)} is held); try again when that has finished",
                    "KubeSandboxBusy", ErrorCategory.ResourceBusy, name);
            if (!told)
            {
                progress($"waiting for another process that is starting or stopping the sandbox '{name}'");
                told = true;
            }
            await Task.Delay(100, cancel).ConfigureAwait(false);
        }
    }

    /// <summary>The lock if nobody holds it now, else null.</summary>
    public static InstanceLock? TryAcquire(string name)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = Files.PrivateFiles.FileMode;
        try
        {
            return new InstanceLock(new FileStream(PathOf(name), options));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _handle.Dispose();
}
