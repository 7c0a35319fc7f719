using PracticeK8s.Sandbox.Tests.Isolation;

namespace PracticeK8s.Sandbox.Tests.Dns;

/// <summary>
/// <c>nslookup</c> in a busybox pod (isolated containers run the host's tools; this host has none):
/// busybox's output, answered by the container's own resolver. Until pods have a network of their own
/// the resolver asks the host's name servers, so the names here are the pod's own (its /etc/hosts)
/// and one that exists nowhere.
/// </summary>
public sealed class NslookupInPodTests(IsolatedSandbox s) : IClassFixture<IsolatedSandbox>
{
    private static readonly bool HostHasNslookup =
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d != "" && File.Exists(Path.Combine(d, "nslookup")));

    private string FirstNameServer(string pod) =>
        s.ExecOk(pod, "cat", "/etc/resolv.conf").Split('\n').First(l => l.StartsWith("nameserver ")).Split(' ')[1];

    [Fact]
    public void Nslookup_OfThePodsOwnName_PrintsServerThenNameAndAddress()
    {
        if (HostHasNslookup)
        {
            // The host's own nslookup is the one found: the sandbox adds none.
            Assert.DoesNotContain("printed as busybox's applet prints it", s.ExecOk("named", "sh", "-c", "cat \"$(command -v nslookup)\" | head -c 2000"));
            return;
        }
        var podIp = s.Kubectl.Ok("-n", IsolatedSandbox.Namespace, "get", "pod", "named", "-o", "jsonpath={.status.podIP}");
        var server = FirstNameServer("named");
        var fqdn = $"h1.sub.{IsolatedSandbox.Namespace}.svc.cluster.local";
        Assert.Equal($"Server:\t\t{server}\nAddress:\t{server}:53\n\nName:\t{fqdn}\nAddress: {podIp}\n\n", s.ExecOk("named", "nslookup", fqdn));
    }

    /// <summary>
    /// A pod with <c>dnsPolicy: None</c> whose only name server is 127.0.0.1 (nothing listens on port 53
    /// there, so every lookup fails at once instead of waiting on a host name server): its resolv.conf is
    /// the dnsConfig alone, and nslookup of a name that is nowhere says NXDOMAIN and exits 1.
    /// </summary>
    [Fact]
    public void DnsPolicyNone_WritesOnlyDnsConfig_AndNslookupOfAMissingNameSaysNxDomain()
    {
        s.Kubectl.Run(new[] { "-n", IsolatedSandbox.Namespace, "apply", "-f", "-" }, """
            apiVersion: v1
            kind: Pod
            metadata: {name: nodns}
            spec:
              terminationGracePeriodSeconds: 1
              dnsPolicy: None
              dnsConfig:
                nameservers: [127.0.0.1]
                searches: [iso.svc.cluster.local]
                options: [{name: ndots, value: "2"}, {name: attempts, value: "1"}]
              containers: [{name: c, image: busybox, command: [sleep, "3600"]}]
            """, null);
        s.Kubectl.Ok("-n", IsolatedSandbox.Namespace, "wait", "--for=condition=Ready", "pod/nodns", "--timeout=60s");
        Assert.Equal("search iso.svc.cluster.local\nnameserver 127.0.0.1\noptions ndots:2 attempts:1\n", s.ExecOk("nodns", "cat", "/etc/resolv.conf"));
        if (HostHasNslookup) return; // the host's own nslookup answers: its format is not ours to check
        var r = s.Exec("nodns", "nslookup", "no-such-name.invalid");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("Server:\t\t127.0.0.1\nAddress:\t127.0.0.1:53\n\n** server can't find no-such-name.invalid: NXDOMAIN\n\n", r.Stdout);
    }

    [Fact]
    public void ResolvConf_HasTheClusterSearchPath_ForThePodsNamespace() =>
        Assert.Contains($"search {IsolatedSandbox.Namespace}.svc.cluster.local svc.cluster.local cluster.local",
            s.ExecOk("box", "cat", "/etc/resolv.conf"));
}
