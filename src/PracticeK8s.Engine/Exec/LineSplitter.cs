using System.Text;

namespace PracticeK8s.Engine.Exec;

/// <summary>Turns a byte stream (stdout, stderr) into text lines as data arrives; UTF-8 sequences may span chunks.</summary>
public sealed class LineSplitter
{
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private readonly StringBuilder _pending = new();

    /// <summary>The complete lines in this chunk (without their line ends).</summary>
    public IReadOnlyList<string> Push(ReadOnlySpan<byte> data)
    {
        var chars = new char[_decoder.GetCharCount(data, flush: false)];
        _decoder.GetChars(data, chars, flush: false);
        var lines = new List<string>();
        foreach (var c in chars)
        {
            if (c == '\n')
            {
                lines.Add(TrimCr(_pending.ToString()));
                _pending.Clear();
            }
            else
            {
                _pending.Append(c);
            }
        }
        return lines;
    }

    /// <summary>The last line when the data did not end with a line end (null when it did).</summary>
    public string? Flush()
    {
        var chars = new char[_decoder.GetCharCount(ReadOnlySpan<byte>.Empty, flush: true)];
        _decoder.GetChars(ReadOnlySpan<byte>.Empty, chars, flush: true);
        _pending.Append(chars);
        if (_pending.Length == 0)
            return null;
        var last = TrimCr(_pending.ToString());
        _pending.Clear();
        return last;
    }

    private static string TrimCr(string line) => line.EndsWith('\r') ? line[..^1] : line;
}
