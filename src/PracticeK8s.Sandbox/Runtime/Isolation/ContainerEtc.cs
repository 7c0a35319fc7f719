using System.Text;

namespace PracticeK8s.Sandbox.Runtime.Isolation;

/// <summary>
/// The <c>/etc</c> files an isolated container starts with: its host name, <c>/etc/hosts</c> as a
/// kubelet writes it (pod IP and name), a <c>resolv.conf</c> per the pod's dnsPolicy and dnsConfig
/// (<see cref="PodResolvConf"/>), and users and groups root and nobody only.
/// </summary>
public static class ContainerEtc
{
    /// <summary>
    /// Whether pods reach the cluster DNS (10.96.0.10): only once they have a network of their own, which
    /// the cluster network sets up. Until then resolv.conf names the host's name servers (the host network
    /// is shared) with the cluster search path.
    /// </summary>
    public static volatile bool ClusterDnsReachable;

    /// <summary>Host files the loader and name lookups read; they say nothing about the host's users or data.</summary>
    public static readonly string[] CopiedFromHost = { "/etc/ld.so.cache", "/etc/nsswitch.conf" };

    /// <summary>The host name (<c>spec.hostname</c>, else the pod name, at most 63 characters as the kubelet cuts it).</summary>
    public static string Hostname(PodSpecification pod)
    {
        var name = string.IsNullOrEmpty(pod.Hostname) ? pod.Name : pod.Hostname;
        return name.Length > 63 ? name[..63].TrimEnd('-', '.') : name;
    }

    public static IReadOnlyList<(string Path, string Content)> Files(PodSpecification pod, string hostResolvConf) =>
        Files(pod, hostResolvConf, ClusterDnsReachable);

    public static IReadOnlyList<(string Path, string Content)> Files(PodSpecification pod, string hostResolvConf, bool clusterDnsReachable)
    {
        var hostname = Hostname(pod);
        var hosts = new StringBuilder("# Kubernetes-managed hosts file.\n")
            .Append("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n")
            .Append("fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n");
        var ip = string.IsNullOrEmpty(pod.PodIP) ? "127.0.0.1" : pod.PodIP;
        hosts.Append(string.IsNullOrEmpty(pod.Subdomain)
            ? $"{ip}\t{hostname}\n"
            : $"{ip}\t{hostname}.{pod.Subdomain}.{pod.Namespace}.svc.cluster.local\t{hostname}\n");
        var resolv = PodResolvConf.Render(pod.Namespace, pod.DnsPolicy, pod.HostNetwork, pod.DnsConfig, hostResolvConf, clusterDnsReachable);
        return new[]
        {
            ("etc/hostname", hostname + "\n"),
            ("etc/hosts", hosts.ToString()),
            ("etc/resolv.conf", resolv),
            ("etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"),
            ("etc/group", "root:x:0:\nnogroup:x:65534:\n"),
        };
    }

    public static string ReadHostResolvConf()
    {
        try { return File.ReadAllText("/etc/resolv.conf"); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }
}
