using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PracticeK8s.Sandbox.Resources.Validation;

/// <summary>
/// Finds (and optionally removes) fields a kind does not have, by walking the body against the
/// KubernetesClient model type's JSON property names, like the API server's strict decoder does.
/// Paths are reported the upstream way: <c>spec.containers[0].foo</c>.
/// </summary>
public static class UnknownFields
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, Type>?> Shapes = new();

    public static List<string> Find(JsonObject body, Type model, bool prune)
    {
        var found = new List<string>();
        Walk(body, model, "", found, prune);
        return found;
    }

    private static void Walk(JsonNode? node, Type type, string path, List<string> found, bool prune)
    {
        if (node is null) return;
        if (ElementType(type, out var element, out var isMap))
        {
            if (isMap && node is JsonObject map)
                foreach (var (k, v) in map.ToList()) Walk(v, element, Join(path, k), found, prune);
            else if (!isMap && node is JsonArray arr)
                for (int i = 0; i < arr.Count; i++) Walk(arr[i], element, $"{path}[{i}]", found, prune);
            return;
        }
        if (node is not JsonObject obj || Shape(type) is not { } shape) return;
        foreach (var (name, value) in obj.ToList())
        {
            var p = Join(path, name);
            if (shape.TryGetValue(name, out var propType)) Walk(value, propType, p, found, prune);
            else
            {
                found.Add(p);
                if (prune) obj.Remove(name);
            }
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static bool ElementType(Type t, out Type element, out bool isMap)
    {
        element = typeof(object);
        isMap = false;
        if (t == typeof(string) || t == typeof(byte[]) || !t.IsGenericType) return false;
        var def = t.GetGenericTypeDefinition();
        var args = t.GetGenericArguments();
        if (args.Length == 2 && (def == typeof(IDictionary<,>) || def == typeof(Dictionary<,>) || def == typeof(IReadOnlyDictionary<,>)))
        {
            element = args[1];
            isMap = true;
            return true;
        }
        if (args.Length == 1 && (def == typeof(IList<>) || def == typeof(List<>) || def == typeof(IEnumerable<>)
                                 || def == typeof(ICollection<>) || def == typeof(IReadOnlyList<>)))
        {
            element = args[0];
            return true;
        }
        return false;
    }

    /// <summary>JSON name → property type for a model class; null for leaves (strings, quantities, raw objects).</summary>
    private static IReadOnlyDictionary<string, Type>? Shape(Type t) => Shapes.GetOrAdd(t, static t =>
    {
        if (t == typeof(object) || t.IsPrimitive || t == typeof(string)) return null;
        var map = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var attr = p.GetCustomAttribute<JsonPropertyNameAttribute>();
            if (attr is not null) map[attr.Name] = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
        }
        return map.Count == 0 ? null : map;
    });
}
