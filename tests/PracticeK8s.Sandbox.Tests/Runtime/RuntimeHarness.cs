using System.Collections.Concurrent;
using PracticeK8s.Sandbox.Runtime;
using PracticeK8s.Sandbox.Runtime.Isolation;

namespace PracticeK8s.Sandbox.Tests.Runtime;

/// <summary>A LocalContainerRuntime on a temp dir with short back-off, plus helpers to build pods and wait for states.</summary>
public sealed class RuntimeHarness : IAsyncDisposable
{
    public LocalContainerRuntime Runtime { get; }
    public string Root { get; }
    public ConcurrentQueue<ContainerChange> Changes { get; } = new();

    /// <summary>Whether containers run in namespaces of their own (the runtime's default unless <c>isolation</c> is given).</summary>
    public bool Isolated { get; }

    public RuntimeHarness(TimeSpan? backOff = null, IsolationMode? isolation = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "pk8s-rt-" + Guid.NewGuid().ToString("N")[..8]);
        var options = new RuntimeOptions(Root) { BackOffInitial = backOff ?? TimeSpan.FromMilliseconds(300), BackOffMax = TimeSpan.FromSeconds(2) };
        if (isolation is { } mode) options = options with { Isolation = mode };
        Isolated = options.Isolation == IsolationMode.Namespaces;
        Runtime = new LocalContainerRuntime(options);
        Runtime.ContainerChanged += Changes.Enqueue;
    }

    /// <summary>A marker for a container's command line (a <c>sleep</c> length no other process uses), to find its host processes.</summary>
    public static string UniqueSleep() => "3600." + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Host PIDs of the processes whose command line is exactly <c>sleep &lt;length&gt;</c>.</summary>
    public static int[] SleepPids(string length) => Directory.EnumerateDirectories("/proc")
        .Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit))
        .Where(n => { try { return File.ReadAllText($"/proc/{n}/cmdline") == $"sleep\0{length}\0"; } catch (IOException) { return false; } })
        .Select(n => int.Parse(n!)).ToArray();

    public static ContainerSpecification Container(string name, string image, string[]? command = null, string[]? args = null,
        bool stdin = false, bool tty = false, Dictionary<string, string>? env = null) =>
        new(name, image, command ?? Array.Empty<string>(), args ?? Array.Empty<string>(), env ?? new Dictionary<string, string>(),
            null, Array.Empty<int>(), stdin, false, tty);

    public static PodSpecification Pod(string name, params ContainerSpecification[] containers) =>
        new(Guid.NewGuid().ToString(), "default", name, "sandbox-node-1", "Always", Array.Empty<ContainerSpecification>(), containers);

    public static async Task Until(Func<bool> condition, string what, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }

    public ContainerState State(string uid, string container) => Runtime.GetPod(uid)!.Container(container)!;

    public Task Running(string uid, string container) =>
        Until(() => Runtime.GetPod(uid)?.Container(container)?.Phase == ContainerPhase.Running, $"{container} running");

    public string Log(string uid, string container, bool previous = false) =>
        string.Concat(Runtime.GetLog(uid, container, previous)?.Lines.Select(l => l.Text) ?? Array.Empty<string>());

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        try { Directory.Delete(Root, true); } catch (IOException) { }
    }
}
