using System.Net;
using ARSoft.Tools.Net.Dns;

namespace PracticeK8s.Sandbox.Networking.Dns;

/// <summary>
/// CoreDNS's <c>forward . /etc/resolv.conf</c>: names outside the cluster go to the host's name servers,
/// bounded: at most <see cref="MaxConcurrent"/> questions in flight (more get SERVFAIL at once) and
/// <see cref="Timeout"/> for each; SERVFAIL when the host has no name server or none answers in time.
/// </summary>
public sealed class UpstreamForwarder
{
    public const int MaxConcurrent = 64;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private readonly IReadOnlyList<IPAddress> _servers;
    private readonly int _port;
    private readonly SemaphoreSlim _slots = new(MaxConcurrent, MaxConcurrent);

    /// <param name="port">the servers' port (53; another only in tests).</param>
    public UpstreamForwarder(IReadOnlyList<IPAddress> servers, int port = 53)
    {
        // Never ourselves: a host whose resolv.conf names the cluster DNS would loop.
        _servers = servers.Where(s => !s.Equals(IPAddress.Parse("10.96.0.10"))).ToList();
        _port = port;
    }

    /// <summary>The name servers of <c>/etc/resolv.conf</c>.</summary>
    public static UpstreamForwarder FromHost() => new(NameServers(ReadHostResolvConf()));

    public IReadOnlyList<IPAddress> Servers => _servers;

    public async Task<DnsAnswer> ForwardAsync(DnsQuestion question, CancellationToken ct)
    {
        if (_servers.Count == 0 || !_slots.Wait(0)) return DnsAnswer.Failure;
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(Timeout);
            var client = new DnsClient(_servers,
                new IClientTransport[] { new UdpClientTransport(_port), new TcpClientTransport(_port) }, false, (int)Timeout.TotalMilliseconds);
            var reply = await client.ResolveAsync(question.Name, question.RecordType, question.RecordClass,
                new DnsQueryOptions { IsRecursionDesired = true }, deadline.Token).WaitAsync(deadline.Token);
            if (reply is null) return DnsAnswer.Failure;
            return new DnsAnswer(reply.ReturnCode, reply.AnswerRecords.ToList(), reply.AuthorityRecords.ToList(),
                reply.AdditionalRecords.Where(r => r.RecordType is not (RecordType.Opt or RecordType.TSig)).ToList(), false);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or System.Net.Sockets.SocketException or IOException)
        {
            return DnsAnswer.Failure;
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>The <c>nameserver</c> addresses of a resolv.conf text (at most 3, as the C library reads).</summary>
    public static List<IPAddress> NameServers(string resolvConf) =>
        resolvConf.Split('\n')
            .Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 2 && w[0] == "nameserver" && IPAddress.TryParse(w[1], out _))
            .Select(w => IPAddress.Parse(w[1]))
            .Take(3)
            .ToList();

    private static string ReadHostResolvConf()
    {
        try { return File.ReadAllText("/etc/resolv.conf"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }
}
