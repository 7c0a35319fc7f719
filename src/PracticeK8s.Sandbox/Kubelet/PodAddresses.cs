using System.Net;

namespace PracticeK8s.Sandbox.Kubelet;

/// <summary>Pod IPs from a node's /24 pod CIDR (.2–.254), handed out round-robin so a freed address is not reused at once.</summary>
public sealed class PodAddresses
{
    private readonly Dictionary<string, int> _next = new();

    public string? Allocate(string node, string? podCidr, IReadOnlySet<string> used)
    {
        if (podCidr is null || !podCidr.EndsWith("/24", StringComparison.Ordinal) || !IPAddress.TryParse(podCidr[..^3], out var network)) return null;
        var prefix = network.ToString()[..network.ToString().LastIndexOf('.')];
        var start = _next.GetValueOrDefault(node, 2);
        for (int i = 0; i < 253; i++)
        {
            var host = 2 + (start - 2 + i) % 253;
            var ip = $"{prefix}.{host}";
            if (used.Contains(ip)) continue;
            _next[node] = host + 1 > 254 ? 2 : host + 1;
            return ip;
        }
        return null;
    }
}
