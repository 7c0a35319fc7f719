using System.Buffers.Binary;
using ARSoft.Tools.Net.Dns;

namespace PracticeK8s.Sandbox.Networking.Dns;

/// <summary>
/// What a received message must be before the server spends more on it: a standard query (QR 0,
/// opcode 0) with one question, no answer or authority records and at most two additional ones (EDNS
/// OPT, a cookie or TSIG), that parses. The header check comes first because the library sizes its
/// section lists by the header's counts (a 12-byte packet could make it allocate for 65535 records);
/// anything else is dropped without a reply, as CoreDNS drops what it cannot parse.
/// </summary>
public static class DnsQueryGate
{
    public const int HeaderLength = 12;
    public const int MaxAdditional = 2;

    public static bool Admits(ArraySegment<byte> message)
    {
        var m = message.AsSpan();
        if (m.Length < HeaderLength + 5) return false;
        var flags = BinaryPrimitives.ReadUInt16BigEndian(m[2..]);
        if ((flags & 0x8000) != 0 || ((flags >> 11) & 0xF) != 0) return false;
        if (BinaryPrimitives.ReadUInt16BigEndian(m[4..]) != 1) return false;
        if (BinaryPrimitives.ReadUInt16BigEndian(m[6..]) != 0 || BinaryPrimitives.ReadUInt16BigEndian(m[8..]) != 0) return false;
        if (BinaryPrimitives.ReadUInt16BigEndian(m[10..]) > MaxAdditional) return false;
        try
        {
            return DnsMessage.Parse(message).Questions.Count == 1;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The library reports malformed input with whatever its index arithmetic throws.
            return false;
        }
    }
}
