using System.Diagnostics;

namespace PracticeK8s.Sandbox.Tests.Isolation;

/// <summary>
/// Deleting pods on a sandbox with --isolation namespaces, through stock kubectl, as on a node: a
/// PID 1 that leaves SIGTERM alone (a shell, sleep) takes its terminationGracePeriodSeconds to go,
/// one that traps it goes at once, a preStop hook runs inside first; built-in images and exec -it
/// show the container's own view.
/// </summary>
public sealed class StopSignalsTests(IsolatedSandbox s) : IClassFixture<IsolatedSandbox>
{
    private const string Ns = IsolatedSandbox.Namespace;

    private void Apply(string yaml) => Assert.Equal(0, s.Kubectl.Run(new[] { "-n", Ns, "apply", "-f", "-" }, yaml, null).ExitCode);

    private void Ready(params string[] pods) =>
        s.Kubectl.Ok(new[] { "-n", Ns, "wait", "--for=condition=Ready", "--timeout=60s" }.Concat(pods.Select(p => "pod/" + p)).ToArray());

    /// <summary>Seconds from `kubectl delete pod` (which waits until the pod is gone) to its return.</summary>
    private double DeleteSeconds(string pod)
    {
        var clock = Stopwatch.StartNew();
        s.Kubectl.Ok("-n", Ns, "delete", "pod", pod);
        return clock.Elapsed.TotalSeconds;
    }

    [Fact]
    public async Task Pid1IgnoringSigterm_TakesItsGracePeriodToGo_OneThatTrapsItGoesAtOnce()
    {
        Apply("""
            apiVersion: v1
            kind: Pod
            metadata: {name: ignores-term}
            spec:
              terminationGracePeriodSeconds: 3
              containers: [{name: c, image: busybox, command: [sh, -c, 'trap "" TERM; sleep 3600']}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: plain-sleep}
            spec:
              terminationGracePeriodSeconds: 3
              containers: [{name: c, image: busybox, command: [sleep, "3600"]}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: traps-term}
            spec:
              terminationGracePeriodSeconds: 30
              containers: [{name: c, image: busybox, command: [sh, -c, 'trap "exit 0" TERM; while true; do sleep 0.2; done']}]
            """);
        Ready("ignores-term", "plain-sleep", "traps-term");
        await Task.Delay(300);
        // Side by side: each delete is timed on its own.
        var ignores = Task.Run(() => DeleteSeconds("ignores-term"));
        var plain = Task.Run(() => DeleteSeconds("plain-sleep"));
        var traps = Task.Run(() => DeleteSeconds("traps-term"));
        Assert.InRange(await ignores, 3, 3 + 2.5);
        Assert.InRange(await plain, 3, 3 + 2.5);
        Assert.InRange(await traps, 0, 10); // far below its 30 s grace period, with room for a loaded machine
    }

    [Fact]
    public async Task PreStopHook_RunsInsideBeforeTheContainerStops_AndAFailingOneIsAnEvent()
    {
        Apply("""
            apiVersion: v1
            kind: Pod
            metadata: {name: says-bye}
            spec:
              terminationGracePeriodSeconds: 10
              containers:
              - name: c
                image: busybox
                command: [sh, -c, 'trap "echo term; exit 0" TERM; echo up; while true; do sleep 0.2; done']
                lifecycle:
                  preStop: {exec: {command: [sh, -c, 'echo bye from $(hostname) > /proc/1/fd/1']}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: bad-hook}
            spec:
              terminationGracePeriodSeconds: 10
              containers:
              - name: c
                image: busybox
                command: [sh, -c, 'trap "exit 0" TERM; while true; do sleep 0.2; done']
                lifecycle:
                  preStop: {exec: {command: [no-such-hook-program]}}
            """);
        Ready("says-bye", "bad-hook");
        using var follow = s.Kubectl.Start("-n", Ns, "logs", "-f", "says-bye");
        s.Kubectl.WaitFor("up", "-n", Ns, "logs", "says-bye");
        await Task.Delay(300);
        s.Kubectl.Ok("-n", Ns, "delete", "pod", "says-bye", "bad-hook");
        var logged = follow.WaitForExit(TimeSpan.FromSeconds(20));
        Assert.Equal("up\nbye from says-bye\nterm\n", logged.Stdout);
        var failed = s.Kubectl.WaitFor("FailedPreStopHook", "-n", Ns, "get", "events", "--field-selector", "involvedObject.name=bad-hook",
            "-o", "jsonpath={range .items[*]}{.type} {.reason} {.message}{\"\\n\"}{end}");
        Assert.Contains("Warning FailedPreStopHook PreStopHook failed", failed);
    }

    [Fact]
    public void BuiltinImage_RunsInAContainerOfItsOwn()
    {
        Apply("apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: nginx, image: nginx}]}\n");
        Ready("web");
        Assert.Equal("web\n", s.ExecOk("web", "hostname"));
        var root = s.ExecOk("web", "ls", "-A", "/").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain("home", root);
        Assert.DoesNotContain("work", root);
        var pids = s.ExecOk("web", "ps", "-e", "-o", "pid=").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()).ToList();
        Assert.Contains("1", pids);
        Assert.True(pids.Count <= 3, string.Join(",", pids)); // PID 1, ps (and the stand-in's sleep where the host has no perl)
        Assert.Contains("Welcome to nginx!", s.ExecOk("web", "cat", "/usr/share/nginx/html/index.html"));
        Assert.DoesNotContain("secret-marker", s.Exec("web", "cat", s.UserKubeconfig).Stdout);
    }

    [Fact]
    public async Task ExecWithATerminal_IsATtyInsideTheContainer_AndKeepsTheShellsExitCode()
    {
        var kubectlLine = $"kubectl --kubeconfig {s.Server.KubeconfigPath} --cache-dir {Path.Combine(s.Root, "kube-cache")} -n {Ns} exec -it box -- sh";
        var psi = new ProcessStartInfo("script", new[] { "-qec", kubectlLine, "/dev/null" })
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        await Task.Delay(1500);
        await p.StandardInput.WriteAsync("tty; echo pid-$$\n");
        await p.StandardInput.FlushAsync();
        await Task.Delay(1000);
        await p.StandardInput.WriteAsync("exit 3\n");
        await p.StandardInput.FlushAsync();
        Assert.True(p.WaitForExit(30_000), "kubectl exec -it did not finish");
        var text = await output;
        Assert.Matches(@"\n/dev/pts/\d+\r?\n", text);
        Assert.DoesNotContain("not a tty", text);
        Assert.Equal(3, p.ExitCode);
    }
}
