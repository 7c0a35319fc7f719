using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.OpenApi.CustomResources;
using PracticeK8s.Sandbox.OpenApi.Documentation;
using PracticeK8s.Sandbox.OpenApi.Paths;
using PracticeK8s.Sandbox.OpenApi.Schemas;

namespace PracticeK8s.Sandbox.OpenApi;

/// <summary>
/// Assembles one group-version document: the paths of its resources, then every schema those
/// paths reach (transitively), written canonically and hashed.
/// </summary>
internal sealed class DocumentBuilder
{
    private readonly ModelSchemaFactory _schemas = ModelSchemaFactory.Instance;
    private readonly QueryParameters _parameters = new(ModelDocumentation.Instance);
    private readonly JsonArray _sharedKindGvks;

    /// <param name="builtIn">The built-in resources: every one of their group-versions registers DeleteOptions and WatchEvent.</param>
    public DocumentBuilder(IEnumerable<OpenApiResource> builtIn)
    {
        var groupVersions = builtIn.Select(r => (r.Group, r.Version)).Append(("", "v1")).Distinct()
            .OrderBy(g => g.Item1, StringComparer.Ordinal).ThenBy(g => g.Item2, StringComparer.Ordinal);
        _sharedKindGvks = new JsonArray(groupVersions.Select(g => (JsonNode)new JsonObject
        {
            ["group"] = g.Item1, ["kind"] = "", ["version"] = g.Item2,
        }).ToArray());
    }

    public (string Json, string Hash) Build(GroupVersionContent content)
    {
        var prefix = "/" + GroupVersionNames.Of(content.Group, content.Version);
        var naming = new OperationNaming(content.Group, content.Version);
        var resourcePaths = new ResourcePaths(new OperationFactory(naming), _parameters);
        var local = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var paths = new JsonObject();

        resourcePaths.AddRoot(paths, prefix, content.Group, content.Version);
        foreach (var resource in content.Resources.OrderBy(r => r.Plural, StringComparer.Ordinal))
            resourcePaths.Add(paths, prefix, resource, SchemasFor(resource, content, local));

        var schemas = Closure(paths, local);
        var bytes = Write(paths, schemas);
        return (Encoding.UTF8.GetString(bytes), CanonicalJson.Hash(bytes));
    }

    private ResourceSchemas SchemasFor(OpenApiResource resource, GroupVersionContent content, Dictionary<string, JsonObject> local)
    {
        string? SchemaOf(GroupVersionKind gvk) =>
            _schemas.Catalog.EntityType(gvk) is { } type ? _schemas.Catalog.NameOf(type) : null;

        if (resource.ModelType is { } model && _schemas.Catalog.NameOf(model) is { } kindName)
        {
            var listName = SchemaOf(new GroupVersionKind(resource.Group, resource.Version, resource.Kind + "List"))
                           ?? (_schemas.Schema(kindName + "List") is not null ? kindName + "List" : null);
            if (listName is null)
            {
                listName = kindName + "List";
                local[listName] = CustomResourceSchemas.List(resource, resource.Kind + "List", kindName);
            }
            return new ResourceSchemas(kindName, listName, OperationFactory.BuiltInPatchTypes, SchemaOf);
        }

        content.Custom.TryGetValue(resource.Plural, out var definition);
        var name = CustomResourceSchemas.NameOf(resource.Group, resource.Version, resource.Kind);
        var listKind = definition?.ListKind ?? resource.Kind + "List";
        var list = CustomResourceSchemas.NameOf(resource.Group, resource.Version, listKind);
        local[name] = CustomResourceSchemas.Kind(resource, definition?.Schema);
        local[list] = CustomResourceSchemas.List(resource, listKind, name);
        return new ResourceSchemas(name, list, OperationFactory.CustomPatchTypes, SchemaOf);
    }

    /// <summary>Every schema reachable from the paths, by name.</summary>
    private SortedDictionary<string, JsonObject> Closure(JsonObject paths, Dictionary<string, JsonObject> local)
    {
        var result = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var queue = new Queue<string>(ModelSchemaFactory.References(paths));
        while (queue.Count > 0)
        {
            var name = queue.Dequeue();
            if (result.ContainsKey(name)) continue;
            var schema = local.GetValueOrDefault(name) ?? Shared(name);
            if (schema is null) continue;
            result[name] = schema;
            foreach (var reference in ModelSchemaFactory.References(schema)) queue.Enqueue(reference);
        }
        return result;
    }

    // DeleteOptions and WatchEvent are registered in every group-version, as upstream lists them.
    private JsonObject? Shared(string name)
    {
        var schema = _schemas.Schema(name);
        if (schema is null || name is not (SchemaNames.DeleteOptions or SchemaNames.WatchEvent)) return schema;
        var copy = (JsonObject)schema.DeepClone();
        var kind = name[(name.LastIndexOf('.') + 1)..];
        var gvks = (JsonArray)_sharedKindGvks.DeepClone();
        foreach (var gvk in gvks.OfType<JsonObject>()) gvk["kind"] = kind;
        copy["x-kubernetes-group-version-kind"] = gvks;
        return copy;
    }

    private static byte[] Write(JsonObject paths, SortedDictionary<string, JsonObject> schemas)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, CanonicalJson.Options))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("components");
            writer.WriteStartObject();
            writer.WritePropertyName("schemas");
            writer.WriteStartObject();
            foreach (var (name, schema) in schemas)
            {
                writer.WritePropertyName(name);
                CanonicalJson.Write(writer, schema);
            }
            writer.WriteEndObject();
            writer.WritePropertyName("securitySchemes");
            CanonicalJson.Write(writer, new JsonObject
            {
                ["BearerToken"] = new JsonObject
                {
                    ["description"] = "Bearer Token authentication", ["in"] = "header", ["name"] = "authorization", ["type"] = "apiKey",
                },
            });
            writer.WriteEndObject();
            writer.WritePropertyName("info");
            CanonicalJson.Write(writer, new JsonObject { ["title"] = "Kubernetes", ["version"] = "unversioned" });
            writer.WriteString("openapi", "3.0.0");
            writer.WritePropertyName("paths");
            CanonicalJson.Write(writer, paths);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
