using PracticeK8s.Sandbox.OpenApi;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Discovery;

/// <summary>
/// Feeds the OpenAPI generator from the registry: the built-in kinds at start, then every
/// CustomResourceDefinition as it is created, changed or deleted (kept in step under the store lock,
/// so <c>kubectl apply</c> of a custom resource right after its CRD validates against it).
/// </summary>
public static class OpenApiDocuments
{
    public static OpenApiGenerator Create(ObjectStore store, ResourceRegistry registry)
    {
        var generator = new OpenApiGenerator(registry.All.Where(d => !d.IsCustom).Select(ToOpenApi));
        foreach (var crd in store.List(CustomResources.CrdKey, null).Items)
            generator.AddCustomResourceDefinition(System.Text.Encoding.UTF8.GetString(crd.Json));
        store.Committed += e =>
        {
            if (e.Key != CustomResources.CrdKey) return;
            if (e.Type == StoreEventType.Deleted) generator.RemoveCustomResourceDefinition(e.Object.Name);
            else generator.AddCustomResourceDefinition(System.Text.Encoding.UTF8.GetString(e.Object.Json));
        };
        return generator;
    }

    public static OpenApiResource ToOpenApi(ResourceDefinition d) =>
        new(d.Group, d.Version, d.Kind, d.Plural, d.Namespaced, d.Verbs, d.Subresources.Select(s => s.Name).ToList(), d.ModelType);
}
