using System.Runtime.InteropServices;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.Runtime;

/// <summary>No container process outlives its sandbox: neither on a clean stop nor when the server is killed with SIGKILL.</summary>
public sealed class NoOrphansTests
{
    [DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    private static extern int SysKill(int pid, int sig);

    private static async Task<(SandboxProcess Server, int Pid, string Root)> SandboxWithAContainer()
    {
        var root = Path.Combine(Path.GetTempPath(), "pk8s-orphans-" + Guid.NewGuid().ToString("N")[..8]);
        var server = SandboxProcess.Start(Path.Combine(root, "data"));
        using var client = server.AdminClient();
        // The container's process is found by its command line: its $$ is 1 when it runs in a PID namespace of its own.
        var sleep = RuntimeHarness.UniqueSleep();
        await Pods.CreateBound(client, "default", "lingerer", "Always", Pods.Container("c", "busybox", "sh", "-c", $"echo started; exec sleep {sleep}"));
        await Pods.WaitForLog(client, "default", "lingerer", null, l => l.EndsWith('\n'));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (RuntimeHarness.SleepPids(sleep).Length != 1 && DateTime.UtcNow < deadline) await Task.Delay(50);
        return (server, RuntimeHarness.SleepPids(sleep).Single(), root);
    }

    private static async Task<bool> Gone(int pid, double seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (!Directory.Exists($"/proc/{pid}")) return true;
            await Task.Delay(50);
        }
        return false;
    }

    [Fact]
    public async Task CleanStop_StopsEveryContainerProcess()
    {
        var (server, pid, root) = await SandboxWithAContainer();
        try
        {
            Assert.True(Directory.Exists($"/proc/{pid}"));
            Assert.Equal(0, server.Stop());
            Assert.True(await Gone(pid, 5), "a container process survived the sandbox's clean stop");
        }
        finally
        {
            server.Dispose();
            try { Directory.Delete(root, true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task KilledServer_ItsWatchdogStopsTheContainers()
    {
        var (server, pid, root) = await SandboxWithAContainer();
        try
        {
            Assert.True(Directory.Exists($"/proc/{pid}"));
            SysKill(server.Pid, 9); // only the server: its children are not signalled
            Assert.True(await Gone(pid, 10), "a container process survived a SIGKILLed sandbox");
        }
        finally
        {
            server.Dispose();
            try { Directory.Delete(root, true); } catch (IOException) { }
        }
    }
}
