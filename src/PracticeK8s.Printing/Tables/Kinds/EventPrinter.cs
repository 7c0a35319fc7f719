using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>
/// Event (core/v1): LAST SEEN TYPE REASON OBJECT MESSAGE; with -o wide the server's full order is
/// LAST SEEN TYPE REASON OBJECT SUBOBJECT SOURCE MESSAGE FIRST SEEN COUNT NAME.
/// </summary>
internal sealed class EventPrinter : TablePrinter<Corev1Event>
{
    public EventPrinter() : base("", "Event")
    {
        Column("Last Seen", "LastSeen", "string", 0, "The time at which the most recent occurrence of this event was recorded.", LastSeen);
        Column("Type", "Type", "string", 0, "Type of this event (Normal, Warning).", e => e.Type ?? "");
        Column("Reason", "Reason", "string", 0, "A short, machine understandable string that gives the reason for the transition.",
            e => e.Reason ?? "");
        Column("Object", "Object", "string", 0, "The object that this event is about.", Object);
        Column("Subobject", "Subobject", "string", 1, "The part of the object this event is about, e.g. spec.containers{name}.",
            e => e.InvolvedObject?.FieldPath ?? "");
        Column("Source", "Source", "string", 1, "The component reporting this event. Should be a short machine understandable string.",
            Source);
        Column("Message", "Message", "string", 0, "A human-readable description of the status of this operation.",
            e => (e.Message ?? "").Trim());
        Column("First Seen", "FirstSeen", "string", 1, "The time at which the event was first recorded.", FirstSeen);
        Column("Count", "Count", "string", 1, "The number of times this event has occurred.", e => Count(e).ToString());
        NameColumn(e => e.Metadata?.Name, priority: 1);
    }

    /// <summary>HD(firstTimestamp), or HD(eventTime) when firstTimestamp is not set.</summary>
    internal static string FirstSeen(Corev1Event e, DateTime now) =>
        e.FirstTimestamp is { } first && !HumanDuration.IsZero(first)
            ? HumanDuration.Since(first, now)
            : HumanDuration.Since(e.EventTime, now);

    /// <summary>HD(series.lastObservedTime) for a series, else HD(lastTimestamp), else the FIRST SEEN text.</summary>
    internal static string LastSeen(Corev1Event e, DateTime now)
    {
        if (e.Series is not null) return HumanDuration.Since(e.Series.LastObservedTime, now);
        return e.LastTimestamp is { } last && !HumanDuration.IsZero(last) ? HumanDuration.Since(last, now) : FirstSeen(e, now);
    }

    /// <summary>series.count for a series, else count, where 0 counts as 1.</summary>
    internal static int Count(Corev1Event e)
    {
        if (e.Series is not null) return e.Series.Count ?? 0;
        return e.Count is int count && count != 0 ? count : 1;
    }

    /// <summary>"&lt;lowercase kind&gt;/&lt;name&gt;", without any API group.</summary>
    internal static string Object(Corev1Event e)
    {
        var kind = (e.InvolvedObject?.Kind ?? "").ToLowerInvariant();
        return string.IsNullOrEmpty(e.InvolvedObject?.Name) ? kind : $"{kind}/{e.InvolvedObject.Name}";
    }

    /// <summary>The component (or reporting controller), plus ", host" (or reporting instance) when set.</summary>
    internal static string Source(Corev1Event e)
    {
        var component = KubeFormat.OrDefault(e.Source?.Component, e.ReportingComponent ?? "");
        var instance = KubeFormat.OrDefault(e.Source?.Host, e.ReportingInstance ?? "");
        return instance.Length == 0 ? component : $"{component}, {instance}";
    }
}
