using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Api;

/// <summary>Create-time steps that need the rest of the cluster's state (default storage class...).</summary>
public static class Admission
{
    public const string DefaultClassAnnotation = "storageclass.kubernetes.io/is-default-class";

    public static void BeforeCreate(SandboxState state, ResourceDefinition def, JsonObject obj)
    {
        if (def is { Group: "", Plural: "services" }) ServiceAllocator.Allocate(state, def, obj);
        if (def is { Group: "", Plural: "persistentvolumeclaims" } && obj.Obj("spec") is { } spec && !spec.ContainsKey("storageClassName"))
        {
            var (classes, _) = state.Store.List("storage.k8s.io/storageclasses", null);
            var defaultClass = classes.FirstOrDefault(c =>
                c.Metadata.TryGetProperty("annotations", out var a) && a.TryGetProperty(DefaultClassAnnotation, out var v) && v.GetString() == "true");
            if (defaultClass is not null) spec["storageClassName"] = defaultClass.Name;
        }
    }
}
