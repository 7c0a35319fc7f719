using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using k8s.Models;
using PracticeK8s.Sandbox.OpenApi.Documentation;

namespace PracticeK8s.Sandbox.OpenApi.Schemas;

/// <summary>
/// Builds the component schema of a model class by reflection: one property per
/// [JsonPropertyName], typed from the CLR type, described from the XML doc comments, with the
/// list metadata of the patch table, and x-kubernetes-group-version-kind on top-level kinds.
/// As upstream's 1.32 documents do, a $ref that needs siblings (a description, a default) is
/// wrapped in allOf. Schemas are cached; callers must not modify what they get.
/// </summary>
internal sealed class ModelSchemaFactory
{
    private static readonly Lazy<ModelSchemaFactory> Shared = new(() => new ModelSchemaFactory(ModelCatalog.Instance, ModelDocumentation.Instance));
    public static ModelSchemaFactory Instance => Shared.Value;

    private readonly ModelCatalog _catalog;
    private readonly ModelDocumentation _docs;
    private readonly ConcurrentDictionary<string, JsonObject?> _cache = new(StringComparer.Ordinal);

    public ModelSchemaFactory(ModelCatalog catalog, ModelDocumentation docs)
    {
        _catalog = catalog;
        _docs = docs;
    }

    public ModelCatalog Catalog => _catalog;

    /// <summary>The schema with this upstream name, or null when no model or wire type has it.</summary>
    public JsonObject? Schema(string name) => _cache.GetOrAdd(name, Build);

    private JsonObject? Build(string name)
    {
        if (SpecialSchemas.Definition(name) is { } special) return special;
        var type = _catalog.TypeOf(name);
        return type is null ? null : BuildModel(type);
    }

    private JsonObject BuildModel(Type type)
    {
        var kind = _catalog.KindOf(type);
        var schema = new JsonObject();
        if (_docs.ForType(type) is { } description) schema["description"] = description;

        // The Patch body type has no fields on the wire (KubernetesClient's Content is the payload).
        if (type == typeof(V1Patch)) { schema["type"] = "object"; return schema; }

        var schemaName = _catalog.NameOf(type) ?? "";
        var jsonProperties = ModelCatalog.JsonProperties(type)
            .Where(p => !FieldsNewerThanServedVersion.Contains(schemaName, p.JsonName))
            .OrderBy(p => p.JsonName, StringComparer.Ordinal).ToList();
        var properties = new JsonObject();
        foreach (var (property, jsonName) in jsonProperties)
            properties[jsonName] = PropertySchema(type, kind, property.PropertyType, jsonName, _docs.ForProperty(type, property.Name));
        if (properties.Count > 0) schema["properties"] = properties;
        var required = RequiredFields.Of(type, kind, schemaName, jsonProperties);
        if (required.Count > 0) schema["required"] = new JsonArray(required.Select(r => (JsonNode)JsonValue.Create(r)).ToArray());
        schema["type"] = "object";
        if (PatchMetadata.IsAtomicType(type.Name)) schema["x-kubernetes-map-type"] = "atomic";
        if (_catalog.EntityOf(type) is { } gvk)
            schema["x-kubernetes-group-version-kind"] = new JsonArray(GvkJson(gvk));
        return schema;
    }

    public static JsonObject GvkJson(GroupVersionKind gvk) =>
        new() { ["group"] = gvk.Group, ["kind"] = gvk.Kind, ["version"] = gvk.Version };

    private JsonObject PropertySchema(Type owner, string kind, Type clrType, string jsonName, string? description)
    {
        var value = ValueSchema(clrType, kind, jsonName, Position.Property);
        JsonObject schema;
        if (value.ContainsKey("$ref"))
            schema = description is null ? value : new JsonObject { ["allOf"] = new JsonArray(value) };
        else
            schema = value;
        if (description is not null) schema["description"] = description;

        AddPatchMetadata(schema, owner.Name, jsonName);
        return schema;
    }

    private static void AddPatchMetadata(JsonObject schema, string modelClass, string jsonName)
    {
        if (PatchMetadata.List(modelClass, jsonName) is { } list)
        {
            schema["x-kubernetes-list-type"] = list.ListType;
            if (list.ListType == "map" && list.MapKeys.Count > 0)
                schema["x-kubernetes-list-map-keys"] = new JsonArray(list.MapKeys.Select(k => (JsonNode)JsonValue.Create(k)).ToArray());
            if (list.MergeKey is not null) schema["x-kubernetes-patch-merge-key"] = list.MergeKey;
            if (list.PatchStrategy is not null) schema["x-kubernetes-patch-strategy"] = list.PatchStrategy;
        }
        if (PatchMetadata.FieldStrategy(modelClass, jsonName) is { } strategy) schema["x-kubernetes-patch-strategy"] = strategy;
        if (PatchMetadata.FieldMapType(modelClass, jsonName) is { } mapType) schema["x-kubernetes-map-type"] = mapType;
    }

    private enum Position { Property, Item, MapValue }

    private JsonObject ValueSchema(Type clrType, string kind, string jsonName, Position position)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        var item = position == Position.Item;
        var mapValue = position == Position.MapValue;

        // List elements (and string map values) carry their Go zero value as default, as upstream writes them.
        if (type == typeof(string)) return Primitive("string", null, item || mapValue ? JsonValue.Create("") : null);
        if (type == typeof(bool)) return Primitive("boolean", null, item ? JsonValue.Create(false) : null);
        if (type == typeof(int)) return Primitive("integer", "int32", item ? JsonValue.Create(0) : null);
        if (type == typeof(long)) return Primitive("integer", "int64", item ? JsonValue.Create(0) : null);
        if (type == typeof(double) || type == typeof(float)) return Primitive("number", "double", item ? JsonValue.Create(0) : null);
        if (type == typeof(byte[])) return Primitive("string", "byte", null);
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset)) return Ref(SpecialSchemas.DateTimeSchema(kind, jsonName));
        if (type == typeof(IntOrString)) return Ref(SchemaNames.IntOrString);
        if (type == typeof(ResourceQuantity)) return Ref(SchemaNames.Quantity);
        if (type == typeof(object)) return Ref(SpecialSchemas.ObjectSchema(kind, jsonName));

        if (ClrShapes.ListElement(type) is { } element)
            return new JsonObject { ["items"] = ValueSchema(element, kind, jsonName, Position.Item), ["type"] = "array" };
        if (ClrShapes.DictionaryValue(type) is { } valueType)
            return new JsonObject { ["additionalProperties"] = ValueSchema(valueType, kind, jsonName, Position.MapValue), ["type"] = "object" };

        if (_catalog.NameOf(type) is { } name)
            return item
                ? new JsonObject { ["allOf"] = new JsonArray(Ref(name)), ["default"] = new JsonObject() }
                : Ref(name);

        return new JsonObject { ["type"] = "object" };
    }

    private static JsonObject Primitive(string type, string? format, JsonNode? @default)
    {
        var schema = new JsonObject();
        if (@default is not null) schema["default"] = @default;
        if (format is not null) schema["format"] = format;
        schema["type"] = type;
        return schema;
    }

    private static JsonObject Ref(string name) => new() { ["$ref"] = SchemaNames.Ref(name) };

    /// <summary>Every schema name a schema refers to with $ref.</summary>
    public static IEnumerable<string> References(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref" && value is JsonValue v && v.TryGetValue<string>(out var target) &&
                        target.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                        yield return target["#/components/schemas/".Length..];
                    else
                        foreach (var name in References(value)) yield return name;
                }
                break;
            case JsonArray array:
                foreach (var element in array)
                    foreach (var name in References(element)) yield return name;
                break;
        }
    }
}
