using System.Buffers.Text;
using System.IO.Hashing;

namespace PracticeK8s.Sandbox.Storage;

/// <summary>
/// One line of an objects file (format 2): the CRC-32 of the JSON as 8 hex digits, a space, the JSON,
/// a newline. The checksum finds a changed byte anywhere in the record; the newline keeps the file
/// readable with a text editor and tells a complete record from one a crash cut short.
/// </summary>
internal static class RecordFraming
{
    public const int PrefixLength = 9; // "xxxxxxxx "

    public static byte[] Frame(ReadOnlySpan<byte> json)
    {
        var line = new byte[PrefixLength + json.Length + 1];
        Crc32.HashToUInt32(json).TryFormat(line.AsSpan(0, 8), out _, "x8");
        line[8] = (byte)' ';
        json.CopyTo(line.AsSpan(PrefixLength));
        line[^1] = (byte)'\n';
        return line;
    }

    /// <summary>The JSON of a line (without its newline) whose checksum matches; false for anything else.</summary>
    public static bool TryUnframe(ReadOnlySpan<byte> line, out int jsonStart)
    {
        jsonStart = PrefixLength;
        if (line.Length <= PrefixLength || line[8] != (byte)' ') return false;
        if (!Utf8Parser.TryParse(line[..8], out uint expected, out var used, 'x') || used != 8) return false;
        return Crc32.HashToUInt32(line[PrefixLength..]) == expected;
    }

    /// <summary>Whether a line starts like a format-2 record (8 hex digits and a space), checksum aside.</summary>
    public static bool LooksFramed(ReadOnlySpan<byte> line) =>
        line.Length > PrefixLength && line[8] == (byte)' ' && Utf8Parser.TryParse(line[..8], out uint _, out var used, 'x') && used == 8;
}
