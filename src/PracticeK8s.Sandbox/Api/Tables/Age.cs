using System.Text.Json;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api.Tables;

/// <summary>kubectl's HumanDuration for AGE cells (spec kubectl-output.md §2).</summary>
public static class Age
{
    public static string Since(StoredObject o, DateTime nowUtc)
    {
        var ts = o.MetadataString("creationTimestamp");
        if (ts is null || !DateTime.TryParse(ts, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var created))
            return "<unknown>";
        return Human(nowUtc - created);
    }

    public static string Human(TimeSpan d)
    {
        var s = (long)d.TotalSeconds;
        if (s < -1) return "<invalid>";
        if (s < 0) return "0s";
        if (s < 120) return $"{s}s";
        var m = s / 60;
        if (m < 10) return s % 60 == 0 ? $"{m}m" : $"{m}m{s % 60}s";
        if (m < 180) return $"{m}m";
        var h = s / 3600;
        if (h < 8) return (s % 3600) / 60 == 0 ? $"{h}h" : $"{h}h{(s % 3600) / 60}m";
        if (h < 48) return $"{h}h";
        if (h < 24 * 8) return (h % 24) == 0 ? $"{h / 24}d" : $"{h / 24}d{h % 24}h";
        if (h < 24 * 365 * 2) return $"{h / 24}d";
        if (h < 24 * 365 * 8) return (h / 24 % 365) == 0 ? $"{h / 24 / 365}y" : $"{h / 24 / 365}y{h / 24 % 365}d";
        return $"{h / 24 / 365}y";
    }
}
