using PracticeK8s.Merge;

namespace PracticeK8s.Sandbox.OpenApi.Schemas;

/// <summary>
/// The patch and field-ownership metadata of the built-in types, from the patch library's
/// hand-written Kubernetes 1.32 table (PracticeK8s.Merge.PatchSchema), keyed by KubernetesClient
/// model class name and JSON property name. It becomes x-kubernetes-patch-merge-key,
/// x-kubernetes-patch-strategy, x-kubernetes-list-type, x-kubernetes-list-map-keys and
/// x-kubernetes-map-type in the documents, which kubectl's client-side apply reads.
/// </summary>
internal static class PatchMetadata
{
    public static ListSemantics? List(string modelClass, string jsonProperty) =>
        PatchSchema.Lists.GetValueOrDefault((modelClass, jsonProperty));

    /// <summary>retainKeys or replace on a field that is not a list (Deployment spec.strategy).</summary>
    public static string? FieldStrategy(string modelClass, string jsonProperty) =>
        PatchSchema.FieldStrategies.GetValueOrDefault((modelClass, jsonProperty));

    /// <summary>atomic or granular set on one field (PodSpec nodeSelector).</summary>
    public static string? FieldMapType(string modelClass, string jsonProperty) =>
        PatchSchema.FieldMapTypes.GetValueOrDefault((modelClass, jsonProperty));

    /// <summary>Struct types replaced as a whole (LabelSelector, LocalObjectReference).</summary>
    public static bool IsAtomicType(string modelClass) => PatchSchema.AtomicTypes.Contains(modelClass);
}
