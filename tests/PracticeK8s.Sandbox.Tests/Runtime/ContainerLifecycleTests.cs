using System.Text;
using PracticeK8s.Sandbox.Runtime;

namespace PracticeK8s.Sandbox.Tests.Runtime;

/// <summary>The runtime driven directly: real shell processes, simulated images, restarts, stop and removal.</summary>
public sealed class ContainerLifecycleTests
{
    private static bool Alive(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2].Equals("Z");

    [Fact]
    public async Task BusyboxShellCommand_RunsLocally_LogsAndStopsWithItsChildren()
    {
        await using var h = new RuntimeHarness();
        var sleep = RuntimeHarness.UniqueSleep();
        var pod = RuntimeHarness.Pod("hi", RuntimeHarness.Container("c", "busybox", new[] { "sh", "-c", $"echo hi; sleep {sleep} & wait" }));
        h.Runtime.StartPod(pod);
        await h.Running(pod.Uid, "c");
        await RuntimeHarness.Until(() => h.Log(pod.Uid, "c") == "hi\n" && RuntimeHarness.SleepPids(sleep).Length == 1, "the shell's child");
        var pid = RuntimeHarness.SleepPids(sleep).Single();
        Assert.True(Alive(pid));
        var state = h.State(pod.Uid, "c");
        Assert.Equal("docker.io/library/busybox:latest", state.Image);
        Assert.StartsWith("docker.io/library/busybox@sha256:", state.ImageId);
        Assert.Matches("^containerd://[0-9a-f]{64}$", state.ContainerId!);
        Assert.True(state.Started);
        Assert.NotNull(state.StartedAt);

        await h.Runtime.StopPodAsync(pod.Uid, TimeSpan.FromSeconds(1));
        state = h.State(pod.Uid, "c");
        Assert.Equal(ContainerPhase.Terminated, state.Phase);
        // A host process dies of SIGTERM; a shell as PID 1 of its namespace does not, and is killed after the grace period.
        Assert.Equal(h.Isolated ? 137 : 143, state.ExitCode);
        Assert.Equal("Error", state.Reason);
        await RuntimeHarness.Until(() => !Alive(pid), "the shell to be gone");
        Assert.Contains(h.Changes, c => c.Kind == ContainerEventKind.Killing);
        Assert.Equal(0, h.Runtime.HostProcessCount);

        var dir = Directory.GetDirectories(Path.Combine(h.Root, "pods")).Single();
        await h.Runtime.RemovePodAsync(pod.Uid);
        Assert.False(Directory.Exists(dir));
        Assert.Null(h.Runtime.GetPod(pod.Uid));
    }

    [Fact]
    public async Task StopPod_KillsWhatIgnoresSigterm_AfterTheGracePeriod()
    {
        await using var h = new RuntimeHarness();
        var pod = RuntimeHarness.Pod("stubborn", RuntimeHarness.Container("c", "busybox", new[] { "sh", "-c", "trap '' TERM; echo ready; while :; do sleep 0.1; done" }));
        h.Runtime.StartPod(pod);
        await RuntimeHarness.Until(() => h.Log(pod.Uid, "c").Contains("ready"), "ready");
        var started = DateTime.UtcNow;
        await h.Runtime.StopPodAsync(pod.Uid, TimeSpan.FromMilliseconds(700));
        var took = DateTime.UtcNow - started;
        Assert.InRange(took.TotalMilliseconds, 600, 5000);
        Assert.Equal(137, h.State(pod.Uid, "c").ExitCode);
    }

    [Fact]
    public async Task CrashingContainer_RestartsWithBackOff_AndKeepsThePreviousLog()
    {
        await using var h = new RuntimeHarness(TimeSpan.FromMilliseconds(400));
        var pod = RuntimeHarness.Pod("crash", RuntimeHarness.Container("c", "busybox", new[] { "sh", "-c", "echo run at $(date +%s%N); exit 3" }));
        h.Runtime.StartPod(pod);
        await RuntimeHarness.Until(() => h.State(pod.Uid, "c").Reason == "CrashLoopBackOff", "CrashLoopBackOff", 10);
        var state = h.State(pod.Uid, "c");
        Assert.Equal(ContainerPhase.Waiting, state.Phase);
        Assert.Equal(1, state.RestartCount); // first restart immediate, the second waits
        Assert.Equal($"back-off 1s restarting failed container=c pod=crash_default({pod.Uid})", state.Message);
        Assert.NotNull(state.LastTermination);
        Assert.Equal(3, state.LastTermination!.ExitCode);
        Assert.Equal("Error", state.LastTermination.Reason);
        Assert.StartsWith("run at", h.Log(pod.Uid, "c", previous: true));

        await RuntimeHarness.Until(() => h.Changes.Count(c => c.Kind == ContainerEventKind.Started) >= 3, "the restart after back-off", 10);
        Assert.True(h.State(pod.Uid, "c").RestartCount >= 2);
        Assert.Contains(h.Changes, c => c.Kind == ContainerEventKind.BackOff);
    }

    [Theory]
    [InlineData("Never", "exit 0", 0, "Completed")]
    [InlineData("Never", "exit 2", 2, "Error")]
    [InlineData("OnFailure", "exit 0", 0, "Completed")]
    public async Task RestartPolicy_LeavesFinishedContainersTerminated(string policy, string script, int code, string reason)
    {
        await using var h = new RuntimeHarness(TimeSpan.FromMilliseconds(50));
        var pod = RuntimeHarness.Pod("once", RuntimeHarness.Container("c", "alpine", new[] { "sh", "-c", script })) with { RestartPolicy = policy };
        h.Runtime.StartPod(pod);
        await RuntimeHarness.Until(() => h.State(pod.Uid, "c").Phase == ContainerPhase.Terminated, "terminated");
        await Task.Delay(300);
        var state = h.State(pod.Uid, "c");
        Assert.Equal(ContainerPhase.Terminated, state.Phase);
        Assert.Equal(code, state.ExitCode);
        Assert.Equal(reason, state.Reason);
        Assert.Equal(0, state.RestartCount);
    }

    [Fact]
    public async Task MissingProgram_IsAStartError()
    {
        await using var h = new RuntimeHarness();
        var pod = RuntimeHarness.Pod("missing", RuntimeHarness.Container("c", "busybox", new[] { "no-such-program-here" })) with { RestartPolicy = "Never" };
        h.Runtime.StartPod(pod);
        await RuntimeHarness.Until(() => h.State(pod.Uid, "c").Phase == ContainerPhase.Terminated, "terminated");
        var state = h.State(pod.Uid, "c");
        Assert.Equal("StartError", state.Reason);
        Assert.Equal(128, state.ExitCode);
        Assert.Contains("exec: \"no-such-program-here\": executable file not found in $PATH", state.Message);
    }

    [Fact]
    public async Task InitContainers_RunToCompletionFirst()
    {
        await using var h = new RuntimeHarness();
        var pod = RuntimeHarness.Pod("init", RuntimeHarness.Container("app", "busybox", new[] { "sh", "-c", "echo app; sleep 3600" })) with
        {
            InitContainers = new[] { RuntimeHarness.Container("init", "busybox", new[] { "sh", "-c", "sleep 0.3; echo prepared" }) },
        };
        h.Runtime.StartPod(pod);
        Assert.Equal("PodInitializing", h.State(pod.Uid, "app").Reason);
        await h.Running(pod.Uid, "app");
        var init = h.State(pod.Uid, "init");
        Assert.Equal(ContainerPhase.Terminated, init.Phase);
        Assert.Equal("Completed", init.Reason);
        Assert.True(init.IsInit);
        Assert.Equal("prepared\n", h.Log(pod.Uid, "init"));
        Assert.True(h.State(pod.Uid, "app").StartedAt >= init.FinishedAt, "the app started before its init container ended");
        await RuntimeHarness.Until(() => h.Log(pod.Uid, "app") == "app\n", "the app's output");
    }

    [Fact]
    public async Task BuiltinImages_LogAStartupBanner_AndRunUntilStopped()
    {
        await using var h = new RuntimeHarness();
        var pod = RuntimeHarness.Pod("web",
            RuntimeHarness.Container("nginx", "nginx:1.27"),
            RuntimeHarness.Container("hello", "gcr.io/google-samples/hello-app:1.0"),
            RuntimeHarness.Container("other", "registry.example/unknown/thing:3"));
        h.Runtime.StartPod(pod);
        await h.Running(pod.Uid, "nginx");
        await h.Running(pod.Uid, "hello");
        await h.Running(pod.Uid, "other");
        Assert.Contains("/docker-entrypoint.sh: Configuration complete; ready for start up\n", h.Log(pod.Uid, "nginx"));
        Assert.Contains("[notice] 1#1: nginx/1.27.0\n", h.Log(pod.Uid, "nginx"));
        Assert.Matches(@"^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d Server listening on port 8080\n$", h.Log(pod.Uid, "hello"));
        Assert.Equal("", h.Log(pod.Uid, "other"));
        Assert.Equal("gcr.io/google-samples/hello-app:1.0", h.State(pod.Uid, "hello").Image);
        // Isolated, each holds its namespaces with a PID 1 of its own (unshare on the host).
        Assert.Equal(h.Isolated ? 3 : 0, h.Runtime.HostProcessCount);
        await h.Runtime.StopPodAsync(pod.Uid, TimeSpan.FromSeconds(1));
        Assert.Equal(0, h.State(pod.Uid, "nginx").ExitCode);
        Assert.Equal("Completed", h.State(pod.Uid, "nginx").Reason);
    }

    [Fact]
    public async Task Follow_StreamsNewLines_AndEndsWhenTheContainerStops()
    {
        await using var h = new RuntimeHarness();
        var pod = RuntimeHarness.Pod("tick", RuntimeHarness.Container("c", "busybox", new[] { "sh", "-c", "i=0; while [ $i -lt 3 ]; do echo tick $i; i=$((i+1)); sleep 0.2; done; sleep 3600" }));
        h.Runtime.StartPod(pod);
        await h.Running(pod.Uid, "c");
        var log = h.Runtime.GetLog(pod.Uid, "c")!;
        var seen = new List<string>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var follow = Task.Run(async () =>
        {
            await foreach (var line in log.FollowAsync(0, cts.Token))
            {
                lock (seen) seen.Add(line.Text);
            }
        });
        await RuntimeHarness.Until(() => { lock (seen) return seen.Count == 3; }, "three ticks");
        Assert.False(follow.IsCompleted);
        await h.Runtime.StopPodAsync(pod.Uid, TimeSpan.FromSeconds(2));
        await follow.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(new[] { "tick 0\n", "tick 1\n", "tick 2\n" }, seen);
        Assert.True(log.Completed);
        // Lines are stamped when read: on a busy machine two ticks 0.2 s apart may arrive in one read; the first and last cannot.
        Assert.True(log.Lines[2].Timestamp > log.Lines[0].Timestamp);
    }

    [Fact]
    public async Task ContainerEnv_AndPrivateRoot_AreWhatTheProcessSees()
    {
        await using var h = new RuntimeHarness();
        var pod = RuntimeHarness.Pod("envpod", RuntimeHarness.Container("c", "busybox",
            new[] { "sh", "-c", "echo $GREETING $HOSTNAME; cat etc/hostname; sleep 3600" }, env: new() { ["GREETING"] = "hello" }));
        h.Runtime.StartPod(pod);
        await RuntimeHarness.Until(() => h.Log(pod.Uid, "c").Split('\n').Length >= 3, "output");
        Assert.Equal("hello envpod\nenvpod\n", h.Log(pod.Uid, "c"));
    }
}
