using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Resources.Conversion;

/// <summary>
/// Kinds served in a version other than the one stored: requests through such a version convert
/// their bodies to the storage version and see stored objects converted back. Today only
/// autoscaling/v1 HorizontalPodAutoscaler (stored as v2), which <c>kubectl autoscale</c> writes.
/// </summary>
public static class ServedVersions
{
    public static bool Converts(ResourceDefinition def) => def is { Group: "autoscaling", Version: "v1", Plural: "horizontalpodautoscalers" };

    /// <summary>The definition objects of <paramref name="def"/> are stored (and validated) as.</summary>
    public static ResourceDefinition StorageDef(ResourceRegistry registry, ResourceDefinition def) =>
        Converts(def) ? registry.Find("autoscaling", "v2", "horizontalpodautoscalers") ?? def : def;

    public static JsonObject ToStorage(ResourceDefinition def, JsonObject obj) =>
        Converts(def) && obj.Str("apiVersion") == def.GroupVersion ? HorizontalPodAutoscalerConversion.ToV2(obj) : obj;

    public static JsonObject ToServed(ResourceDefinition def, JsonObject obj) =>
        Converts(def) && obj.Str("apiVersion") != def.GroupVersion ? HorizontalPodAutoscalerConversion.ToV1(obj) : obj;

    /// <summary>A stored object as the request's version shows it (the same instance when nothing converts).</summary>
    public static StoredObject Served(ResourceDefinition def, StoredObject o)
    {
        if (!Converts(def)) return o;
        var node = o.ToNode();
        if (node.Str("apiVersion") == def.GroupVersion) return o;
        return StoredObject.FromNode(o.Key, o.Namespace, o.Name, o.ResourceVersion, ToServed(def, node));
    }
}
