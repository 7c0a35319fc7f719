using System.Reflection;

namespace PracticeK8s.Sandbox.OpenApi.Schemas;

/// <summary>
/// Which properties of a model are required. KubernetesClient keeps no required markers, so this
/// is inferred from what is known for certain:
/// <list type="bullet">
/// <item>value-type properties KubernetesClient declares non-nullable (int, bool, DateTime) are Go fields without omitempty;</item>
/// <item>list kinds require "items"; status conditions require "type" and "status" (API conventions);</item>
/// <item>the keys of a list-map identify its elements, so an element type used only in list-maps
/// requires them, except "protocol", which the server defaults to TCP.</item>
/// </list>
/// flowcontrol's conditions are the documented exception (all optional). Required
/// reference-typed fields that nothing else reveals (a Deployment's selector, a volume source's
/// path) are not marked; the tests check that nothing is marked that 1.32 does not require.
/// </summary>
internal static class RequiredFields
{
    /// <summary>For each model class used as the element of some list: the list-map keys of every such use (null = a use that is not a list-map).</summary>
    private static readonly Lazy<Dictionary<Type, List<IReadOnlyList<string>?>>> ElementUses = new(IndexElementUses);

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

        var flowControl = schemaName.StartsWith("io.k8s.api.flowcontrol.", StringComparison.Ordinal);
        if (!flowControl && kind.EndsWith("Condition", StringComparison.Ordinal) && names.Contains("type") && names.Contains("status"))
        {
            required.Add("type");
            required.Add("status");
        }
        if (!flowControl && ElementUses.Value.TryGetValue(modelType, out var uses) && uses.All(u => u is not null))
            required.AddRange(uses.SelectMany(keys => keys!).Where(k => k != "protocol" && names.Contains(k)));

        return required.Distinct(StringComparer.Ordinal).ToList();
    }

    private static Dictionary<Type, List<IReadOnlyList<string>?>> IndexElementUses()
    {
        var index = new Dictionary<Type, List<IReadOnlyList<string>?>>();
        foreach (var owner in ModelCatalog.Instance.SchemaNames.Keys)
        {
            foreach (var (property, jsonName) in ModelCatalog.JsonProperties(owner))
            {
                var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                var element = ClrShapes.ListElement(type) ?? type;
                if (element.Namespace != "k8s.Models" || !element.IsClass) continue;
                var list = ClrShapes.ListElement(type) is null ? null : PatchMetadata.List(owner.Name, jsonName);
                IReadOnlyList<string>? keys = list is { ListType: "map" } ? list.MapKeys : null;
                (index.TryGetValue(element, out var uses) ? uses : index[element] = []).Add(keys);
            }
        }
        return index;
    }
}
