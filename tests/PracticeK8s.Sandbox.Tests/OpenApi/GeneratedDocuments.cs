using System.Text.Json.Nodes;

namespace PracticeK8s.Sandbox.Tests.OpenApi;

/// <summary>The generator's documents for the built-in resources, parsed once for all tests.</summary>
internal static class GeneratedDocuments
{
    private static readonly Dictionary<string, JsonObject> Cache = new();

    public static JsonObject For(string groupVersionPath)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(groupVersionPath, out var doc))
                Cache[groupVersionPath] = doc = JsonNode.Parse(BuiltInResources.Generator.Value.Document(groupVersionPath).Json)!.AsObject();
            return doc;
        }
    }

    public static TheoryData<string> GroupVersions()
    {
        var data = new TheoryData<string>();
        foreach (var path in UpstreamOpenApi.GroupVersionPaths) data.Add(path);
        return data;
    }

    /// <summary>
    /// A property's shape without its description or defaults: (type, format) for primitives,
    /// the target of a $ref (bare or wrapped in allOf), and the same for array items and map values.
    /// </summary>
    public static string Shape(JsonNode? schema)
    {
        if (schema is not JsonObject obj) return "none";
        if (obj["allOf"] is JsonArray { Count: > 0 } allOf) return Shape(allOf[0]);
        if (obj["$ref"] is JsonNode target) return "ref:" + (string)target!;
        var shape = $"{(string?)obj["type"]}/{(string?)obj["format"]}";
        if (obj["items"] is JsonNode items) shape += $"[{Shape(items)}]";
        if (obj["additionalProperties"] is JsonNode values) shape += $"{{{Shape(values)}}}";
        if (obj["oneOf"] is JsonArray oneOf) shape += "oneOf(" + string.Join(",", oneOf.Select(Shape)) + ")";
        return shape;
    }

    public static IEnumerable<string> Names(JsonNode? array) =>
        (array as JsonArray ?? []).Select(n => (string)n!);
}
