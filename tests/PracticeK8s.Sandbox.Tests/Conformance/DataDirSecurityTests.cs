using System.Diagnostics;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PracticeK8s.Sandbox.Tests.Conformance;

/// <summary>The data dir is the current user's alone: modes from creation, another user's or a shared dir refused, a second user's poller reads nothing.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the tests that reach Unix calls skip there
public sealed class DataDirSecurityTests(ITestOutputHelper output) : IDisposable
{
    private const UnixFileMode Mode600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Mode700 = Mode600 | UnixFileMode.UserExecute;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pk8s-datadir-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    /// <summary>Every entry under <paramref name="dir"/> (itself included) that is not a 0700 directory or a 0600 file.</summary>
    private List<string> NotPrivate(string dir, out int files, out int dirs)
    {
        var wrong = new List<string>();
        var links = new List<string>();
        files = 0;
        dirs = 1;
        if (File.GetUnixFileMode(dir) != Mode700) wrong.Add($"{dir} {File.GetUnixFileMode(dir)}");
        foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            // Not what a link leads to (the enumeration follows links to directories): the link itself was checked.
            if (links.Any(l => entry.FullName.StartsWith(l + "/", StringComparison.Ordinal))) continue;
            if (entry.LinkTarget is not null) links.Add(entry.FullName);
            // A container's root (and its overlay work directory) holds what the container sees, with its own
            // modes and links (mount points, a merged /usr's links, files it wrote), under 0700 directories.
            if (IsInContainerRoot(entry.FullName)) continue;
            var isDir = entry is DirectoryInfo;
            if (isDir) dirs++; else files++;
            // A pod's configMap/secret/projected volume holds files with the modes the pod asked for (what the
            // container sees; 0644 by default) and kubelet's ..data links; every directory above them is 0700.
            // In host-process mode a container's directory links each mount path to its volume.
            var inVolume = IsInPodVolume(entry.FullName);
            if (entry.LinkTarget is { } target)
            {
                if (!(inVolume && target.StartsWith("..", StringComparison.Ordinal)) && !IsInPodVolume(target + "/")) wrong.Add($"{entry.FullName} is a link to {target}");
            }
            else if (isDir ? entry.UnixFileMode != Mode700 : !inVolume && entry.UnixFileMode != Mode600) wrong.Add($"{entry.FullName} {entry.UnixFileMode}");
        }
        return wrong;
    }

    /// <summary>Every entry that is not private, listed in full when there is one.</summary>
    private static void AssertPrivate(List<string> wrong) => Assert.True(wrong.Count == 0, "not private:\n" + string.Join("\n", wrong));

    private static bool IsInContainerRoot(string path) =>
        System.Text.RegularExpressions.Regex.IsMatch(path, @"/data/runtime/pods/[^/]+/[^/.][^/]*/");

    private static bool IsInPodVolume(string path) =>
        System.Text.RegularExpressions.Regex.IsMatch(path, @"/data/kubelet/pods/[^/]+/volumes/[^/]+/");

    [UnixFact]
    public async Task EveryFileIs0600_AndEveryDirectory0700_AfterStart_Writes_APodsLogs_AndStop()
    {
        Directory.CreateDirectory(_root);
        var created = Path.Combine(_root, "made-by-the-server"); // the server creates this and data/ below it
        using var server = SandboxProcess.Launch(Path.Combine(created, "data"));
        AssertPrivate(NotPrivate(created, out var files, out var dirs));
        output.WriteLine($"ready: {files} files, {dirs} directories, all private");

        using var client = server.AdminClient();
        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "password" }, StringData = new Dictionary<string, string> { ["p"] = "hunter2" },
        }, "default");
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "settings" } }, "default");
        await Pods.CreateBound(client, "default", "talker", "Always",
            Pods.Container("c", "busybox", "sh", "-c", "echo hello from the pod; echo to stderr >&2; exec sleep 3600"));
        await Pods.WaitForLog(client, "default", "talker", null, l => l.Contains("hello from the pod") && l.Contains("to stderr"));
        AssertPrivate(NotPrivate(created, out files, out dirs));
        Assert.NotEmpty(Directory.GetDirectories(Path.Combine(created, "data", "runtime", "pods"))); // the pod's own root was among them
        output.WriteLine($"after writes and a pod with logs: {files} files, {dirs} directories, all private");

        Assert.Equal(0, server.Stop());
        AssertPrivate(NotPrivate(created, out files, out dirs));
        output.WriteLine($"after a clean stop (compaction): {files} files, {dirs} directories, all private");
    }

    [UnixFact]
    public void ADataDirWritableByGroupOrOthers_IsRefused()
    {
        var data = Path.Combine(_root, "shared");
        Directory.CreateDirectory(data);
        File.SetUnixFileMode(data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                                   | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        var refused = SandboxProcess.RunToExit(data);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains($"refusing data dir {data}: it is writable by group and others (mode 0777)", refused.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(data)); // nothing written into it

        File.SetUnixFileMode(data, Mode700 | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute);
        Assert.Contains($"refusing data dir {data}: it is writable by group (mode 0770)", SandboxProcess.RunToExit(data).Stderr);
    }

    [AsAnotherUserFact]
    public void ADataDirOwnedByAnotherUser_IsRefused()
    {
        // What a planted directory looks like: another user made it first, with its own tokens inside.
        var data = Path.Combine(_root, "planted");
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, "tokens.json"), "{\"admin\":\"planted-admin-token\",\"readOnly\":\"planted-reader\"}");
        LocalUsers.GiveToNobody(Path.Combine(data, "tokens.json"));
        LocalUsers.GiveToNobody(data);
        File.SetUnixFileMode(data, Mode700);

        var refused = SandboxProcess.RunToExit(data);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains($"refusing data dir {data}: it is owned by uid {LocalUsers.Nobody}, not by the current user (uid 0)", refused.Stderr);
        Assert.Equal(new[] { Path.Combine(data, "tokens.json") }, Directory.GetFileSystemEntries(data));
    }

    private const string Poller = """
        d="$1"; stop="$2"; control="$3"; n=0; c=0
        while [ ! -e "$stop" ] && [ $SECONDS -lt 90 ]; do
          n=$((n+1))
          cat "$control" >/dev/null 2>&1 && c=$((c+1))
          [ $n -eq 1 ] && echo STARTED
          ls -A "$d" >/dev/null 2>&1 && echo "LISTED $d"
          for f in "$d"/* "$d"/ca.key "$d"/ca.crt "$d"/server.key "$d"/server.crt "$d"/tokens.json "$d"/kubeconfig \
                   "$d"/sandbox.json "$d"/objects.wal "$d"/objects.snapshot "$d"/runtime/process-groups; do
            cat "$f" >/dev/null 2>&1 && echo "READ $f"
          done
        done
        echo "ITERATIONS $n CONTROL $c"
        """;

    [AsAnotherUserFact]
    public async Task AnotherUsersProcess_PollingTheDataDirDuringTheWholeStart_ReadsNothing()
    {
        Directory.CreateDirectory(_root);
        File.SetUnixFileMode(_root, Mode700 | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var control = Path.Combine(_root, "control.txt"); // what nobody may read: proves the poller reads what it can
        File.WriteAllText(control, "public");
        File.SetUnixFileMode(control, Mode600 | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var data = Path.Combine(_root, "data");
        var stop = Path.Combine(_root, "stop");

        using var poller = LocalUsers.StartAsNobody(Poller, data, stop, control);
        var lines = new List<string>();
        var started = new TaskCompletionSource();
        poller.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (lines) lines.Add(e.Data);
            if (e.Data == "STARTED") started.TrySetResult();
        };
        poller.BeginOutputReadLine();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var clock = Stopwatch.StartNew();
        using (var server = SandboxProcess.Launch(data))
        {
            using var client = server.AdminClient();
            await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = "password" }, StringData = new Dictionary<string, string> { ["p"] = "hunter2" },
            }, "default");
            output.WriteLine($"start and a write took {clock.ElapsedMilliseconds} ms while the poller ran");
            File.WriteAllText(stop, "");
            Assert.True(poller.WaitForExit(30_000), "the poller stops once told");
            poller.WaitForExit();
        }
        string[] seen;
        lock (lines) seen = lines.ToArray();
        var summary = seen.Last();
        output.WriteLine(summary);
        Assert.Matches("^ITERATIONS \\d+ CONTROL \\d+$", summary);
        var counts = summary.Split(' ');
        Assert.True(int.Parse(counts[1]) >= 5, $"the poller ran through the start ({summary})");
        Assert.Equal(counts[1], counts[3]); // it read the control file every time
        Assert.DoesNotContain(seen, l => l.StartsWith("READ") || l.StartsWith("LISTED"));
    }
}
