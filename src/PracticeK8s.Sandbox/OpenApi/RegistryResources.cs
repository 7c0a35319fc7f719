using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.OpenApi;

/// <summary>The generator's view of the sandbox's resource registry.</summary>
public static class RegistryResources
{
    /// <summary>
    /// One OpenApiResource per served resource definition. Custom resources carry no model type;
    /// their schemas come from AddCustomResourceDefinition (until then they accept any fields).
    /// </summary>
    public static IReadOnlyList<OpenApiResource> From(IEnumerable<ResourceDefinition> definitions) =>
        definitions.Select(d => new OpenApiResource(d.Group, d.Version, d.Kind, d.Plural, d.Namespaced, d.Verbs,
                d.Subresources.Select(s => s.Name).ToList(), d.IsCustom ? null : d.ModelType))
            .ToList();
}
