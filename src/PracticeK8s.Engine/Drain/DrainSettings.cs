namespace PracticeK8s.Engine.Drain;

/// <summary>kubectl drain's options (same defaults), plus the retry and poll intervals it hard-codes.</summary>
public sealed record DrainSettings
{
    /// <summary>--ignore-daemonsets: leave DaemonSet pods in place instead of refusing.</summary>
    public bool IgnoreDaemonSets { get; init; }

    /// <summary>--delete-emptydir-data: evict pods with emptyDir volumes (their data is lost).</summary>
    public bool DeleteEmptyDirData { get; init; }

    /// <summary>--force: evict pods that no controller will replace (and DaemonSet pods whose DaemonSet is gone).</summary>
    public bool Force { get; init; }

    /// <summary>--grace-period: null leaves each pod's own terminationGracePeriodSeconds.</summary>
    public long? GracePeriodSeconds { get; init; }

    /// <summary>--timeout: one deadline per node for evicting and waiting; null waits forever.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>--disable-eviction: DELETE pods instead of evicting them (bypasses PodDisruptionBudgets).</summary>
    public bool DisableEviction { get; init; }

    /// <summary>--pod-selector: only pods with these labels.</summary>
    public string? PodSelector { get; init; }

    /// <summary>--skip-wait-for-delete-timeout: pods deleted more than this many seconds ago are not waited for (0: off).</summary>
    public int SkipWaitForDeleteTimeoutSeconds { get; init; }

    /// <summary>How long to wait after a 429 (PodDisruptionBudget) before evicting again; kubectl: 5 s.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often to check whether evicted pods are gone; kubectl: 1 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Pods evicted at once (kubectl starts one worker per pod; this bounds them).</summary>
    public int MaxParallelEvictions { get; init; } = 16;
}
