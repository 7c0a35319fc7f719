using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Api;

/// <summary>Create-time steps that need the rest of the cluster's state (default storage class...).</summary>
public static class Admission
{
    public const string DefaultClassAnnotation = "storageclass.kubernetes.io/is-default-class";

    public const string DefaultIngressClassAnnotation = "ingressclass.kubernetes.io/is-default-class";
    public const string LegacyIngressClassAnnotation = "kubernetes.io/ingress.class";

    public static void BeforeCreate(SandboxState state, ResourceDefinition def, JsonObject obj)
    {
        if (def is { Group: "networking.k8s.io", Plural: "ingresses" }) DefaultIngressClass(state, obj);
        if (def is { Group: "", Plural: "services" }) ServiceAllocator.Allocate(state, def, obj);
        if (def is { Group: "", Plural: "persistentvolumeclaims" } && obj.Obj("spec") is { } spec && !spec.ContainsKey("storageClassName"))
        {
            var (classes, _) = state.Store.List("storage.k8s.io/storageclasses", null);
            var defaultClass = classes.FirstOrDefault(c =>
                c.Metadata.TryGetProperty("annotations", out var a) && a.TryGetProperty(DefaultClassAnnotation, out var v) && v.GetString() == "true");
            if (defaultClass is not null) spec["storageClassName"] = defaultClass.Name;
        }
    }

    /// <summary>
    /// The DefaultIngressClass admission plugin: an Ingress created with neither <c>spec.ingressClassName</c>
    /// nor the legacy class annotation gets the default IngressClass (the newest, when several claim it).
    /// </summary>
    private static void DefaultIngressClass(SandboxState state, JsonObject obj)
    {
        var spec = obj["spec"] as JsonObject;
        if (spec?.Str("ingressClassName") is { Length: > 0 }) return;
        if (obj.Obj("metadata")?.Obj("annotations")?.ContainsKey(LegacyIngressClassAnnotation) == true) return;
        var (classes, _) = state.Store.List("networking.k8s.io/ingressclasses", null);
        var defaultClass = classes
            .Where(c => c.Metadata.TryGetProperty("annotations", out var a) && a.TryGetProperty(DefaultIngressClassAnnotation, out var v)
                && v.ValueKind == System.Text.Json.JsonValueKind.String && v.GetString() == "true")
            .OrderByDescending(c => c.Metadata.TryGetProperty("creationTimestamp", out var t) ? t.GetString() : "", StringComparer.Ordinal)
            .FirstOrDefault();
        if (defaultClass is null) return;
        if (spec is null) obj["spec"] = spec = new JsonObject();
        spec["ingressClassName"] = defaultClass.Name;
    }
}
