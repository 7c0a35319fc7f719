using System.Text;
using System.Text.RegularExpressions;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.ViaKubectl;

/// <summary>kubectl logs, exec and cp against pods whose containers the runtime runs as local processes.</summary>
[Collection(SandboxCollection.Name)]
public sealed class LogsExecCpTests(SandboxFixture f)
{
    private async Task<string> Counting(string ns, string name = "counter")
    {
        await Pods.CreateBound(f.Admin, ns, name, "Always",
            Pods.Container("c", "busybox", "sh", "-c", "for i in 1 2 3 4 5; do echo line $i; done; sleep 3600"));
        await Pods.WaitForLog(f.Admin, ns, name, null, l => l.Contains("line 5"));
        return name;
    }

    [Fact]
    public async Task Logs_AllTailTimestampsSinceAndLimit()
    {
        var ns = f.NewNamespace("klogs");
        var pod = await Counting(ns);
        Assert.Equal("line 1\nline 2\nline 3\nline 4\nline 5\n", f.Kubectl.Ok("-n", ns, "logs", pod));
        Assert.Equal("line 4\nline 5\n", f.Kubectl.Ok("-n", ns, "logs", pod, "--tail=2"));
        var stamped = f.Kubectl.Ok("-n", ns, "logs", pod, "--timestamps", "--tail=1");
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z line 5\n$", stamped);
        Assert.Equal("line 1\nline 2\nline 3\nline 4\nline 5\n", f.Kubectl.Ok("-n", ns, "logs", pod, "--since=1h"));
        var future = DateTime.UtcNow.AddMinutes(5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        Assert.Equal("", f.Kubectl.Ok("-n", ns, "logs", pod, $"--since-time={future}"));
        Assert.Equal("line 1\nli", f.Kubectl.Ok("-n", ns, "logs", pod, "--limit-bytes=9"));
    }

    [Fact]
    public async Task Logs_Follow_StreamsUntilTheContainerEnds()
    {
        var ns = f.NewNamespace("kfollow");
        await Pods.CreateBound(f.Admin, ns, "ticker", "Never",
            Pods.Container("c", "busybox", "sh", "-c", "echo start; sleep 1; for i in 1 2 3; do echo tick $i; sleep 0.3; done"));
        await Pods.WaitForLog(f.Admin, ns, "ticker", null, l => l.Contains("start"));
        var started = DateTime.UtcNow;
        var result = f.Kubectl.Run(new[] { "-n", ns, "logs", "-f", "ticker" }, null, null, TimeSpan.FromSeconds(20));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("start\ntick 1\ntick 2\ntick 3\n", result.Stdout);
        Assert.True(DateTime.UtcNow - started > TimeSpan.FromMilliseconds(500), "follow returned before the container finished");
    }

    [Fact]
    public async Task Logs_Previous_ShowsTheCrashedInstance()
    {
        var ns = f.NewNamespace("kprev");
        await Pods.CreateBound(f.Admin, ns, "crasher", "Always",
            Pods.Container("c", "busybox", "sh", "-c", "echo attempt at $(date +%s%N); sleep 0.2; exit 1"));
        var previous = await Pods.WaitForLog(f.Admin, ns, "crasher", null, l => l.StartsWith("attempt at"), previous: true);
        var viaKubectl = f.Kubectl.Ok("-n", ns, "logs", "crasher", "--previous");
        Assert.StartsWith("attempt at ", viaKubectl);

        await Counting(ns, "steady");
        var none = f.Kubectl.Run("-n", ns, "logs", "steady", "-p");
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("previous terminated container \"c\" in pod \"steady\" not found", none.Stderr);
    }

    [Fact]
    public async Task Logs_ContainerChoiceAndErrors()
    {
        var ns = f.NewNamespace("kmulti");
        await Pods.CreateBound(f.Admin, ns, "two", "Always",
            Pods.Container("first", "busybox", "sh", "-c", "echo from first; sleep 3600"),
            Pods.Container("second", "nginx"));
        await Pods.WaitForLog(f.Admin, ns, "two", "first", l => l.Length > 0);
        var defaulted = f.Kubectl.Run("-n", ns, "logs", "two");
        Assert.Equal("from first\n", defaulted.Stdout);
        Assert.Contains("Defaulted container \"first\" out of: first, second", defaulted.Stderr);
        Assert.Contains("Configuration complete; ready for start up", f.Kubectl.Ok("-n", ns, "logs", "two", "-c", "second"));

        using var http = f.Server.Http(f.Server.AdminToken);
        var (code, body, _) = await Raw.Send(http, HttpMethod.Get, $"/api/v1/namespaces/{ns}/pods/two/log");
        Assert.Equal(400, (int)code);
        Assert.Equal("a container name must be specified for pod two, choose one of: [first second]", body.Message());
        (code, body, _) = await Raw.Send(http, HttpMethod.Get, $"/api/v1/namespaces/{ns}/pods/two/log?container=third");
        Assert.Equal("container third is not valid for pod two", body.Message());
        (code, body, _) = await Raw.Send(http, HttpMethod.Get, $"/api/v1/namespaces/{ns}/pods/two/log?container=first&tailLines=-2");
        Assert.Equal(422, (int)code);

        await f.Admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "pending" },
            Spec = new V1PodSpec { SchedulerName = Pods.NoScheduler, Containers = new List<V1Container> { new() { Name = "c", Image = "nginx" } } },
        }, ns);
        Assert.Equal("", f.Kubectl.Ok("-n", ns, "logs", "pending"));
    }

    [Fact]
    public async Task Exec_StdoutStderrStdinAndExitCode()
    {
        var ns = f.NewNamespace("kexec");
        var pod = await Counting(ns);
        var r = f.Kubectl.Run("-n", ns, "exec", pod, "--", "sh", "-c", "echo to-out; echo to-err >&2");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("to-out\n", r.Stdout);
        Assert.Equal("to-err\n", r.Stderr);

        var failed = f.Kubectl.Run("-n", ns, "exec", pod, "--", "sh", "-c", "exit 3");
        Assert.Equal(3, failed.ExitCode);
        Assert.Contains("command terminated with exit code 3", failed.Stderr);

        var echoed = f.Kubectl.Run(new[] { "-n", ns, "exec", "-i", pod, "--", "sh", "-c", "tr a-z A-Z" }, "hello from stdin\n", null);
        Assert.Equal(0, echoed.ExitCode);
        Assert.Equal("HELLO FROM STDIN\n", echoed.Stdout);

        var hostname = f.Kubectl.Ok("-n", ns, "exec", pod, "--", "cat", "/etc/hostname");
        Assert.Equal($"{pod}\n", hostname);

        var missing = f.Kubectl.Run("-n", ns, "exec", pod, "--", "no-such-command-here");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("executable file not found in $PATH", missing.Stderr);
    }

    [Fact]
    public async Task ExecWithATerminal_ViaScript_IsATty()
    {
        var ns = f.NewNamespace("ktty");
        var pod = await Counting(ns);
        // script gives kubectl a terminal, so -t is honoured; the remote side sees its own pty.
        var kubectlLine = $"kubectl --kubeconfig {f.Server.KubeconfigPath} --cache-dir {Path.Combine(f.Server.DataDir, "..", "kube-cache")} -n {ns} exec -it {pod} -- sh -c 'tty; stty size'";
        var psi = new System.Diagnostics.ProcessStartInfo("script", new[] { "-qec", kubectlLine, "/dev/null" })
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        psi.Environment["COLUMNS"] = "120";
        psi.Environment["LINES"] = "30";
        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        Assert.True(p.WaitForExit(30_000), "kubectl exec -it did not finish");
        var text = await output;
        Assert.Matches(@"/dev/pts/\d+", text);
        Assert.Equal(0, p.ExitCode);
    }

    [Fact]
    public async Task AttachWithATerminal_ViaScript_TypesIntoTheContainersShell()
    {
        var ns = f.NewNamespace("kattach");
        await f.Admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "shell" },
            Spec = new V1PodSpec
            {
                NodeName = await Pods.RunningNode(f.Admin),
                Containers = new List<V1Container> { new() { Name = "c", Image = "busybox", Stdin = true, Tty = true } },
            },
        }, ns);
        await Pods.WaitForLog(f.Admin, ns, "shell", null, _ => true); // the container exists
        var kubectlLine = $"kubectl --kubeconfig {f.Server.KubeconfigPath} --cache-dir {Path.Combine(f.Server.DataDir, "..", "kube-cache")} -n {ns} attach -it shell";
        var psi = new System.Diagnostics.ProcessStartInfo("script", new[] { "-qec", kubectlLine, "/dev/null" })
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        await Task.Delay(1000);
        await p.StandardInput.WriteAsync("echo via-attach-$((6*7))\n");
        await p.StandardInput.FlushAsync();
        await Task.Delay(1000);
        await p.StandardInput.WriteAsync("exit\n");
        await p.StandardInput.FlushAsync();
        Assert.True(p.WaitForExit(30_000), "kubectl attach -it did not finish");
        var text = await output;
        Assert.Contains("via-attach-42", text);
        Assert.Contains("Session ended, resume using 'kubectl attach shell -c c -i -t' command when the pod is running", text);
    }

    [Fact]
    public async Task Cp_IntoAndOutOfThePod()
    {
        var ns = f.NewNamespace("kcp");
        var pod = await Counting(ns);
        var local = f.TempFile("notes.txt", "copied with kubectl cp\n");
        var into = f.Kubectl.Run("-n", ns, "cp", local, $"{pod}:/tmp/notes.txt");
        Assert.True(into.ExitCode == 0, into.ToString());
        Assert.Equal("copied with kubectl cp\n", f.Kubectl.Ok("-n", ns, "exec", pod, "--", "cat", "/tmp/notes.txt"));

        var dir = Path.Combine(Path.GetDirectoryName(local)!, "back");
        Directory.CreateDirectory(dir);
        var outOf = f.Kubectl.Run("-n", ns, "cp", $"{pod}:/tmp/notes.txt", Path.Combine(dir, "again.txt"));
        Assert.True(outOf.ExitCode == 0, outOf.ToString());
        Assert.Equal("copied with kubectl cp\n", File.ReadAllText(Path.Combine(dir, "again.txt")));

        var folder = f.Kubectl.Run("-n", ns, "cp", $"{pod}:/etc", Path.Combine(dir, "etc"));
        Assert.True(folder.ExitCode == 0, folder.ToString());
        Assert.Equal($"{pod}\n", File.ReadAllText(Path.Combine(dir, "etc", "hostname")));
    }

    [Fact]
    public async Task DeletingThePod_StopsItsProcesses()
    {
        var ns = f.NewNamespace("kstop");
        // Found by its command line (its $$ is 1 when the container has a PID namespace of its own).
        var sleep = Runtime.RuntimeHarness.UniqueSleep();
        await Pods.CreateBound(f.Admin, ns, "pidpod", "Always", Pods.Container("c", "busybox", "sh", "-c", $"echo started; exec sleep {sleep}"));
        await Pods.WaitForLog(f.Admin, ns, "pidpod", null, l => l.EndsWith('\n'));
        var found = DateTime.UtcNow.AddSeconds(10);
        while (Runtime.RuntimeHarness.SleepPids(sleep).Length != 1 && DateTime.UtcNow < found) await Task.Delay(50);
        var pid = Runtime.RuntimeHarness.SleepPids(sleep).Single();
        f.Kubectl.Ok("-n", ns, "delete", "pod", "pidpod", "--grace-period=1");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Directory.Exists($"/proc/{pid}") && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.False(Directory.Exists($"/proc/{pid}"), "the container process outlived its pod");
    }
}
