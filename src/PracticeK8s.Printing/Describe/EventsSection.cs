using k8s.Models;

namespace PracticeK8s.Printing.Describe;

/// <summary>The Events part of a description.</summary>
internal static class EventsSection
{
    /// <summary>
    /// Nothing when events were not fetched; "Events: &lt;none&gt;" when there are none; otherwise the
    /// Type/Reason/Age/From/Message table, oldest first.
    /// </summary>
    public static void Write(DescribeBuilder w, IReadOnlyList<Corev1Event>? events, DateTime now)
    {
        if (events is null) return;
        if (events.Count == 0)
        {
            w.Field(0, "Events", KubeFormat.None);
            return;
        }
        var rows = events.OrderBy(SortTime).Select(e => (IReadOnlyList<string>)
            [e.Type ?? "", e.Reason ?? "", Age(e, now), KubeFormat.OrDefault(e.Source?.Component, e.ReportingComponent ?? ""), (e.Message ?? "").Trim()]);
        w.Table(0, "Events", ["Type", "Reason", "Age", "From", "Message"], rows, rowIndent: 2,
            underlineCells: ["----", "------", "----", "----", "-------"]);
    }

    /// <summary>"3m (x5 over 10m)" for repeated events, else the age of the first occurrence.</summary>
    public static string Age(Corev1Event e, DateTime now)
    {
        var first = e.EventTime is { } eventTime && !HumanDuration.IsZero(eventTime)
            ? HumanDuration.Since(eventTime, now)
            : HumanDuration.Since(e.FirstTimestamp, now);
        if (e.Series is not null) return $"{HumanDuration.Since(e.Series.LastObservedTime, now)} (x{e.Series.Count ?? 0} over {first})";
        if (e.Count > 1) return $"{HumanDuration.Since(e.LastTimestamp, now)} (x{e.Count} over {first})";
        return first;
    }

    private static DateTime SortTime(Corev1Event e)
    {
        if (e.Series is not null) return e.Series.LastObservedTime ?? DateTime.MinValue;
        if (e.LastTimestamp is { } last && !HumanDuration.IsZero(last)) return HumanDuration.Utc(last);
        return e.EventTime is { } t ? HumanDuration.Utc(t) : DateTime.MinValue;
    }
}
