using System.Buffers.Binary;
using System.Text;

namespace PracticeK8s.Sandbox.Api.Streaming.Spdy;

/// <summary>
/// Writes this side's header blocks as one zlib stream with the SPDY dictionary: a zlib header
/// naming the dictionary, then each block as an uncompressed ("stored") deflate block followed by
/// the empty stored block of a sync flush. Hand-written because the blocks here are a few bytes (SYN_REPLY has
/// no headers) and the kept zlib libraries' flush modes do not all produce a sync flush.
/// </summary>
public sealed class SpdyHeaderEncoder
{
    private bool _started;

    public byte[] Encode(IReadOnlyCollection<KeyValuePair<string, string>> headers)
    {
        var block = new List<byte>();
        void Length(int n)
        {
            Span<byte> b = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(b, n);
            block.AddRange(b.ToArray());
        }
        Length(headers.Count);
        foreach (var (name, value) in headers)
        {
            var n = Encoding.UTF8.GetBytes(name.ToLowerInvariant());
            var v = Encoding.UTF8.GetBytes(value);
            Length(n.Length);
            block.AddRange(n);
            Length(v.Length);
            block.AddRange(v);
        }
        if (block.Count > ushort.MaxValue) throw new ArgumentException("header block too large for one stored block");

        var output = new List<byte>(block.Count + 16);
        if (!_started)
        {
            // CMF 0x78 (deflate, 32K window), FLG 0x20 (preset dictionary; 0x7820 is a multiple of 31), then its Adler-32.
            output.Add(0x78);
            output.Add(0x20);
            var id = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(id, Adler32(SpdyDictionary.Bytes));
            output.AddRange(id);
            _started = true;
        }
        output.Add(0x00); // not final, stored, padded to the byte
        output.Add((byte)block.Count);
        output.Add((byte)(block.Count >> 8));
        output.Add((byte)~block.Count);
        output.Add((byte)(~block.Count >> 8));
        output.AddRange(block);
        // An empty stored block after it, as a zlib sync flush ends: Go's inflater hands out a block's
        // bytes at that marker, and would otherwise read past the frame for the next block header.
        output.AddRange(new byte[] { 0x00, 0x00, 0x00, 0xFF, 0xFF });
        return output.ToArray();
    }

    private static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (var d in data)
        {
            a = (a + d) % 65521;
            b = (b + a) % 65521;
        }
        return (b << 16) | a;
    }
}
