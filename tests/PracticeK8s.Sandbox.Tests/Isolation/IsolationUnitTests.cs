using PracticeK8s.Sandbox.Hosting;
using PracticeK8s.Sandbox.Runtime;
using PracticeK8s.Sandbox.Runtime.FileSystem;
using PracticeK8s.Sandbox.Runtime.Isolation;

namespace PracticeK8s.Sandbox.Tests.Isolation;

/// <summary>The plain pieces of isolation: the option, the container's /etc, and command lookup in a container root.</summary>
public sealed class IsolationUnitTests
{
    private static PodSpecification Pod(string? hostname = null, string? subdomain = null) =>
        new PodSpecification("uid", "shop", "web-0", "node-1", "Always", Array.Empty<ContainerSpecification>(), Array.Empty<ContainerSpecification>())
        {
            Hostname = hostname, Subdomain = subdomain, PodIP = "10.244.0.7",
        };

    [Fact]
    public void IsolationOption_DefaultsToAuto_AndTakesOnlyItsThreeValues()
    {
        Assert.Equal("auto", SandboxOptions.Parse(new[] { "--data-dir", "/tmp/x" }).Isolation);
        Assert.Equal("none", SandboxOptions.Parse(new[] { "--data-dir", "/tmp/x", "--isolation", "none" }).Isolation);
        Assert.Equal("auto", SandboxOptions.Parse(new[] { "--data-dir", "/tmp/x", "--isolation", "auto" }).Isolation);
        Assert.Equal("namespaces", SandboxOptions.Parse(new[] { "--data-dir", "/tmp/x", "--isolation", "namespaces" }).Isolation);
        Assert.Throws<ArgumentException>(() => SandboxOptions.Parse(new[] { "--data-dir", "/tmp/x", "--isolation", "full" }));
        Assert.Equal(IsolationMode.None, IsolationProbe.Resolve("none"));
    }

    [Fact]
    public void EtcFiles_AreAKubeletsHostsAndTheHostsNameServers()
    {
        var files = ContainerEtc.Files(Pod(), "search corp.example\nnameserver 10.0.0.53\noptions edns0\n", clusterDnsReachable: false).ToDictionary(f => f.Path, f => f.Content);
        Assert.Equal("web-0\n", files["etc/hostname"]);
        Assert.StartsWith("# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n", files["etc/hosts"]);
        Assert.EndsWith("10.244.0.7\tweb-0\n", files["etc/hosts"]);
        // Without a pod network the cluster DNS is out of reach: the host's name servers, the cluster's search path first.
        Assert.Equal("search shop.svc.cluster.local svc.cluster.local cluster.local corp.example\nnameserver 10.0.0.53\n", files["etc/resolv.conf"]);
        Assert.Equal(new[] { "root", "nobody" }, files["etc/passwd"].Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(':')[0]));

        var named = ContainerEtc.Files(Pod("db", "mysql"), "").ToDictionary(f => f.Path, f => f.Content);
        Assert.Equal("db\n", named["etc/hostname"]);
        Assert.EndsWith("10.244.0.7\tdb.mysql.shop.svc.cluster.local\tdb\n", named["etc/hosts"]);
        Assert.Equal(63, ContainerEtc.Hostname(Pod(new string('a', 70))).Length);
    }

    [Fact]
    public void Commands_AreFoundInTheContainersOwnRoot_OrTheHostsSystemDirectories()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pk8s-cmd-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var root = new ContainerRoot(dir);
            Directory.CreateDirectory(Path.Combine(dir, "tmp"));
            File.WriteAllText(Path.Combine(dir, "tmp", "job.sh"), "echo hi\n");
            Assert.Equal(new[] { "/tmp/job.sh" }, ContainerCommand.Resolve(new[] { "/tmp/job.sh" }, root, "/usr/bin:/bin"));
            Assert.Equal(new[] { "ls", "/" }, ContainerCommand.Resolve(new[] { "ls", "/" }, root, "/usr/bin:/bin"));
            Assert.Null(ContainerCommand.Resolve(new[] { "no-such-program-here" }, root, "/usr/bin:/bin"));
            // A host file outside the system directories is not in the container, however it is named.
            Assert.Null(ContainerCommand.Resolve(new[] { "/etc/passwd" }, root, "/usr/bin"));
            Assert.Null(ContainerCommand.Resolve(new[] { "/usr/../etc/passwd" }, root, "/usr/bin"));
            // An image's shell is the host's shell, as in host-process mode.
            var ash = ContainerCommand.Resolve(new[] { "/bin/ash", "-c", "true" }, root, "/usr/bin");
            Assert.NotNull(ash);
            Assert.True(File.Exists(ash![0]));
        }
        finally { Directory.Delete(dir, true); }
    }
}
