using ARSoft.Tools.Net.Dns;

namespace PracticeK8s.Sandbox.Networking.Dns;

/// <summary>
/// What a name server says to one question: the return code and the three record sections.
/// <paramref name="Authoritative"/> for the cluster's own zone (the AA flag), false for forwarded answers.
/// </summary>
public sealed record DnsAnswer(
    ReturnCode Code,
    IReadOnlyList<DnsRecordBase> Answers,
    IReadOnlyList<DnsRecordBase> Authority,
    IReadOnlyList<DnsRecordBase> Additional,
    bool Authoritative)
{
    public static DnsAnswer Failure { get; } = new(ReturnCode.ServerFailure, Array.Empty<DnsRecordBase>(),
        Array.Empty<DnsRecordBase>(), Array.Empty<DnsRecordBase>(), false);
}
