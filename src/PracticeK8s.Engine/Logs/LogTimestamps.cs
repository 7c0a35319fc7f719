using System.Globalization;

namespace PracticeK8s.Engine.Logs;

/// <summary>Splits the RFC 3339 (nanosecond) prefix the server puts on each line with timestamps=true.</summary>
public static class LogTimestamps
{
    /// <summary>The time and the rest of the line; (null, line) when the line has no timestamp prefix.</summary>
    public static (DateTimeOffset? Time, string Text) Split(string line)
    {
        int space = line.IndexOf(' ');
        var head = space < 0 ? line : line[..space];
        if (TryParse(head, out var time))
            return (time, space < 0 ? "" : line[(space + 1)..]);
        return (null, line);
    }

    /// <summary>Parses RFC 3339 with any number of fractional digits (.NET keeps 7; the rest is dropped).</summary>
    public static bool TryParse(string text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length < 20 || text[4] != '-' || text[10] != 'T')
            return false;
        int dot = text.IndexOf('.');
        if (dot > 0)
        {
            int end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
                end++;
            var digits = text[(dot + 1)..end];
            if (digits.Length > 7)
                text = text[..(dot + 1)] + digits[..7] + text[end..];
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }
}
