using System.Reflection;

namespace PracticeK8s.Sandbox.OpenApi.Schemas;

/// <summary>
/// Which properties of a model are required. KubernetesClient keeps no required markers, so this
/// is inferred: value-type properties it declares non-nullable (int, bool, DateTime) are the Go
/// fields without omitempty; list kinds require "items"; status conditions require "type" and
/// "status" (API conventions, except flowcontrol's conditions, which are all optional).
/// Required reference-typed fields (a Deployment's selector, a volume source's path) cannot be
/// told from the models and are not marked.
/// </summary>
internal static class RequiredFields
{
    public static IReadOnlyList<string> Of(Type modelType, string kind, string schemaName,
        IReadOnlyList<(PropertyInfo Property, string JsonName)> properties)
    {
        var names = properties.Select(p => p.JsonName).ToHashSet(StringComparer.Ordinal);
        var required = new List<string>();
        foreach (var (property, jsonName) in properties)
        {
            if (property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null)
                required.Add(jsonName);
        }
        if (kind.EndsWith("List", StringComparison.Ordinal) && names.Contains("items") && names.Contains("metadata"))
            required.Add("items");
        if (kind.EndsWith("Condition", StringComparison.Ordinal) && names.Contains("type") && names.Contains("status") &&
            !schemaName.StartsWith("io.k8s.api.flowcontrol.", StringComparison.Ordinal))
        {
            required.Add("type");
            required.Add("status");
        }
        return required.Distinct(StringComparer.Ordinal).ToList();
    }
}
