using System.Collections.Concurrent;
using PracticeK8s.Sandbox.Runtime;

namespace PracticeK8s.Sandbox.Tests.Runtime;

/// <summary>A LocalContainerRuntime on a temp dir with short back-off, plus helpers to build pods and wait for states.</summary>
public sealed class RuntimeHarness : IAsyncDisposable
{
    public LocalContainerRuntime Runtime { get; }
    public string Root { get; }
    public ConcurrentQueue<ContainerChange> Changes { get; } = new();

    public RuntimeHarness(TimeSpan? backOff = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "pk8s-rt-" + Guid.NewGuid().ToString("N")[..8]);
        Runtime = new LocalContainerRuntime(new RuntimeOptions(Root) { BackOffInitial = backOff ?? TimeSpan.FromMilliseconds(300), BackOffMax = TimeSpan.FromSeconds(2) });
        Runtime.ContainerChanged += Changes.Enqueue;
    }

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
