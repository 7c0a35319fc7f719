using System.Net.Sockets;
using ARSoft.Tools.Net.Dns;

namespace PracticeK8s.Sandbox.Networking.Dns;

/// <summary>
/// The cluster DNS (Service <c>kube-system/kube-dns</c>, 10.96.0.10): answers UDP and TCP queries on
/// sockets it is given with <see cref="ClusterDnsResolver"/> for the cluster's zones and
/// <see cref="UpstreamForwarder"/> for the rest.
/// </summary>
/// <remarks>
/// ARSoft.Tools.Net does the wire format: parsing queries, encoding replies with name compression, and
/// truncation (TC) of UDP replies over 512 bytes (or the client's EDNS size, capped at
/// <see cref="MaxEdnsPayload"/>). It is a kept, Apache-2.0 .NET DNS library whose server takes
/// pluggable transports, so it serves sockets made elsewhere (in the cluster's network namespace)
/// through <see cref="GivenUdpTransport"/> and <see cref="GivenTcpTransport"/>, which hold the budgets.
/// Its message encoder is reachable only through its server, which is why the server is used rather than
/// a loop of our own.
/// </remarks>
public sealed class ClusterDnsServer(ClusterDnsResolver resolver, UpstreamForwarder forwarder)
{
    /// <summary>The largest UDP reply sent to an EDNS client (the DNS flag day's safe size).</summary>
    public const ushort MaxEdnsPayload = 1232;

    /// <summary>
    /// Serves until <paramref name="ct"/> is cancelled, then closes both sockets. Either may be null
    /// (not both): <paramref name="udp"/> bound, <paramref name="tcpListener"/> listening.
    /// </summary>
    public async Task Serve(Socket? udp, Socket? tcpListener, CancellationToken ct)
    {
        var transports = new List<IServerTransport>();
        if (udp is not null) transports.Add(new GivenUdpTransport(udp));
        if (tcpListener is not null) transports.Add(new GivenTcpTransport(tcpListener));
        if (transports.Count == 0) throw new ArgumentException("a UDP or a TCP socket is needed");
        var server = new DnsServer(transports.ToArray());
        server.QueryReceived += async (_, e) => e.Response = await AnswerAsync((DnsMessage)e.Query, ct);
        server.Start();
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            // The library's Stop waits for its receive tasks, which end cancelled: that is the normal end.
            try { server.Stop(); }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException)) { }
        }
    }

    /// <summary>The reply to one admitted query (see <see cref="DnsQueryGate"/>).</summary>
    public async Task<DnsMessage> AnswerAsync(DnsMessage query, CancellationToken ct)
    {
        var response = query.CreateResponseInstance();
        response.IsRecursionAllowed = true;
        if (response.IsEDnsEnabled)
            response.EDnsOptions!.UdpPayloadSize = Math.Min(Math.Max(query.EDnsOptions!.UdpPayloadSize, (ushort)512), MaxEdnsPayload);
        var question = query.Questions[0];
        if (question.RecordClass is not (RecordClass.INet or RecordClass.Any))
        {
            response.ReturnCode = ReturnCode.Refused;
            return response;
        }
        var answer = resolver.Resolve(question) ?? await forwarder.ForwardAsync(question, ct);
        // Extended codes (over 15) travel in the OPT record: a client without EDNS gets SERVFAIL instead.
        response.ReturnCode = (ushort)answer.Code <= 15 || response.IsEDnsEnabled ? answer.Code : ReturnCode.ServerFailure;
        response.IsAuthoritiveAnswer = answer.Authoritative;
        response.AnswerRecords.AddRange(answer.Answers);
        response.AuthorityRecords.AddRange(answer.Authority);
        response.AdditionalRecords.AddRange(answer.Additional);
        return response;
    }
}
