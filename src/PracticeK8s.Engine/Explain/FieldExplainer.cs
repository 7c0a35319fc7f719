using System.Text.Json;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.Explain;

/// <summary>A field of a schema: its name, kubectl's type text, whether it is required, its description, and (recursive) its own fields.</summary>
public sealed record SchemaField(string Name, string Type, bool Required, string Description, IReadOnlyList<SchemaField> Fields);

/// <summary>
/// Walks a kind's OpenAPI v3 schema along a field path as kubectl explain does: references followed,
/// arrays and maps stepped through to their items, and each level's fields listed (all levels with -Recursive).
/// </summary>
public sealed class FieldExplainer(SchemaDocument document)
{
    private const int MaxRecursion = 32;

    public KubeExplanation Explain(string group, string version, string kind, IReadOnlyList<string> path, bool recursive)
    {
        var root = document.Kind(group, version, kind)
            ?? throw new KubeException($"couldn't find resource for \"{(group.Length == 0 ? version : group + "/" + version)}, Kind={kind}\"",
                "KubeSchemaNotFound", System.Management.Automation.ErrorCategory.ObjectNotFound, kind);
        var schema = root.Schema;
        string? fieldName = null, fieldType = null;
        var descriptions = new List<string>();
        foreach (var segment in path)
        {
            var body = Body(schema).Schema;
            if (!body.TryGetProperty("properties", out var properties) || !properties.TryGetProperty(segment, out var property))
                throw new KubeException($"field \"{segment}\" does not exist", "KubeFieldNotFound",
                    System.Management.Automation.ErrorCategory.ObjectNotFound, string.Join('.', path));
            schema = property;
            fieldName = segment;
        }
        if (fieldName is not null)
        {
            fieldType = TypeText(schema);
            descriptions.Add(Description(schema));
        }
        var (target, references) = Body(schema);
        if (fieldName is null || references.Count > 0)
            descriptions.Add(Description(target));
        var fields = Fields(target, recursive, ["#/components/schemas/" + root.Name, .. references], 0);
        return new KubeExplanation(group, kind, version, path, fieldName, fieldType, descriptions.Where(d => d.Length > 0).ToList(), fields, recursive);
    }

    private IReadOnlyList<SchemaField> Fields(JsonElement schema, bool recursive, HashSet<string> onPath, int depth)
    {
        if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
            return [];
        var required = schema.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet()
            : [];
        var fields = new List<SchemaField>();
        foreach (var property in properties.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            IReadOnlyList<SchemaField> children = [];
            if (recursive && depth < MaxRecursion)
            {
                var (body, refs) = Body(property.Value);
                // A type met again on the way down (JSONSchemaProps inside itself) is listed, not entered.
                if (!refs.Any(onPath.Contains))
                    children = Fields(body, true, [.. onPath, .. refs], depth + 1);
            }
            fields.Add(new SchemaField(property.Name, TypeText(property.Value), required.Contains(property.Name), Description(property.Value), children));
        }
        return fields;
    }

    /// <summary>The schema whose fields a value of this schema has (references followed, arrays and maps stepped through), and the references on the way.</summary>
    private (JsonElement Schema, List<string> References) Body(JsonElement schema)
    {
        var references = new List<string>();
        for (var i = 0; i < MaxRecursion; i++)
        {
            if (Reference(schema, out var reference) && document.Resolve(reference) is { } target)
            {
                references.Add(reference);
                schema = target;
            }
            else if (Type(schema) == "array" && schema.TryGetProperty("items", out var items))
                schema = items;
            else if (Type(schema) == "object" && schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object)
                schema = values;
            else
                break;
        }
        return (schema, references);
    }

    /// <summary>
    /// kubectl's type text: a referenced type's short name (its JSON type when that is a plain one, as
    /// Time's string), []T, map[string]T, or the JSON type.
    /// </summary>
    private string TypeText(JsonElement schema)
    {
        if (Reference(schema, out var reference))
            return document.Resolve(reference) is { } target && Type(target) is "string" or "integer" or "number" or "boolean"
                ? Type(target)!
                : reference[(reference.LastIndexOf('.') + 1)..];
        var type = Type(schema);
        if (type == "array" && schema.TryGetProperty("items", out var items))
            return "[]" + TypeText(items);
        if (type == "object" && schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object)
            return "map[string]" + TypeText(values);
        return type is { Length: > 0 } ? (type == "object" ? "Object" : type) : "Object";
    }

    private static bool Reference(JsonElement schema, out string reference)
    {
        reference = "";
        if (schema.ValueKind != JsonValueKind.Object)
            return false;
        if (schema.TryGetProperty("$ref", out var direct) && direct.GetString() is { } d)
            reference = d;
        else if (schema.TryGetProperty("allOf", out var all) && all.ValueKind == JsonValueKind.Array && all.GetArrayLength() == 1
            && all[0].TryGetProperty("$ref", out var inner) && inner.GetString() is { } i)
            reference = i;
        return reference.Length > 0;
    }

    private static string? Type(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    private static string Description(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
}
