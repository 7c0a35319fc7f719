namespace PracticeK8s.Engine.Drain;

/// <summary>How draining one node ended.</summary>
public enum DrainOutcome
{
    /// <summary>Every pod to evict is gone.</summary>
    Drained,

    /// <summary>Nothing was evicted: some pods need a switch (-IgnoreDaemonSets, -DeleteEmptyDirData, -Force).</summary>
    Refused,

    /// <summary>Evicting or waiting failed for some pods (a budget until the timeout, a server error).</summary>
    Failed,
}

/// <summary>Which drain rule decided about a pod.</summary>
public enum DrainCause
{
    /// <summary>No fixed rule: a text from the server (a DaemonSet that is gone or unreadable), a skip.</summary>
    Other,
    DaemonSetManaged,
    LocalStorage,
    NoController,
}

/// <summary>A drain rule's cause and kubectl's text for it.</summary>
public sealed record DrainRule(DrainCause Cause, string Text)
{
    public override string ToString() => Text;

    public static implicit operator string(DrainRule rule) => rule.Text;
}

/// <summary>Pods a drain refuses to evict for one reason, and kubectl's text for it ("cannot delete MSG: ns/p1, ns/p2").</summary>
public sealed record DrainRefusal(DrainCause Cause, string Message, IReadOnlyList<string> Pods)
{
    public override string ToString() => $"cannot delete {(Message.Length == 0 ? "unexpected error" : Message)}: {string.Join(", ", Pods)}";
}
