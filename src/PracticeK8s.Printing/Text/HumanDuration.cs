namespace PracticeK8s.Printing;

/// <summary>kubectl's humanised durations (AGE, LAST SEEN, DURATION, "ago" texts).</summary>
public static class HumanDuration
{
    /// <summary>The text kubectl shows for an elapsed time, e.g. "59s", "2m2s", "108m", "3h5m", "4d5h", "2y70d".</summary>
    public static string Format(TimeSpan elapsed)
    {
        long seconds = (long)elapsed.TotalSeconds; // truncated toward zero, like Go's int(d.Seconds())
        if (seconds < -1) return "<invalid>";
        if (seconds < 0) return "0s"; // tolerate a second of clock skew
        if (seconds < 120) return $"{seconds}s";

        long minutes = seconds / 60;
        if (minutes < 10) return seconds % 60 == 0 ? $"{minutes}m" : $"{minutes}m{seconds % 60}s";
        if (minutes < 180) return $"{minutes}m";

        long hours = minutes / 60;
        if (hours < 8) return minutes % 60 == 0 ? $"{hours}h" : $"{hours}h{minutes % 60}m";
        if (hours < 48) return $"{hours}h";

        long days = hours / 24;
        if (hours < 24 * 8) return hours % 24 == 0 ? $"{days}d" : $"{days}d{hours % 24}h";
        if (hours < 24 * 365 * 2) return $"{days}d";

        long years = days / 365;
        if (hours < 24 * 365 * 8) return days % 365 == 0 ? $"{years}y" : $"{years}y{days % 365}d";
        return $"{years}y";
    }

    /// <summary>The older, coarser form (one unit only): "3s", "2m", "1h", "20h", "4d", "2y".</summary>
    public static string FormatShort(TimeSpan elapsed)
    {
        long seconds = (long)elapsed.TotalSeconds;
        if (seconds < -1) return "<invalid>";
        if (seconds < 0) return "0s";
        if (seconds < 60) return $"{seconds}s";
        long minutes = seconds / 60;
        if (minutes < 60) return $"{minutes}m";
        long hours = minutes / 60;
        if (hours < 24) return $"{hours}h";
        if (hours < 24 * 365) return $"{hours / 24}d";
        return $"{hours / 24 / 365}y";
    }

    /// <summary>HD(now − time), or "&lt;unknown&gt;" for a missing or zero time (kubectl's translateTimestampSince).</summary>
    public static string Since(DateTime? time, DateTime nowUtc)
    {
        if (time is null || IsZero(time.Value)) return "<unknown>";
        return Format(Utc(nowUtc) - Utc(time.Value));
    }

    /// <summary>Treats unspecified kinds as UTC (the API's times are UTC) and converts local times.</summary>
    internal static DateTime Utc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Local => time.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        _ => time,
    };

    /// <summary>Go's zero time (year 1) or DateTime.MinValue both count as "not set".</summary>
    internal static bool IsZero(DateTime time) => time.Ticks == 0 || time.Year <= 1;
}
