using System.Text;
using System.Text.RegularExpressions;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.Conformance;

/// <summary>The write-ahead log against damage, with real server processes: corruption stops the start, --recover continues, torn tails go.</summary>
public sealed class StorageIntegrityTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pk8s-integrity-" + Guid.NewGuid().ToString("N")[..8]);
    private string Data => Path.Combine(_root, "data");
    private string Wal => Path.Combine(Data, "objects.wal");

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    private static Task<V1ConfigMap> Create(Kubernetes client, string name) =>
        client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = name },
            Data = new Dictionary<string, string> { ["name"] = name },
        }, "default");

    [Fact]
    public async Task ChangedByteInAMiddleRecord_StopsTheStart_AndRecoverContinuesFromTheRecordsBeforeIt()
    {
        using (var first = SandboxProcess.Launch(Data))
        {
            using var client = first.AdminClient();
            // 60: the 44 records after cm-15 alone pass the 10,000 bytes asserted below, however few other writes the controllers made.
            for (var i = 0; i < 60; i++) await Create(client, $"cm-{i:D2}");
            first.Crash(); // SIGKILL: the records stay in the log (a clean stop would compact them into the snapshot)
        }
        var bytes = File.ReadAllBytes(Wal);
        var marker = Encoding.UTF8.GetBytes("\"key\":\"/configmaps\",\"ns\":\"default\",\"name\":\"cm-15\"");
        var at = bytes.AsSpan().IndexOf(marker);
        Assert.True(at > 0, "the log holds cm-15's record");
        var recordOffset = bytes.AsSpan(0, at).LastIndexOf((byte)'\n') + 1;
        bytes[at + 2] = (byte)'K'; // "key" -> "Key": one byte in the middle of the file
        File.WriteAllBytes(Wal, bytes);
        Assert.True(bytes.Length - at > 10_000, "records follow the changed one");
        var highestRv = Regex.Matches(Encoding.UTF8.GetString(bytes), "\\{\"rv\":(\\d+),").Max(m => long.Parse(m.Groups[1].Value));

        var refused = SandboxProcess.RunToExit(Data);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains($"{Wal} is corrupt: the record at byte offset {recordOffset} fails its CRC-32 check. The file was left as it is.", refused.Stderr);
        Assert.Contains("--recover", refused.Stderr);
        Assert.Equal(bytes, File.ReadAllBytes(Wal));

        using var second = SandboxProcess.Launch(Data, null, "--recover");
        var aside = Assert.Single(Directory.GetFiles(Data, "objects.wal.corrupt-*"));
        Assert.Equal(bytes, File.ReadAllBytes(aside));
        Assert.Contains($"{Wal}: --recover: the record at byte offset {recordOffset} fails its CRC-32 check. The original is kept as {aside}", second.StandardError);
        using var after = second.AdminClient();
        var names = (await after.CoreV1.ListNamespacedConfigMapAsync("default")).Items.Select(c => c.Metadata.Name).Where(n => n.StartsWith("cm-")).ToList();
        Assert.Equal(Enumerable.Range(0, 15).Select(i => $"cm-{i:D2}"), names);
        var next = await Create(after, "after-recovery");
        Assert.True(long.Parse(next.Metadata.ResourceVersion) > highestRv,
            $"resourceVersion {next.Metadata.ResourceVersion} after recovery; the damaged log had handed out up to {highestRv}");
    }

    [Fact]
    public async Task ATornLastRecord_IsDropped_WithALogLine_AndTheServerStarts()
    {
        using (var first = SandboxProcess.Launch(Data))
        {
            using var client = first.AdminClient();
            await Create(client, "before-the-crash");
            first.Crash();
        }
        var length = new FileInfo(Wal).Length;
        using (var f = new FileStream(Wal, FileMode.Append)) f.Write("1234abcd {\"rv\":99999,\"op\":\"put\",\"key\":\"/configmaps\",\"ns\":\"def"u8);

        using var second = SandboxProcess.Launch(Data);
        Assert.Contains($"{Wal}: dropped a torn last record at byte offset {length} (", second.StandardError);
        using var after = second.AdminClient();
        Assert.Equal("before-the-crash", (await after.CoreV1.ReadNamespacedConfigMapAsync("before-the-crash", "default")).Data["name"]);
    }

    [Fact]
    public void Help_DocumentsRecover()
    {
        var help = SandboxProcess.RunToExit(Data, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--recover", help.Stdout);
        Assert.Contains("truncated at the last good record", help.Stdout);
    }
}
