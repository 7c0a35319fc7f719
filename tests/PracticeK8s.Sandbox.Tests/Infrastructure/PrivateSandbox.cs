namespace PracticeK8s.Sandbox.Tests.Infrastructure;

/// <summary>
/// A sandbox process of one test class alone (IClassFixture), for tests that push the server hard or
/// measure it: nothing they do can disturb the shared fixture's tests, nor theirs the figures.
/// </summary>
public sealed class PrivateSandbox : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pk8s-private-" + Guid.NewGuid().ToString("N")[..8]);

    public PrivateSandbox() => Server = SandboxProcess.Start(Path.Combine(_root, "data"));

    public SandboxProcess Server { get; }

    /// <summary>The server process's resident memory (VmRSS of /proc/&lt;pid&gt;/status), in MiB.</summary>
    public double ResidentMiB()
    {
        var line = File.ReadLines($"/proc/{Server.Pid}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]) / 1024.0;
    }

    public void Dispose()
    {
        Server.Dispose();
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }
}
