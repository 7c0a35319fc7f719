using System.Globalization;

namespace PracticeK8s.Engine.Logs;

/// <summary>The pods/log query parameters kubectl logs sends (container aside, which is per stream).</summary>
public sealed record LogQuery
{
    public bool Follow { get; init; }
    public bool Previous { get; init; }
    public bool Timestamps { get; init; }

    /// <summary>Only the last N lines (null: all).</summary>
    public long? TailLines { get; init; }

    /// <summary>Only lines newer than this (sent as whole seconds, rounded up, like kubectl --since).</summary>
    public TimeSpan? Since { get; init; }

    /// <summary>Only lines written at or after this time (sinceTime, RFC 3339).</summary>
    public DateTimeOffset? SinceTime { get; init; }

    public long? LimitBytes { get; init; }

    /// <summary>The relative URL of one container's log.</summary>
    public string PathFor(string ns, string pod, string container)
    {
        var parts = new List<string> { "container=" + Uri.EscapeDataString(container) };
        if (Follow)
            parts.Add("follow=true");
        if (Previous)
            parts.Add("previous=true");
        if (Since is { } since)
            parts.Add("sinceSeconds=" + SinceSeconds(since).ToString(CultureInfo.InvariantCulture));
        if (SinceTime is { } sinceTime)
            parts.Add("sinceTime=" + Uri.EscapeDataString(sinceTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        if (Timestamps)
            parts.Add("timestamps=true");
        if (TailLines is { } tail && tail >= 0)
            parts.Add("tailLines=" + tail.ToString(CultureInfo.InvariantCulture));
        if (LimitBytes is { } limit && limit > 0)
            parts.Add("limitBytes=" + limit.ToString(CultureInfo.InvariantCulture));
        return $"/api/v1/namespaces/{Uri.EscapeDataString(ns)}/pods/{Uri.EscapeDataString(pod)}/log?{string.Join("&", parts)}";
    }

    /// <summary>kubectl rounds --since up to whole seconds; the server needs at least one.</summary>
    public static long SinceSeconds(TimeSpan since) => Math.Max(1, (long)Math.Ceiling(since.TotalSeconds));
}
