using System.Globalization;

namespace PracticeK8s.Engine.Drain;

/// <summary>A duration as Go prints it in kubectl's messages: "5s", "1m0s", "1h0m0s", "1.5s".</summary>
public static class GoDuration
{
    public static string Format(TimeSpan d)
    {
        if (d == TimeSpan.Zero)
            return "0s";
        var text = "";
        if (d.TotalHours >= 1)
            text += ((long)d.TotalHours).ToString(CultureInfo.InvariantCulture) + "h";
        if (d.TotalMinutes >= 1)
            text += d.Minutes.ToString(CultureInfo.InvariantCulture) + "m";
        var seconds = d.Seconds + d.Milliseconds / 1000.0;
        return text + seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
    }
}
