using System.Net;
using PracticeK8s.Sandbox.Hosting;

namespace PracticeK8s.Sandbox.Tests.Dns;

/// <summary><c>--cluster-dns ADDRESS:PORT</c>: where the sandbox also answers the cluster DNS.</summary>
public sealed class ClusterDnsOptionTests
{
    [Fact]
    public void TakesAnAddressAndPort_IsOffWithout_AndRefusesANameAlone()
    {
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 5353),
            SandboxOptions.Parse(new[] { "--data-dir", "/tmp/x", "--cluster-dns", "127.0.0.1:5353" }).Cluster.ClusterDnsListen);
        Assert.Null(SandboxOptions.Parse(new[] { "--data-dir", "/tmp/x" }).Cluster.ClusterDnsListen);
        Assert.Throws<ArgumentException>(() => SandboxOptions.Parse(new[] { "--data-dir", "/tmp/x", "--cluster-dns", "localhost" }));
    }
}
