namespace PracticeK8s.Merge;

/// <summary>
/// Patch metadata of the built-in kinds: which lists merge by which key, which fields keep only the
/// keys sent (<c>retainKeys</c>), which are replaced whole. Paths are JSON field names from the object
/// root; list elements are stepped through implicitly and a map's key is one path segment
/// (e.g. <c>["spec","template","spec","containers","env"]</c>).
/// </summary>
public static class PatchSchema
{
    /// <summary>The apiVersions whose kinds are known here (strategic merge patch applies to them).</summary>
    public static IReadOnlyList<string> GroupVersions => BuiltInKinds.GroupVersions;

    /// <summary>
    /// The semantics of the list at <paramref name="path"/>; <see cref="ListSemantics.Atomic"/> for a list
    /// without metadata; null if the path does not reach a list field of a known kind.
    /// </summary>
    public static ListSemantics? ListAt(string apiVersion, string kind, IReadOnlyList<string> path)
    {
        var field = FieldAt(apiVersion, kind, path);
        return field?.Node.Shape == SchemaShape.List ? field.List ?? ListSemantics.Atomic : null;
    }

    /// <summary>The patch strategy of the field at <paramref name="path"/> (e.g. <c>retainKeys</c> for Deployment <c>spec.strategy</c>).</summary>
    public static string? StrategyAt(string apiVersion, string kind, IReadOnlyList<string> path) =>
        FieldAt(apiVersion, kind, path)?.Strategy;

    /// <summary>True for the built-in kinds (strategic merge patch is refused for others, e.g. custom resources).</summary>
    public static bool IsKnownKind(string apiVersion, string kind) => BuiltInKinds.Find(apiVersion, kind) is not null;

    /// <summary>Every list field with metadata, keyed by KubernetesClient model class name and JSON property name.</summary>
    public static IReadOnlyDictionary<(string ModelType, string Property), ListSemantics> Lists => KnownFields.Lists;

    /// <summary>Patch strategies of non-list fields (<c>x-kubernetes-patch-strategy</c> on structs).</summary>
    public static IReadOnlyDictionary<(string ModelType, string Property), string> FieldStrategies => KnownFields.Strategies;

    /// <summary>Map types declared on fields (<c>x-kubernetes-map-type</c>: <c>atomic</c> or <c>granular</c>).</summary>
    public static IReadOnlyDictionary<(string ModelType, string Property), string> FieldMapTypes => KnownFields.FieldMapTypes;

    /// <summary>Model classes declared <c>x-kubernetes-map-type: atomic</c>.</summary>
    public static IReadOnlySet<string> AtomicTypes => KnownFields.AtomicTypes;

    /// <summary>The KubernetesClient model class of a known kind, or null.</summary>
    public static Type? ModelTypeOf(string apiVersion, string kind) => BuiltInKinds.Find(apiVersion, kind);

    internal static SchemaNode RootOf(string apiVersion, string kind) =>
        BuiltInKinds.Find(apiVersion, kind) is { } type ? SchemaNode.For(type) : SchemaNode.Untyped;

    private static SchemaField? FieldAt(string apiVersion, string kind, IReadOnlyList<string> path)
    {
        var type = BuiltInKinds.Find(apiVersion, kind);
        if (type is null || path.Count == 0)
        {
            return null;
        }

        var node = SchemaNode.For(type);
        SchemaField? field = null;
        foreach (var segment in path)
        {
            while (node.Shape == SchemaShape.List)
            {
                node = node.Element;
            }

            switch (node.Shape)
            {
                case SchemaShape.Struct when node.Fields.TryGetValue(segment, out var next):
                    field = next;
                    break;
                case SchemaShape.Map:
                    field = new SchemaField(segment, node.Element, null, null, null);
                    break;
                default:
                    return null;
            }

            node = field.Node;
        }

        return field;
    }
}
