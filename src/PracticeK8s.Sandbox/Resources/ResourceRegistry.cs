namespace PracticeK8s.Sandbox.Resources;

/// <summary>
/// The kinds currently served: the built-ins plus those of established CustomResourceDefinitions.
/// Readers get an immutable snapshot; CRD changes swap it atomically.
/// </summary>
public sealed class ResourceRegistry
{
    private volatile Snapshot _snapshot;
    private readonly IReadOnlyList<ResourceDefinition> _builtins;

    public ResourceRegistry(IReadOnlyList<ResourceDefinition> builtins)
    {
        _builtins = builtins;
        _snapshot = new Snapshot(builtins);
    }

    public IReadOnlyList<ResourceDefinition> All => _snapshot.All;

    public ResourceDefinition? Find(string group, string version, string plural) =>
        _snapshot.ByPath.TryGetValue((group, version, plural), out var d) ? d : null;

    /// <summary>Groups in discovery order, each with its versions (preferred first).</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups => _snapshot.Groups;

    /// <summary>Replaces the set of custom resources (called when CRDs change).</summary>
    public void SetCustomResources(IReadOnlyList<ResourceDefinition> custom)
    {
        _snapshot = new Snapshot(_builtins.Concat(custom).ToList());
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
