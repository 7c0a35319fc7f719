using System.Management.Automation;
using System.Net;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.PortForward;

/// <summary>
/// A local address to listen on, from kubectl's --address list. "localhost" stands for 127.0.0.1 and
/// ::1, and is satisfied when either can be bound (a host without IPv6 still forwards); an address
/// named explicitly must be bound or the port fails.
/// </summary>
public sealed record ListenAddress(IPAddress Address, bool Optional)
{
    public static IReadOnlyList<ListenAddress> ParseAll(IEnumerable<string>? specs)
    {
        var list = new List<ListenAddress>();
        var given = specs?.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList() ?? [];
        if (given.Count == 0)
            given.Add("localhost");
        foreach (var spec in given)
        {
            if (spec.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            {
                Add(list, new ListenAddress(IPAddress.Loopback, true));
                Add(list, new ListenAddress(IPAddress.IPv6Loopback, true));
            }
            else if (IPAddress.TryParse(spec.Trim('[', ']'), out var ip))
            {
                Add(list, new ListenAddress(ip, false));
            }
            else
            {
                throw new KubeException($"{spec} is not a valid IP", "KubePortForwardInvalidAddress", ErrorCategory.InvalidArgument, spec);
            }
        }
        return list;
    }

    private static void Add(List<ListenAddress> list, ListenAddress address)
    {
        int existing = list.FindIndex(a => a.Address.Equals(address.Address));
        if (existing < 0)
            list.Add(address);
        else if (!address.Optional)
            list[existing] = address; // named explicitly as well: now required
    }

    /// <summary>How kubectl writes the address in "Forwarding from 127.0.0.1:8080" ([::1]:8080 for IPv6).</summary>
    public static string Format(IPAddress address, int port) => new IPEndPoint(address, port).ToString();
}
