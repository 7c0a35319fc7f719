using System.Reflection;
using k8s.Models;

namespace PracticeK8s.Merge;

/// <summary>
/// The built-in kinds that have patch metadata here: KubernetesClient's entity classes
/// (<see cref="KubernetesEntityAttribute"/>) of the covered group versions, by apiVersion and kind.
/// </summary>
internal static class BuiltInKinds
{
    /// <summary>The apiVersions whose types <see cref="KnownFields"/> covers.</summary>
    public static readonly IReadOnlyList<string> GroupVersions =
    [
        "v1",
        "apps/v1",
        "batch/v1",
        "networking.k8s.io/v1",
        "policy/v1",
        "storage.k8s.io/v1",
        "coordination.k8s.io/v1",
        "discovery.k8s.io/v1",
        "events.k8s.io/v1",
        "autoscaling/v1",
        "autoscaling/v2",
        "rbac.authorization.k8s.io/v1",
        "scheduling.k8s.io/v1",
        "apiextensions.k8s.io/v1",
    ];

    private static readonly Lazy<IReadOnlyDictionary<(string ApiVersion, string Kind), Type>> Kinds = new(Load);

    public static IReadOnlyDictionary<(string ApiVersion, string Kind), Type> All => Kinds.Value;

    public static Type? Find(string apiVersion, string kind) =>
        Kinds.Value.TryGetValue((apiVersion, kind), out var type) ? type : null;

    private static IReadOnlyDictionary<(string, string), Type> Load()
    {
        var covered = new HashSet<string>(GroupVersions, StringComparer.Ordinal);
        var result = new Dictionary<(string, string), Type>();
        foreach (var type in typeof(V1Pod).Assembly.GetTypes())
        {
            var entity = type.GetCustomAttribute<KubernetesEntityAttribute>();
            if (entity is null || !type.IsClass || type.Namespace != "k8s.Models")
            {
                continue;
            }

            var apiVersion = string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}";
            if (covered.Contains(apiVersion))
            {
                result[(apiVersion, entity.Kind)] = type;
            }
        }

        return result;
    }
}
