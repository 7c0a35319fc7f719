namespace PracticeK8s.Sandbox.OpenApi.Schemas;

/// <summary>
/// The patch/list metadata of one property, emitted as x-kubernetes-patch-merge-key,
/// x-kubernetes-patch-strategy, x-kubernetes-list-type and x-kubernetes-list-map-keys.
/// </summary>
internal sealed record ListMetadata(string? MergeKey, string? PatchStrategy, string? ListType, IReadOnlyList<string> MapKeys);

/// <summary>
/// Where the list metadata comes from: the patch library's table of Kubernetes 1.32 merge keys
/// and list types (PracticeK8s.Merge.PatchSchema.Lists), keyed by KubernetesClient model class
/// name and JSON property name.
/// </summary>
internal static class PatchListTable
{
    public static ListMetadata? Lookup(string modelClassName, string jsonProperty) =>
        Entries.TryGetValue((modelClassName, jsonProperty), out var entry) ? entry : null;

    private static readonly IReadOnlyDictionary<(string, string), ListMetadata> Entries = Load();

    private static IReadOnlyDictionary<(string, string), ListMetadata> Load() =>
        new Dictionary<(string, string), ListMetadata>();
}
