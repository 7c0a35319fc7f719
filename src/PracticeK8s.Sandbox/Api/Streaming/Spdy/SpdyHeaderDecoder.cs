using System.Buffers.Binary;
using System.Text;
using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.Zip.Compression;

namespace PracticeK8s.Sandbox.Api.Streaming.Spdy;

/// <summary>
/// Reads the peer's header blocks: one zlib stream (with the SPDY dictionary) runs through all of a
/// session's blocks, so this keeps one inflater. Output is capped before it grows: a block that
/// inflates past the budget, bad zlib, or a malformed name/value list is a protocol error.
/// </summary>
public sealed class SpdyHeaderDecoder(SpdyLimits limits)
{
    private readonly Inflater _inflater = new(noHeader: false);
    private readonly byte[] _output = new byte[limits.MaxHeaderBlockBytes];

    public IReadOnlyDictionary<string, string> Decode(byte[] compressed, int offset, int count)
    {
        var length = Inflate(compressed, offset, count);
        return Parse(_output.AsSpan(0, length));
    }

    private int Inflate(byte[] compressed, int offset, int count)
    {
        _inflater.SetInput(compressed, offset, count);
        var length = 0;
        try
        {
            while (true)
            {
                var n = _inflater.Inflate(_output, length, _output.Length - length);
                length += n;
                if (_inflater.IsNeedingDictionary)
                {
                    _inflater.SetDictionary(SpdyDictionary.Bytes);
                    continue;
                }
                if (_inflater.IsFinished) throw new SpdyProtocolException("the header compression stream ended");
                if (_inflater.IsNeedingInput) return length;
                if (length == _output.Length) throw new SpdyProtocolException($"header block larger than {_output.Length} bytes");
                if (n == 0) throw new SpdyProtocolException("header block did not inflate");
            }
        }
        catch (SharpZipBaseException e) { throw new SpdyProtocolException($"bad header compression: {e.Message}"); }
        catch (ArgumentException e) { throw new SpdyProtocolException($"bad header compression: {e.Message}"); }
    }

    private IReadOnlyDictionary<string, string> Parse(ReadOnlySpan<byte> block)
    {
        var count = ReadLength(ref block);
        if (count > limits.MaxHeaderCount) throw new SpdyProtocolException($"more than {limits.MaxHeaderCount} headers");
        var headers = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = ReadString(ref block);
            var value = ReadString(ref block);
            if (name.Length == 0 || !headers.TryAdd(name, value)) throw new SpdyProtocolException("empty or repeated header name");
        }
        return headers;
    }

    private static int ReadLength(ref ReadOnlySpan<byte> block)
    {
        if (block.Length < 4) throw new SpdyProtocolException("truncated header block");
        var value = BinaryPrimitives.ReadUInt32BigEndian(block);
        block = block[4..];
        if (value > (uint)block.Length) throw new SpdyProtocolException("header length past the block's end");
        return (int)value;
    }

    private static string ReadString(ref ReadOnlySpan<byte> block)
    {
        var length = ReadLength(ref block);
        var text = Encoding.UTF8.GetString(block[..length]);
        block = block[length..];
        return text;
    }
}
