using System.Net;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.PortForward;

namespace PracticeK8s.Tests.PortForward;

/// <summary>-Port and -Address read as kubectl port-forward reads its arguments and --address.</summary>
public sealed class PortArgumentTests
{
    [Theory]
    [InlineData("8080", 8080, "8080")]
    [InlineData("8080:80", 8080, "80")]
    [InlineData("0:80", 0, "80")]
    [InlineData(":80", 0, "80")]
    [InlineData("5000:http", 5000, "http")]
    [InlineData("http", -1, "http")]
    public void Parses_kubectl_port_pairs(string spec, int local, string remote)
    {
        var m = PortMapping.Parse(spec);
        Assert.Equal(local, m.Local);
        Assert.Equal(remote, m.Remote);
    }

    [Theory]
    [InlineData("8080:0", "Remote port must be > 0")]
    [InlineData("1:2:3", "invalid port format '1:2:3'")]
    [InlineData("70000:80", "Error parsing local port '70000': value out of range")]
    [InlineData("x:80", "Error parsing local port 'x': invalid syntax")]
    [InlineData("80:70000", "Error parsing remote port '70000': value out of range")]
    [InlineData("80:", "invalid port format '80:'")]
    public void Refuses_what_kubectl_refuses(string spec, string message)
    {
        var e = Assert.Throws<KubeException>(() => PortMapping.Parse(spec));
        Assert.Equal(message, e.Message);
        Assert.Equal("KubePortForwardInvalidPort", e.ErrorId);
    }

    [Fact]
    public void Takes_several_pairs_and_comma_lists()
    {
        var all = PortMapping.ParseAll(["8080:80", "9090,:7070"]);
        Assert.Equal([new PortMapping(8080, "80"), new PortMapping(9090, "9090"), new PortMapping(0, "7070")], all);
    }

    [Fact]
    public void Localhost_is_both_loopbacks_and_optional_each()
    {
        var addresses = ListenAddress.ParseAll(null);
        Assert.Equal([new ListenAddress(IPAddress.Loopback, true), new ListenAddress(IPAddress.IPv6Loopback, true)], addresses);
    }

    [Fact]
    public void Explicit_addresses_are_required_and_deduplicated()
    {
        var addresses = ListenAddress.ParseAll(["localhost,127.0.0.1", "[::1]", "10.1.2.3"]);
        Assert.Equal([new ListenAddress(IPAddress.Loopback, false), new ListenAddress(IPAddress.IPv6Loopback, false),
            new ListenAddress(IPAddress.Parse("10.1.2.3"), false)], addresses);
        var e = Assert.Throws<KubeException>(() => ListenAddress.ParseAll(["example.com"]));
        Assert.Equal("example.com is not a valid IP", e.Message);
    }

    [Fact]
    public void Formats_endpoints_like_kubectl()
    {
        Assert.Equal("Forwarding from 127.0.0.1:8080 -> 80", new ForwardedPort(ListenAddress.Format(IPAddress.Loopback, 8080), 8080, 80).ToString());
        Assert.Equal("Forwarding from [::1]:8080 -> 80", new ForwardedPort(ListenAddress.Format(IPAddress.IPv6Loopback, 8080), 8080, 80).ToString());
    }
}
