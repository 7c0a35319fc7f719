namespace PracticeK8s.Engine.Logs;

/// <summary>One line of a container's log (what Get-KubeLog -AsObject writes).</summary>
public sealed record LogLine(string Namespace, string Pod, string Container, DateTimeOffset? Timestamp, string Line)
{
    /// <summary>kubectl --prefix: "[pod/NAME/CONTAINER] ".</summary>
    public string Prefix => $"[pod/{Pod}/{Container}] ";

    public override string ToString() => Line;
}

/// <summary>One container log to read.</summary>
public sealed record LogSource(string Namespace, string Pod, string Container);
