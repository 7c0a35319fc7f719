namespace PracticeK8s.Engine.Drain;

/// <summary>Where a drain tells what it does, as it happens (any thread).</summary>
public sealed class DrainReport
{
    /// <summary>kubectl's stdout lines: "evicting pod ns/p", "pod/p evicted", "node/n drained".</summary>
    public Action<string>? Info { get; init; }

    /// <summary>kubectl's stderr lines that do not stop the drain: retries after 429, the filters' warnings.</summary>
    public Action<string>? Warning { get; init; }

    /// <summary>Pods gone so far out of the pods to evict.</summary>
    public Action<int, int>? Progress { get; init; }
}
