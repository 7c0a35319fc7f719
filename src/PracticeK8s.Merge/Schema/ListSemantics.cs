namespace PracticeK8s.Merge;

/// <summary>
/// How a list field of a built-in type is patched and applied (the OpenAPI extensions
/// <c>x-kubernetes-patch-merge-key</c>, <c>x-kubernetes-patch-strategy</c>, <c>x-kubernetes-list-type</c>
/// and <c>x-kubernetes-list-map-keys</c>).
/// </summary>
/// <param name="MergeKey">Strategic merge key of the elements, e.g. <c>name</c> for containers.</param>
/// <param name="PatchStrategy"><c>null</c>, <c>merge</c>, <c>retainKeys</c>, <c>merge,retainKeys</c> or <c>replace</c>.</param>
/// <param name="ListType">Server-side apply list type: <c>atomic</c>, <c>set</c> or <c>map</c>.</param>
/// <param name="MapKeys">Server-side apply keys of a <c>map</c> list (empty otherwise).</param>
public sealed record ListSemantics(string? MergeKey, string? PatchStrategy, string ListType, IReadOnlyList<string> MapKeys)
{
    /// <summary>The default of a list field without any extension: replaced whole, owned as one leaf.</summary>
    public static ListSemantics Atomic { get; } = new(null, null, "atomic", []);

    /// <summary>Strategic merge patch merges this list (by <see cref="MergeKey"/>, or as a union of scalars).</summary>
    public bool MergesOnPatch => HasStrategy("merge");

    /// <summary>Elements of this list carry a <c>$retainKeys</c> directive in strategic patches.</summary>
    public bool RetainsKeys => HasStrategy("retainKeys");

    public bool IsMap => ListType == "map";

    public bool IsSet => ListType == "set";

    public bool HasStrategy(string strategy) =>
        PatchStrategy is not null && PatchStrategy.Split(',').Contains(strategy, StringComparer.Ordinal);

    public bool Equals(ListSemantics? other) =>
        other is not null &&
        MergeKey == other.MergeKey &&
        PatchStrategy == other.PatchStrategy &&
        ListType == other.ListType &&
        MapKeys.SequenceEqual(other.MapKeys, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(MergeKey, PatchStrategy, ListType, string.Join(",", MapKeys));

    public override string ToString() =>
        $"{ListType}(mergeKey={MergeKey ?? "-"}, strategy={PatchStrategy ?? "-"}, mapKeys=[{string.Join(",", MapKeys)}])";
}
