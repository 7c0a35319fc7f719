namespace PracticeK8s.Sandbox.Networking;

/// <summary>
/// The sandbox's address plan. Every address is on the loopback network (Linux and Windows route
/// all of 127.0.0.0/8 to the local host), so what <c>kubectl get nodes -o wide</c> shows can be
/// curled from the machine:
/// node <i>i</i> (1-based) has ExternalIP 127.0.0.(1+i) and InternalIP 127.0.0.(100+i);
/// LoadBalancer ingress addresses come from 127.0.0.200–254; node ports also answer on 127.0.0.1.
/// Pods get 10.244.(i−1).x from their node's pod CIDR; Services 10.96.x.x (not routable here).
/// </summary>
public static class NodeAddresses
{
    public const int MaxNodes = 98;
    public const int FirstLoadBalancerOctet = 200, LastLoadBalancerOctet = 254;

    public static string ExternalIP(int index) => $"127.0.0.{1 + index}";
    public static string InternalIP(int index) => $"127.0.0.{100 + index}";
    public static string PodCidr(int index) => $"10.244.{index - 1}.0/24";

    /// <summary>The node index an ExternalIP belongs to, or null.</summary>
    public static int? IndexOfExternalIP(string? ip) =>
        ip is not null && ip.StartsWith("127.0.0.", StringComparison.Ordinal) && int.TryParse(ip[8..], out var last)
        && last >= 2 && last <= 1 + MaxNodes ? last - 1 : null;
}
