namespace PracticeK8s.Sandbox.Resources;

/// <summary>
/// The kinds currently served: the built-ins plus those of established CustomResourceDefinitions.
/// Readers get an immutable snapshot; CRD changes swap it atomically.
/// </summary>
public sealed class ResourceRegistry
{
    private volatile Snapshot _snapshot;
    private readonly IReadOnlyList<ResourceDefinition> _builtins;

    /// <summary>Raised after the served set changes (so discovery/OpenAPI caches can be dropped).</summary>
    public event Action? Changed;

    public ResourceRegistry(IReadOnlyList<ResourceDefinition> builtins)
    {
        _builtins = builtins;
        _snapshot = new Snapshot(builtins);
    }

    public IReadOnlyList<ResourceDefinition> All => _snapshot.All;

    public ResourceDefinition? Find(string group, string version, string plural) =>
        _snapshot.ByPath.TryGetValue((group, version, plural), out var d) ? d : null;

    /// <summary>The served version of a group/resource that is preferred (first listed).</summary>
    public ResourceDefinition? FindAnyVersion(string group, string plural) =>
        _snapshot.All.FirstOrDefault(d => d.Group == group && d.Plural == plural);

    public ResourceDefinition? FindByKind(string group, string kind) =>
        _snapshot.All.FirstOrDefault(d => d.Group == group && d.Kind == kind);

    /// <summary>Groups in discovery order, each with its versions (preferred first).</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups => _snapshot.Groups;

    /// <summary>Replaces the set of custom resources (called when CRDs change).</summary>
    public void SetCustomResources(IReadOnlyList<ResourceDefinition> custom)
    {
        _snapshot = new Snapshot(_builtins.Concat(custom).ToList());
        Changed?.Invoke();
    }

    private sealed class Snapshot
    {
        public readonly IReadOnlyList<ResourceDefinition> All;
        public readonly Dictionary<(string, string, string), ResourceDefinition> ByPath = new();
        public readonly IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups;

        public Snapshot(IReadOnlyList<ResourceDefinition> all)
        {
            All = all;
            foreach (var d in all) ByPath[(d.Group, d.Version, d.Plural)] = d;
            Groups = all.GroupBy(d => d.Group)
                .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(d => d.Version).Distinct().ToList()))
                .ToList();
        }
    }
}
