using System.Text;
using PracticeK8s.Sandbox.Kubelet.Volumes;
using PracticeK8s.Sandbox.Runtime.Volumes;
using PracticeK8s.Sandbox.Security;

namespace PracticeK8s.Sandbox.Tests.Volumes;

/// <summary>The atomic writer's layout and swaps, the mount list's checks, and bound service-account tokens.</summary>
public sealed class VolumeUnitTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pk8s-volunit-" + Guid.NewGuid().ToString("N")[..8]);

    private static VolumeFile F(string path, string content, int mode = 420) => new(path, Encoding.UTF8.GetBytes(content), (UnixFileMode)mode);

    [Fact]
    public void AtomicWriter_WritesThePayloadBehindDataLink_WithVisibleLinksAndModes()
    {
        Assert.True(AtomicWriter.Write(_dir, new[] { F("a", "1"), F("sub/b", "2", 256) }));
        var payload = AtomicWriter.CurrentPayload(_dir)!;
        Assert.Matches(@"^\.\.\d{4}_\d{2}_\d{2}_\d{2}_\d{2}_\d{2}\.\d{9}$", payload);
        Assert.Equal(payload, new FileInfo(Path.Combine(_dir, "..data")).LinkTarget);
        Assert.Equal("..data/a", new FileInfo(Path.Combine(_dir, "a")).LinkTarget);
        Assert.Equal("..data/sub", new FileInfo(Path.Combine(_dir, "sub")).LinkTarget);
        Assert.Equal("2", File.ReadAllText(Path.Combine(_dir, "sub", "b")));
        Assert.Equal((UnixFileMode)420, File.GetUnixFileMode(Path.Combine(_dir, payload, "a")));
        Assert.Equal((UnixFileMode)256, File.GetUnixFileMode(Path.Combine(_dir, payload, "sub", "b")));
        Assert.Equal(PrivateFiles.DirectoryMode700, File.GetUnixFileMode(Path.Combine(_dir, payload)));
    }

    [Fact]
    public void AtomicWriter_LeavesUnchangedContentAlone_AndSwapsToANewPayloadOnChange()
    {
        AtomicWriter.Write(_dir, new[] { F("a", "1"), F("gone", "x") });
        var first = AtomicWriter.CurrentPayload(_dir);
        Assert.False(AtomicWriter.Write(_dir, new[] { F("a", "1"), F("gone", "x") }));
        Assert.Equal(first, AtomicWriter.CurrentPayload(_dir));

        Assert.True(AtomicWriter.Write(_dir, new[] { F("a", "2") }));
        var second = AtomicWriter.CurrentPayload(_dir);
        Assert.NotEqual(first, second);
        Assert.False(Directory.Exists(Path.Combine(_dir, first!))); // the old payload is removed
        Assert.Equal("2", File.ReadAllText(Path.Combine(_dir, "a")));
        Assert.False(File.Exists(Path.Combine(_dir, "gone")) || new FileInfo(Path.Combine(_dir, "gone")).LinkTarget is not null);

        Assert.True(AtomicWriter.Write(_dir, new[] { F("a", "2", 384) })); // a mode change alone is a change
        Assert.Equal((UnixFileMode)384, File.GetUnixFileMode(Path.Combine(_dir, AtomicWriter.CurrentPayload(_dir)!, "a")));
    }

    [Theory]
    [InlineData("/abs")]
    [InlineData("../up")]
    [InlineData("a/../../b")]
    [InlineData("..hidden")]
    [InlineData("a//b")]
    [InlineData("")]
    public void AtomicWriter_RefusesPathsOutsideTheVolume(string path)
    {
        Assert.NotNull(AtomicWriter.PathProblem(path));
        Assert.Throws<ArgumentException>(() => AtomicWriter.Write(_dir, new[] { F(path, "x") }));
    }

    [Fact]
    public void MountList_RendersOneCheckedMountALine()
    {
        var text = MountList.Render(new[]
        {
            new ContainerMount("/etc/config", "/data/kubelet/pods/u/volumes/cfg", true),
            new ContainerMount("/data/", "/data/volumes/pv-1", false),
            new ContainerMount("/etc/one.conf", "/v/cfg/..2026_01_01_00_00_00.1/one", true, true, "/v/cfg"),
        });
        Assert.Equal("ro\t/data/kubelet/pods/u/volumes/cfg\t/etc/config\t/data/kubelet/pods/u/volumes/cfg\n"
                     + "rw\t/data/volumes/pv-1\t/data\t/data/volumes/pv-1\n"
                     + "ro\t/v/cfg/..2026_01_01_00_00_00.1/one\t/etc/one.conf\t/v/cfg\n", text);
    }

    [Theory]
    [InlineData("relative/path", "/host")]
    [InlineData("/a/../etc", "/host")]
    [InlineData("/with\ttab", "/host")]
    [InlineData("/with\nnewline", "/host")]
    [InlineData("/", "/host")]
    [InlineData("/proc/self", "/host")]
    [InlineData("/dev/shm", "/host")]
    [InlineData("/ok", "host-relative")]
    [InlineData("/ok", "/host/../etc")]
    public void MountList_RefusesUnsafePaths(string containerPath, string hostPath)
    {
        var mount = new ContainerMount(containerPath, hostPath, false);
        Assert.NotNull(MountList.Problem(mount));
        Assert.Throws<ArgumentException>(() => MountList.Render(new[] { mount }));
    }

    [Fact]
    public void ServiceAccountTokens_ValidateTheirOwn_AndRefuseTamperedExpiredOrForeignOnes()
    {
        Directory.CreateDirectory(_dir);
        var tokens = ServiceAccountTokens.LoadOrCreate(_dir);
        Assert.Equal(PrivateFiles.FileMode600, File.GetUnixFileMode(Path.Combine(_dir, ServiceAccountTokens.KeyFileName)));
        var claims = new ServiceAccountClaims("ns1", "default", "sa-uid", "pod-a", "pod-uid", DateTimeOffset.UtcNow.AddHours(1));
        var token = tokens.Issue(claims, "node-1", "node-uid");
        var back = tokens.Validate(token)!;
        Assert.Equal(("ns1", "default", "sa-uid", "pod-a", "pod-uid"), (back.Namespace, back.ServiceAccountName, back.ServiceAccountUid, back.PodName, back.PodUid));
        Assert.NotNull(ServiceAccountTokens.LoadOrCreate(_dir).Validate(token)); // the key is kept across restarts

        var parts = token.Split('.');
        var payload = parts[1].ToCharArray();
        payload[10] = payload[10] == 'x' ? 'y' : 'x';
        var forged = parts[0] + "." + new string(payload) + "." + parts[2];
        Assert.Null(tokens.Validate(forged));
        Assert.Null(tokens.Validate(parts[0] + "." + parts[1] + "."));
        Assert.Null(tokens.Validate(tokens.Issue(claims with { Expires = DateTimeOffset.UtcNow.AddMinutes(-5) })));
        Assert.Null(tokens.Validate(tokens.Issue(claims, audience: "vault")));
        var other = Path.Combine(_dir, "other");
        Directory.CreateDirectory(other);
        Assert.Null(ServiceAccountTokens.LoadOrCreate(other).Validate(token));
        Assert.Null(tokens.Validate(new string('a', 10_000)));
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
