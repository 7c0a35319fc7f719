namespace PracticeK8s.Sandbox.Networking.Cluster;

/// <summary>
/// The cluster network's fixed addresses: one bridge (<c>cni0</c>) holding the gateway of the pod
/// network 10.244.0.0/16 (every node's /24 pod CIDR is on it), and the Service range 10.96.0.0/12,
/// local to the cluster namespace so the sandbox can listen on any ClusterIP there.
/// </summary>
public static class ClusterAddressPlan
{
    public const string Bridge = "cni0";
    public const string Gateway = "10.244.0.1";
    public const int PodPrefixLength = 16;
    public const string ServiceRange = "10.96.0.0/12";
    public const string DnsServiceIp = "10.96.0.10";
    public const string KubernetesServiceIp = "10.96.0.1";

    /// <summary>The cluster namespace's set-up (an <c>ip -batch</c> script).</summary>
    public static string ClusterSetup() =>
        $"link set lo up\nlink add {Bridge} type bridge\naddr add {Gateway}/{PodPrefixLength} dev {Bridge}\nlink set {Bridge} up\n" +
        $"route add local {ServiceRange} dev lo\n";

    /// <summary>In the cluster namespace: the pod's veth pair, its pod end moved into the pod's namespace as eth0.</summary>
    public static string PodLink(string hostSide, string podNamespacePath) =>
        $"link add {hostSide} type veth peer name eth0 netns {podNamespacePath}\nlink set {hostSide} master {Bridge}\nlink set {hostSide} up\n";

    /// <summary>In the pod's namespace: loopback, its address on eth0, the default route through the bridge.</summary>
    public static string PodSetup(string podIp) =>
        $"link set lo up\naddr add {podIp}/{PodPrefixLength} dev eth0\nlink set eth0 up\nroute add default via {Gateway}\n";
}
