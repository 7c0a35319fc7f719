using System.Text;
using Microsoft.AspNetCore.Http;
using PracticeK8s.Sandbox.Runtime;
using PracticeK8s.Sandbox.Runtime.Isolation;
using PracticeK8s.Sandbox.Runtime.Lifecycle;

namespace PracticeK8s.Sandbox.Tests.Runtime;

/// <summary>
/// Stopping and restarting containers as a node does, in both modes: SIGTERM and the grace period,
/// preStop and postStart hooks, a fresh root per restart; built-in images with a PID 1 of their own.
/// </summary>
public sealed class StopAndRestartTests
{
    private static ContainerSpecification WithHooks(ContainerSpecification c, LifecycleHandler? postStart = null, LifecycleHandler? preStop = null) =>
        c with { Lifecycle = new LifecycleHooks(postStart, preStop) };

    private static LifecycleHandler Exec(params string[] command) => new(command, null, null);

    private static async Task<(int Exit, string Out)> ExecIn(RuntimeHarness h, PodSpecification pod, string container, params string[] command)
    {
        var stdout = new MemoryStream();
        var exit = await h.Runtime.ExecAsync(pod.Uid, container, new ExecRequest(command, null, stdout, new MemoryStream()))
            .WaitAsync(TimeSpan.FromSeconds(20));
        return (exit, Encoding.UTF8.GetString(stdout.ToArray()));
    }

    [Theory]
    [InlineData(IsolationMode.Namespaces, 137)] // PID 1 of its namespace: SIGTERM at its default action does nothing
    [InlineData(IsolationMode.None, 143)] // a host process dies of it at once
    public async Task Pid1WithoutASigtermHandler_WaitsOutTheGracePeriodWhenIsolated(IsolationMode mode, int exitCode)
    {
        await using var h = new RuntimeHarness(isolation: mode);
        var pod = RuntimeHarness.Pod("plain", RuntimeHarness.Container("c", "busybox", new[] { "sleep", "3600" }));
        h.Runtime.StartPod(pod);
        await h.Running(pod.Uid, "c");
        await Task.Delay(300); // PID 1 has become the command
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await h.Runtime.StopPodAsync(pod.Uid, TimeSpan.FromSeconds(1.5));
        Assert.Equal(exitCode, h.State(pod.Uid, "c").ExitCode);
        if (mode == IsolationMode.Namespaces) Assert.InRange(clock.Elapsed.TotalSeconds, 1.4, 4);
        else Assert.InRange(clock.Elapsed.TotalSeconds, 0, 1.2);
    }

    [Theory]
    [InlineData(IsolationMode.Namespaces)]
    [InlineData(IsolationMode.None)]
    public async Task HandledSigterm_EndsTheContainerAtOnce_WithTheCodeItChose(IsolationMode mode)
    {
        await using var h = new RuntimeHarness(isolation: mode);
        var pod = RuntimeHarness.Pod("trapper", RuntimeHarness.Container("c", "busybox",
            new[] { "sh", "-c", "trap 'echo got-term; exit 7' TERM; echo ready; while :; do sleep 0.1; done" }));
        h.Runtime.StartPod(pod);
        await RuntimeHarness.Until(() => h.Log(pod.Uid, "c").Contains("ready"), "ready");
        await Task.Delay(200);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await h.Runtime.StopPodAsync(pod.Uid, TimeSpan.FromSeconds(20));
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 3);
        Assert.Equal(7, h.State(pod.Uid, "c").ExitCode);
        // (In host-process mode the loop's `sleep` gets SIGTERM too, and the shell may say so, before or after the trap's line.)
        var log = h.Log(pod.Uid, "c");
        Assert.StartsWith("ready\n", log);
        Assert.Contains("\ngot-term\n", log);
        Assert.Equal("", log.Replace("ready\n", "").Replace("got-term\n", "").Replace("Terminated\n", ""));
    }

    [Fact]
    public async Task PreStopHook_RunsInsideTheContainer_BeforeSigterm()
    {
        await using var h = new RuntimeHarness(isolation: IsolationMode.Namespaces);
        var pod = RuntimeHarness.Pod("hooked", WithHooks(
            RuntimeHarness.Container("c", "busybox", new[] { "sh", "-c", "trap 'echo term; exit 0' TERM; echo ready; while :; do sleep 0.1; done" }),
            preStop: Exec("sh", "-c", "echo bye from $(hostname) > /proc/1/fd/1")));
        h.Runtime.StartPod(pod);
        await RuntimeHarness.Until(() => h.Log(pod.Uid, "c").Contains("ready"), "ready");
        await h.Runtime.StopPodAsync(pod.Uid, TimeSpan.FromSeconds(10));
        Assert.Equal("ready\nbye from hooked\nterm\n", h.Log(pod.Uid, "c"));
        Assert.Equal(0, h.State(pod.Uid, "c").ExitCode);
        Assert.DoesNotContain(h.Changes, c => c.Kind == ContainerEventKind.FailedPreStopHook);
    }

    [Theory]
    [InlineData(IsolationMode.Namespaces)]
    [InlineData(IsolationMode.None)]
    public async Task FailingPreStopHook_IsReported_AndTheContainerStopsAllTheSame(IsolationMode mode)
    {
        await using var h = new RuntimeHarness(isolation: mode);
        var pod = RuntimeHarness.Pod("badhook", WithHooks(
            RuntimeHarness.Container("c", "busybox", new[] { "sh", "-c", "trap 'exit 0' TERM; echo ready; while :; do sleep 0.1; done" }),
            preStop: Exec("sh", "-c", "exit 3")));
        h.Runtime.StartPod(pod);
        await RuntimeHarness.Until(() => h.Log(pod.Uid, "c").Contains("ready"), "ready");
        await h.Runtime.StopPodAsync(pod.Uid, TimeSpan.FromSeconds(10));
        Assert.Contains(h.Changes, c => c.Kind == ContainerEventKind.FailedPreStopHook && c.State.Name == "c");
        Assert.Equal(ContainerPhase.Terminated, h.State(pod.Uid, "c").Phase);
        Assert.Equal(0, h.State(pod.Uid, "c").ExitCode);
    }

    [Fact]
    public async Task PreStopHook_LongerThanTheGracePeriod_IsCutShort()
    {
        await using var h = new RuntimeHarness(isolation: IsolationMode.Namespaces);
        var pod = RuntimeHarness.Pod("slowhook", WithHooks(
            RuntimeHarness.Container("c", "busybox", new[] { "sh", "-c", "trap 'exit 0' TERM; echo ready; while :; do sleep 0.1; done" }),
            preStop: Exec("sleep", "30")));
        h.Runtime.StartPod(pod);
        await RuntimeHarness.Until(() => h.Log(pod.Uid, "c").Contains("ready"), "ready");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await h.Runtime.StopPodAsync(pod.Uid, TimeSpan.FromSeconds(1));
        // The grace period (1 s), then the kubelet's minimum 2 s window after a hook, in which the trap exits.
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 5);
        Assert.Contains(h.Changes, c => c.Kind == ContainerEventKind.FailedPreStopHook);
        Assert.Equal(0, h.State(pod.Uid, "c").ExitCode);
    }

    [Theory]
    [InlineData(IsolationMode.Namespaces)]
    [InlineData(IsolationMode.None)]
    public async Task FailingPostStartHook_IsReported_AndTheContainerRestarts(IsolationMode mode)
    {
        await using var h = new RuntimeHarness(isolation: mode);
        var pod = RuntimeHarness.Pod("poststart", WithHooks(
            RuntimeHarness.Container("c", "busybox", new[] { "sh", "-c", "trap 'exit 0' TERM; echo ready; while :; do sleep 0.1; done" }),
            postStart: Exec("sh", "-c", "exit 1"))) with { TerminationGracePeriodSeconds = 1 };
        h.Runtime.StartPod(pod);
        await RuntimeHarness.Until(() => h.State(pod.Uid, "c").RestartCount >= 1, "a restart", 20);
        Assert.Contains(h.Changes, c => c.Kind == ContainerEventKind.FailedPostStartHook);
        Assert.Contains(h.Changes, c => c.Kind == ContainerEventKind.Killing);
    }

    [Theory]
    [InlineData(IsolationMode.Namespaces)]
    [InlineData(IsolationMode.None)]
    public async Task RestartedContainer_StartsFromAFreshRoot(IsolationMode mode)
    {
        await using var h = new RuntimeHarness(isolation: mode);
        // A relative path: the container's / in both modes (host-process mode runs in the container's directory).
        var pod = RuntimeHarness.Pod("fresh", RuntimeHarness.Container("c", "busybox",
            new[] { "sh", "-c", "if [ -e tmp/mark ]; then echo stale; else echo fresh; fi; echo x > tmp/mark; echo y > mark; exit 1" }));
        h.Runtime.StartPod(pod);
        // The third instance exists: the second one (the previous log) ran after the first had written its marks.
        await RuntimeHarness.Until(() => h.State(pod.Uid, "c").RestartCount >= 2, "a second restart", 20);
        Assert.Equal("fresh\n", h.Log(pod.Uid, "c", previous: true));
    }

    [Fact]
    public async Task IsolatedBuiltinImages_HaveAPid1AndRootOfTheirOwn_AndStillServe()
    {
        await using var h = new RuntimeHarness(isolation: IsolationMode.Namespaces);
        var pod = RuntimeHarness.Pod("web-7d4f",
            RuntimeHarness.Container("nginx", "nginx:1.27"),
            RuntimeHarness.Container("dns", "registry.k8s.io/coredns/coredns:v1.11.3"));
        h.Runtime.StartPod(pod);
        await h.Running(pod.Uid, "nginx");
        await h.Running(pod.Uid, "dns");
        Assert.Equal((0, "web-7d4f\n"), await ExecIn(h, pod, "nginx", "hostname"));
        var ps = (await ExecIn(h, pod, "nginx", "ps", "-e", "-o", "pid=,args=")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Trim()).ToList();
        Assert.StartsWith("1 ", ps[0]);
        Assert.All(ps, p => Assert.DoesNotContain("dotnet", p)); // no host process
        if (HostHasPerl) Assert.Equal(new[] { "1 nginx: master process nginx -g daemon off;" }, ps.Where(p => !p.Contains("ps -e")));
        if (HostHasPerl) Assert.StartsWith("/coredns -conf", (await ExecIn(h, pod, "dns", "cat", "/proc/1/cmdline")).Out);
        var root = (await ExecIn(h, pod, "nginx", "ls", "-A", "/")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain("home", root);
        Assert.NotEqual(0, (await ExecIn(h, pod, "nginx", "ls", h.Root)).Exit); // the runtime's directory is not there
        Assert.Contains("<h1>Welcome to nginx!</h1>", (await ExecIn(h, pod, "nginx", "cat", "/usr/share/nginx/html/index.html")).Out);

        // What is written inside is what the server serves; the host's /usr stays as it was.
        Assert.Equal(0, (await ExecIn(h, pod, "nginx", "sh", "-c", "echo from inside > /usr/share/nginx/html/index.html")).Exit);
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        http.Request.Path = "/";
        http.Response.Body = new MemoryStream();
        Assert.True(await h.Runtime.ServeHttpAsync(pod.Uid, 80, http));
        Assert.Equal("from inside\n", Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray()));
        Assert.False(Directory.Exists("/usr/share/nginx/html") && File.ReadAllText("/usr/share/nginx/html/index.html") == "from inside\n");

        await h.Runtime.StopPodAsync(pod.Uid, TimeSpan.FromSeconds(5));
        Assert.Equal(0, h.State(pod.Uid, "nginx").ExitCode); // nginx exits 0 on SIGTERM
        Assert.Equal("Completed", h.State(pod.Uid, "nginx").Reason);
        await h.Runtime.RemovePodAsync(pod.Uid);
        Assert.Empty(Directory.GetDirectories(Path.Combine(h.Root, "pods"))); // the overlay's work directories too
    }

    private static bool HostHasPerl => File.Exists("/usr/bin/perl");

    [Theory]
    [InlineData(IsolationMode.Namespaces)]
    [InlineData(IsolationMode.None)]
    public async Task HttpGetPreStop_AsksTheBuiltinServer_AndANonServedPortFails(IsolationMode mode)
    {
        await using var h = new RuntimeHarness(isolation: mode);
        var pod = RuntimeHarness.Pod("web",
            WithHooks(RuntimeHarness.Container("served", "nginx"), preStop: new LifecycleHandler(null, new HttpGetAction("/index.html", "80", "HTTP"), null)),
            WithHooks(RuntimeHarness.Container("refused", "nginx"), preStop: new LifecycleHandler(null, new HttpGetAction("/", "8081", "HTTP"), null)));
        h.Runtime.StartPod(pod);
        await h.Running(pod.Uid, "served");
        await h.Running(pod.Uid, "refused");
        await h.Runtime.StopPodAsync(pod.Uid, TimeSpan.FromSeconds(5));
        Assert.Contains("\"GET /index.html HTTP/1.1\" 200", h.Log(pod.Uid, "served"));
        Assert.Contains("kube-lifecycle/", h.Log(pod.Uid, "served"));
        Assert.DoesNotContain(h.Changes, c => c.Kind == ContainerEventKind.FailedPreStopHook && c.State.Name == "served");
        Assert.Contains(h.Changes, c => c.Kind == ContainerEventKind.FailedPreStopHook && c.State.Name == "refused");
    }

    [Fact]
    public void Lifecycle_IsReadFromTheContainerSpec()
    {
        static ContainerSpecification Read(string json) => ContainerSpecification.FromJson(System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject());
        var c = Read("""
            {"name": "c", "image": "busybox", "lifecycle": {
              "postStart": {"exec": {"command": ["sh", "-c", "echo hi"]}},
              "preStop": {"httpGet": {"path": "/quit", "port": "http"}}}}
            """);
        Assert.Equal(new[] { "sh", "-c", "echo hi" }, c.Lifecycle!.PostStart!.Exec);
        Assert.Equal(new HttpGetAction("/quit", "http", "HTTP"), c.Lifecycle.PreStop!.HttpGet);
        Assert.Equal("8080", Read("""{"name": "c", "image": "b", "lifecycle": {"preStop": {"httpGet": {"port": 8080}}}}""").Lifecycle!.PreStop!.HttpGet!.Port);
        Assert.Equal(5, Read("""{"name": "c", "image": "b", "lifecycle": {"preStop": {"sleep": {"seconds": 5}}}}""").Lifecycle!.PreStop!.SleepSeconds);
        Assert.Null(Read("""{"name": "c", "image": "busybox"}""").Lifecycle);
    }

    [Theory]
    [InlineData(false, @"^/dev/pts/\d+\r?\n$")]
    [InlineData(true, @"^/dev/\.pts/\d+\r?\n$")] // its own terminal is in /dev/pts; exec's come from the container's devpts beside it
    public async Task IsolatedExecWithATerminal_SeesItInsideTheContainer(bool ttyContainer, string ttyName)
    {
        await using var h = new RuntimeHarness(isolation: IsolationMode.Namespaces);
        var pod = RuntimeHarness.Pod("term", RuntimeHarness.Container("c", "busybox", new[] { "sleep", "3600" }, stdin: ttyContainer, tty: ttyContainer));
        h.Runtime.StartPod(pod);
        await h.Running(pod.Uid, "c");
        var stdout = new MemoryStream();
        var exit = await h.Runtime.ExecAsync(pod.Uid, "c", new ExecRequest(new[] { "sh", "-c", "tty; exit 4" }, null, stdout, null, Tty: true))
            .WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(4, exit);
        Assert.Matches(ttyName, Encoding.UTF8.GetString(stdout.ToArray()));
    }

    [Theory]
    [InlineData(IsolationMode.Namespaces, "busybox")]
    [InlineData(IsolationMode.Namespaces, "nginx")]
    [InlineData(IsolationMode.None, "busybox")]
    public async Task PodsStoppedWhileTheirContainersStart_EndWithinTheGracePeriod(IsolationMode mode, string image)
    {
        // Stops land at every point of a container's start (root, volumes, process launch); an instance
        // launched after its stop once ran until it ended by itself: an hour of `sleep 3600`, a built-in image never.
        await using var h = new RuntimeHarness(isolation: mode);
        var command = image == "busybox" ? new[] { "sleep", RuntimeHarness.UniqueSleep() } : null;
        var pods = Enumerable.Range(0, 16).Select(i => RuntimeHarness.Pod($"early-{i}", RuntimeHarness.Container("c", image, command))).ToList();
        var stops = pods.Select(async (pod, i) =>
        {
            h.Runtime.StartPod(pod);
            await Task.Delay(i * 15);
            await h.Runtime.StopPodAsync(pod.Uid, TimeSpan.FromSeconds(1));
        }).ToList();
        await Task.WhenAll(stops).WaitAsync(TimeSpan.FromSeconds(30));
        foreach (var pod in pods)
            Assert.NotEqual(ContainerPhase.Running, h.State(pod.Uid, "c").Phase);
        if (command is not null) await RuntimeHarness.Until(() => RuntimeHarness.SleepPids(command[1]).Length == 0, "no container process left");
    }
}
