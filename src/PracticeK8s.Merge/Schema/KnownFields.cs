namespace PracticeK8s.Merge;

/// <summary>
/// The patch metadata of the built-in types, written by hand from the Go struct tags and
/// <c>+listType</c>/<c>+mapType</c> markers of Kubernetes 1.32, keyed by KubernetesClient model class
/// name and JSON property name. A test compares it with the upstream OpenAPI document.
/// Covered: core/v1, apps/v1, batch/v1, networking.k8s.io/v1, policy/v1, storage.k8s.io/v1,
/// coordination.k8s.io/v1, discovery.k8s.io/v1, events.k8s.io/v1, autoscaling/v1 and v2,
/// rbac.authorization.k8s.io/v1, scheduling.k8s.io/v1, apiextensions.k8s.io/v1 and meta/v1.
/// </summary>
internal static partial class KnownFields
{
    /// <summary>List fields with their merge key, patch strategy, list type and map keys.</summary>
    public static readonly Dictionary<(string ModelType, string Property), ListSemantics> Lists = [];

    /// <summary>Patch strategies of fields that are not lists (<c>retainKeys</c>, <c>replace</c>).</summary>
    public static readonly Dictionary<(string ModelType, string Property), string> Strategies = [];

    /// <summary>Map types set on a field (<c>atomic</c> or <c>granular</c>), overriding its type's.</summary>
    public static readonly Dictionary<(string ModelType, string Property), string> FieldMapTypes = [];

    /// <summary>Struct types that are owned and replaced as one value (<c>x-kubernetes-map-type: atomic</c>).</summary>
    public static readonly HashSet<string> AtomicTypes = [];

    static KnownFields()
    {
        AddCore();
        AddApps();
        AddBatch();
        AddNetworking();
        AddPolicy();
        AddStorage();
        AddDiscovery();
        AddAutoscaling();
        AddRbac();
        AddApiExtensions();
        AddMeta();
        // coordination.k8s.io/v1 (Lease), events.k8s.io/v1 (Event) and scheduling.k8s.io/v1
        // (PriorityClass) have no list or map metadata.
    }

    // Shorthands for the shapes that occur.
    private static ListSemantics Atomic => ListSemantics.Atomic;

    private static readonly ListSemantics Set = new(null, null, "set", []);

    private static readonly ListSemantics MergedSet = new(null, "merge", "set", []);

    /// <summary>A list merged by <paramref name="mergeKey"/>; the apply map keys default to the merge key.</summary>
    private static ListSemantics Keyed(string mergeKey, params string[] mapKeys) =>
        new(mergeKey, "merge", "map", mapKeys.Length == 0 ? [mergeKey] : mapKeys);

    private static ListSemantics KeyedRetainingKeys(string mergeKey) => new(mergeKey, "merge,retainKeys", "map", [mergeKey]);

    /// <summary>An apply map list with no strategic merge key (replaced whole by strategic merge patch).</summary>
    private static ListSemantics MapOnly(params string[] mapKeys) => new(null, null, "map", mapKeys);

    /// <summary>Merged by key in strategic patches but atomic for server-side apply.</summary>
    private static ListSemantics AtomicKeyed(string mergeKey) => new(mergeKey, "merge", "atomic", []);

    private static void ListFields(string modelType, params (string Property, ListSemantics Semantics)[] fields)
    {
        foreach (var (property, semantics) in fields)
        {
            Lists.Add((modelType, property), semantics);
        }
    }

    private static void AllAtomic(string modelType, params string[] properties)
    {
        foreach (var property in properties)
        {
            Lists.Add((modelType, property), Atomic);
        }
    }

    private static void Conditions(params string[] modelTypes)
    {
        foreach (var modelType in modelTypes)
        {
            Lists.Add((modelType, "conditions"), Keyed("type"));
        }
    }

    private static void Atomics(params string[] modelTypes)
    {
        foreach (var modelType in modelTypes)
        {
            AtomicTypes.Add(modelType);
        }
    }
}
