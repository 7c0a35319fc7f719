using System.Globalization;

namespace PracticeK8s.Printing.Describe;

/// <summary>Times as kubectl describe prints them: RFC 1123 with a numeric zone, in the viewer's time zone.</summary>
internal static class DescribeTime
{
    /// <summary>"Mon, 02 Jan 2006 15:04:05 -0700"; a missing time prints as Go's zero time in UTC.</summary>
    public static string Format(DateTime? time, TimeZoneInfo zone)
    {
        if (time is null || HumanDuration.IsZero(time.Value)) return "Mon, 01 Jan 0001 00:00:00 +0000";
        var utc = HumanDuration.Utc(time.Value);
        var offset = zone.GetUtcOffset(utc);
        var local = utc + offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return local.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + $"{sign}{abs.Hours:00}{abs.Minutes:00}";
    }
}
