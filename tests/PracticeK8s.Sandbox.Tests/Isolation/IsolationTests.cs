using System.Text.Json;

namespace PracticeK8s.Sandbox.Tests.Isolation;

/// <summary>
/// A pod's container seen from inside, through stock kubectl, on a sandbox with --isolation namespaces:
/// its own host name, processes and root; nothing of the host's files or processes reachable.
/// </summary>
public sealed class IsolationTests(IsolatedSandbox s) : IClassFixture<IsolatedSandbox>
{
    [Fact]
    public void ReadyFile_RecordsTheMode()
    {
        using var ready = JsonDocument.Parse(File.ReadAllText(Path.Combine(s.Server.DataDir, "sandbox.json")));
        Assert.Equal("Namespaces", ready.RootElement.GetProperty("isolation").GetString());
    }

    [Fact]
    public void Hostname_IsThePodName_AndSpecHostnameWithSubdomainIsHonoured()
    {
        Assert.Equal("box\n", s.ExecOk("box", "hostname"));
        Assert.Equal("box\n", s.ExecOk("box", "cat", "/etc/hostname"));
        Assert.Equal("h1\n", s.ExecOk("named", "hostname"));
        var podIp = s.Kubectl.Ok("-n", IsolatedSandbox.Namespace, "get", "pod", "named", "-o", "jsonpath={.status.podIP}");
        Assert.Contains($"{podIp}\th1.sub.{IsolatedSandbox.Namespace}.svc.cluster.local\th1\n", s.ExecOk("named", "cat", "/etc/hosts"));
    }

    [Fact]
    public void Pid1_IsTheContainerCommand_AndPsListsOnlyThePodsProcesses()
    {
        Assert.Equal("sleep\03600\0", s.ExecOk("box", "cat", "/proc/1/cmdline"));
        var processes = s.ExecOk("box", "ps", "-e", "-o", "pid=,comm=")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Contains(processes, p => p[0] == "1" && p[1] == "sleep");
        Assert.All(processes, p => Assert.Contains(p[1], new[] { "sleep", "ps" }));
    }

    [Fact]
    public void Root_ShowsNoHostDirectories_AndNoHostFilesAreReadable()
    {
        var entries = s.ExecOk("box", "ls", "-A", "/").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain("home", entries);
        Assert.DoesNotContain("work", entries);
        Assert.Contains("usr", entries);
        Assert.Equal("", s.ExecOk("box", "ls", "-A", "/root"));
        foreach (var hostFile in new[]
                 {
                     Path.Combine(s.Server.DataDir, "tokens.json"), Path.Combine(s.Server.DataDir, "ca.key"), s.Server.KubeconfigPath,
                     s.UserKubeconfig, s.Server.DataDir,
                 })
        {
            Assert.True(File.Exists(hostFile) || Directory.Exists(hostFile), $"{hostFile} should exist on the host");
            var r = s.Exec("box", "sh", "-c", $"cat '{hostFile}' || ls '{hostFile}'");
            Assert.NotEqual(0, r.ExitCode);
            Assert.DoesNotContain("secret-marker", r.Stdout);
        }
    }

    [Fact]
    public void WritesToRootAndTmp_StayInTheContainer()
    {
        var marker = "pk8s-iso-" + Guid.NewGuid().ToString("N")[..8];
        s.ExecOk("box", "sh", "-c", $"echo x > /{marker} && echo y > /tmp/{marker}");
        Assert.Equal("x\ny\n", s.ExecOk("box", "cat", $"/{marker}", $"/tmp/{marker}"));
        Assert.False(File.Exists("/" + marker));
        Assert.False(File.Exists("/tmp/" + marker));
    }

    [Fact]
    public void KillingTheSandboxFromInside_Fails_AndTheServerKeepsAnswering()
    {
        var r = s.Exec("box", "kill", "-9", s.Server.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEqual(0, r.ExitCode);
        Assert.False(s.Server.HasExited);
        Assert.Contains("box", s.Kubectl.Ok("-n", IsolatedSandbox.Namespace, "get", "pods", "-o", "name"));
    }

    [Fact]
    public void Cp_InAndOut_AndExecSeesTheContainersRoot()
    {
        var local = Path.Combine(s.Root, "cp-in.txt");
        File.WriteAllText(local, "copied in\n");
        s.Kubectl.Ok("-n", IsolatedSandbox.Namespace, "cp", local, "box:/tmp/cp-in.txt");
        Assert.Equal("copied in\n", s.ExecOk("box", "cat", "/tmp/cp-in.txt"));
        s.ExecOk("box", "sh", "-c", "echo from the pod > /root/out.txt");
        var back = Path.Combine(s.Root, "cp-out.txt");
        s.Kubectl.Ok("-n", IsolatedSandbox.Namespace, "cp", "box:/root/out.txt", back);
        Assert.Equal("from the pod\n", File.ReadAllText(back));
        // exec enters the same mount namespace as PID 1: the same root, the same mount table.
        Assert.Equal(s.ExecOk("box", "cat", "/proc/1/mountinfo"), s.ExecOk("box", "cat", "/proc/self/mountinfo"));
        Assert.Equal(s.ExecOk("box", "readlink", "/proc/1/ns/mnt"), s.ExecOk("box", "readlink", "/proc/self/ns/mnt"));
    }

    [Fact]
    public async Task DeletingAPod_EndsItsNamespacesProcesses()
    {
        s.Kubectl.Run(new[] { "-n", IsolatedSandbox.Namespace, "run", "short", "--image=busybox", "--", "sleep", "3600" }, null, null);
        s.Kubectl.Ok("-n", IsolatedSandbox.Namespace, "wait", "--for=condition=Ready", "pod/short", "--timeout=60s");
        // This sandbox's processes of that pod: their command lines name its directory in this test's data dir.
        var podDir = $"{IsolatedSandbox.Namespace}_short_";
        int[] Processes() => Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit))
            .Where(n => { try { var c = File.ReadAllText($"/proc/{n}/cmdline"); return c.Contains(s.Root) && c.Contains(podDir); } catch (IOException) { return false; } })
            .Select(n => int.Parse(n!)).ToArray();
        Assert.NotEmpty(Processes());
        s.Kubectl.Ok("-n", IsolatedSandbox.Namespace, "delete", "pod", "short", "--grace-period=1");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Processes().Length > 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Empty(Processes());
    }

    [Fact]
    public async Task AttachToATtyContainer_TypesIntoItsShell_WhichSeesItsTerminal()
    {
        s.Kubectl.Run(new[] { "-n", IsolatedSandbox.Namespace, "apply", "-f", "-" },
            "apiVersion: v1\nkind: Pod\nmetadata: {name: term}\nspec: {containers: [{name: c, image: busybox, stdin: true, tty: true}]}\n", null);
        s.Kubectl.Ok("-n", IsolatedSandbox.Namespace, "wait", "--for=condition=Ready", "pod/term", "--timeout=60s");
        var kubectlLine = $"kubectl --kubeconfig {s.Server.KubeconfigPath} --cache-dir {Path.Combine(s.Root, "kube-cache")} -n {IsolatedSandbox.Namespace} attach -it term";
        var psi = new System.Diagnostics.ProcessStartInfo("script", new[] { "-qec", kubectlLine, "/dev/null" })
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        await Task.Delay(1000);
        await p.StandardInput.WriteAsync("tty; echo pid-$$\n");
        await p.StandardInput.FlushAsync();
        await Task.Delay(1000);
        await p.StandardInput.WriteAsync("exit 5\n");
        await p.StandardInput.FlushAsync();
        Assert.True(p.WaitForExit(30_000), "kubectl attach -it did not finish");
        var text = await output;
        Assert.Matches(@"/dev/pts/\d+", text);
        Assert.Contains("pid-1", text);
        s.Kubectl.WaitFor("^5$", "-n", IsolatedSandbox.Namespace, "get", "pod", "term", "-o", "jsonpath={.status.containerStatuses[0].lastState.terminated.exitCode}");
    }

    [Fact]
    public void DebugContainer_WithATarget_SharesItsProcesses_WithoutOne_HasItsOwn()
    {
        var ns = IsolatedSandbox.Namespace;
        s.Kubectl.Ok("-n", ns, "debug", "box", "--image=busybox", "--target=c", "-c", "dbg-target", "--", "sleep", "60");
        s.Kubectl.Ok("-n", ns, "debug", "box", "--image=busybox", "-c", "dbg-own", "--", "sleep", "60");
        foreach (var name in new[] { "dbg-target", "dbg-own" })
            s.Kubectl.WaitFor("running", "-n", ns, "get", "pod", "box", "-o", $"jsonpath={{.status.ephemeralContainerStatuses[?(@.name==\"{name}\")].state}}");
        // The target's PID 1 (sleep 3600) is the debug container's PID 1 too; without a target it is its own command.
        Assert.Equal("sleep\03600\0", s.Kubectl.Ok("-n", ns, "exec", "box", "-c", "dbg-target", "--", "cat", "/proc/1/cmdline"));
        Assert.Equal("sleep\060\0", s.Kubectl.Ok("-n", ns, "exec", "box", "-c", "dbg-own", "--", "cat", "/proc/1/cmdline"));
        // Its own root all the same: a file written there is not in the target's.
        s.Kubectl.Ok("-n", ns, "exec", "box", "-c", "dbg-target", "--", "touch", "/tmp/from-debug");
        Assert.NotEqual(0, s.Exec("box", "test", "-e", "/tmp/from-debug").ExitCode);
    }
}
