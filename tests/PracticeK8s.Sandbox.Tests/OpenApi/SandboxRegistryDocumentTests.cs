using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.OpenApi;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Tests.OpenApi;

/// <summary>The documents for exactly what the sandbox's registry serves.</summary>
public sealed class SandboxRegistryDocumentTests
{
    private static readonly Lazy<OpenApiGenerator> Generator = new(() => new OpenApiGenerator(BuiltinResources.List.Select(d =>
        new OpenApiResource(d.Group, d.Version, d.Kind, d.Plural, d.Namespaced, d.Verbs, d.Subresources.Select(s => s.Name).ToList(), d.ModelType))));

    [Fact]
    public void EveryServedGroupVersion_HasADocument()
    {
        var expected = BuiltinResources.List.Select(PathOf).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(expected, Generator.Value.GroupVersionPaths);
    }

    [Fact]
    public void EveryReference_Resolves_AndEveryKindHasItsSchema()
    {
        foreach (var path in Generator.Value.GroupVersionPaths)
        {
            var document = JsonNode.Parse(Generator.Value.Document(path).Json)!;
            var schemas = document["components"]!["schemas"]!.AsObject();
            var references = new List<string>();
            Collect(document, references);
            Assert.All(references, r => Assert.True(schemas.ContainsKey(r), $"{path}: {r} is referenced but missing"));

            var kinds = schemas.Select(s => s.Value!["x-kubernetes-group-version-kind"]).OfType<JsonArray>()
                .SelectMany(gvks => gvks.Select(g => $"{(string?)g!["group"]}/{(string?)g["version"]}/{(string?)g["kind"]}")).ToHashSet();
            foreach (var definition in BuiltinResources.List.Where(d => PathOf(d) == path))
                Assert.Contains($"{definition.Group}/{definition.Version}/{definition.Kind}", kinds);
        }
    }

    private static string PathOf(ResourceDefinition d) => d.Group.Length == 0 ? $"api/{d.Version}" : $"apis/{d.Group}/{d.Version}";

    [Fact]
    public void ThePathsOfServedResources_AreUpstreamPaths()
    {
        foreach (var path in UpstreamOpenApi.GroupVersionPaths.Where(p => Generator.Value.GroupVersionPaths.Contains(p)))
        {
            var upstream = UpstreamOpenApi.V3(path)["paths"]!.AsObject();
            var ours = JsonNode.Parse(Generator.Value.Document(path).Json)!["paths"]!.AsObject();
            foreach (var (route, item) in ours)
            {
                Assert.True(upstream.ContainsKey(route), $"{route} is not a 1.32 path");
                foreach (var method in item!.AsObject().Select(m => m.Key).Where(m => m != "parameters"))
                    Assert.True(upstream[route]!.AsObject().ContainsKey(method), $"{method} {route} is not a 1.32 operation");
            }
        }
    }

    private static void Collect(JsonNode? node, List<string> references)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                    // (JSONSchemaProps has a property named "$ref"; only string values are references.)
                    if (key == "$ref" && value is JsonValue reference) references.Add(((string)reference!)["#/components/schemas/".Length..]);
                    else Collect(value, references);
                break;
            case JsonArray array:
                foreach (var element in array) Collect(element, references);
                break;
        }
    }
}
