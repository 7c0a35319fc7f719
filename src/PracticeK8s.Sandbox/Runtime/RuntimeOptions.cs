namespace PracticeK8s.Sandbox.Runtime;

/// <summary>Where containers live on disk and how crash back-off is timed.</summary>
public sealed record RuntimeOptions(string RootDirectory)
{
    public TimeSpan BackOffInitial { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan BackOffMax { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Whether shell-image containers run in namespaces of their own (see Isolation/).</summary>
    public Runtime.Isolation.IsolationMode Isolation { get; init; } = Runtime.Isolation.IsolationMode.None;
    /// <summary>Network namespaces for pods (isolated containers only); null: pods share the host's network.</summary>
    public Runtime.Isolation.IPodNetworks? Networks { get; init; }
}
