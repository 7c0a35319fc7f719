using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;

namespace PracticeK8s.Sandbox.Tests.Dns;

/// <summary>
/// Talking to a DNS server over real sockets: the library's client for well-formed questions, and
/// hand-made bytes where a test needs what no client sends (garbage, oversized and pipelined messages).
/// </summary>
public static class DnsWire
{
    public static DnsClient Client(IPEndPoint server, bool tcp) =>
        new(new[] { server.Address },
            new IClientTransport[] { tcp ? new TcpClientTransport(server.Port) : new UdpClientTransport(server.Port) },
            true, 3000);

    public static async Task<DnsMessage> Ask(IPEndPoint server, string name, RecordType type = RecordType.A, bool tcp = false)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return await Client(server, tcp).ResolveAsync(DomainName.Parse(name), type, RecordClass.INet, new DnsQueryOptions { IsRecursionDesired = true }, cts.Token)
               ?? throw new TimeoutException($"no answer for {name} {type} over {(tcp ? "TCP" : "UDP")}");
    }

    /// <summary>A standard query's bytes (no EDNS).</summary>
    public static byte[] Query(ushort id, string name, RecordType type = RecordType.A)
    {
        var bytes = new List<byte>();
        var header = new byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(header, id);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), 0x0100); // RD
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), 1);
        bytes.AddRange(header);
        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }
        bytes.Add(0);
        var tail = new byte[4];
        BinaryPrimitives.WriteUInt16BigEndian(tail, (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(tail.AsSpan(2), 1);
        bytes.AddRange(tail);
        return bytes.ToArray();
    }

    /// <summary>Sends one datagram and waits for a reply (null when none comes within <paramref name="wait"/>).</summary>
    public static async Task<byte[]?> UdpExchange(IPEndPoint server, byte[] datagram, TimeSpan wait)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(server);
        await socket.SendAsync(datagram, SocketFlags.None);
        var buffer = new byte[65536];
        using var cts = new CancellationTokenSource(wait);
        try
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            return buffer[..n];
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>A length-prefixed TCP message.</summary>
    public static byte[] Framed(byte[] message)
    {
        var framed = new byte[message.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)message.Length);
        message.CopyTo(framed, 2);
        return framed;
    }

    /// <summary>Reads one length-prefixed reply (null when the server closes or resets the connection first).</summary>
    public static async Task<byte[]?> ReadFramed(Socket socket, TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        var header = new byte[2];
        if (!await ReadExactly(socket, header, cts.Token)) return null;
        var body = new byte[BinaryPrimitives.ReadUInt16BigEndian(header)];
        return await ReadExactly(socket, body, cts.Token) ? body : null;
    }

    private static async Task<bool> ReadExactly(Socket socket, Memory<byte> into, CancellationToken ct)
    {
        var read = 0;
        while (read < into.Length)
        {
            int n;
            try { n = await socket.ReceiveAsync(into[read..], SocketFlags.None, ct); }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset) { return false; } // closed with our bytes unread
            if (n == 0) return false;
            read += n;
        }
        return true;
    }

    public static string Text(DnsMessage m) => string.Join("\n", m.AnswerRecords.Select(r => r.ToString()));
}
