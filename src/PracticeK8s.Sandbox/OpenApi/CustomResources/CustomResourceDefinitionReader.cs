using System.Text.Json.Nodes;

namespace PracticeK8s.Sandbox.OpenApi.CustomResources;

/// <summary>One served version of a custom resource: how it is served and its structural schema.</summary>
internal sealed record CustomResourceVersion(string DefinitionName, OpenApiResource Resource, string ListKind, JsonObject? Schema);

/// <summary>Reads an apiextensions.k8s.io/v1 CustomResourceDefinition (JSON) into its served versions.</summary>
internal static class CustomResourceDefinitionReader
{
    private static readonly string[] Verbs = ["delete", "deletecollection", "get", "list", "patch", "create", "update", "watch"];

    public static IReadOnlyList<CustomResourceVersion> Read(string crdJson)
    {
        var crd = JsonNode.Parse(crdJson) as JsonObject ?? throw new ArgumentException("A CustomResourceDefinition must be a JSON object.", nameof(crdJson));
        var spec = crd["spec"] as JsonObject ?? throw new ArgumentException("The CustomResourceDefinition has no spec.", nameof(crdJson));
        var group = Required(spec, "group");
        var names = spec["names"] as JsonObject ?? throw new ArgumentException("The CustomResourceDefinition has no spec.names.", nameof(crdJson));
        var kind = Required(names, "kind");
        var plural = Required(names, "plural");
        var listKind = (string?)names["listKind"] ?? kind + "List";
        var namespaced = !string.Equals((string?)spec["scope"], "Cluster", StringComparison.Ordinal);
        var definitionName = (string?)crd["metadata"]?["name"] ?? $"{plural}.{group}";

        var versions = new List<CustomResourceVersion>();
        foreach (var version in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (version["served"] is JsonValue served && served.TryGetValue<bool>(out var isServed) && !isServed) continue;
            var name = Required(version, "name");
            var subresources = version["subresources"] as JsonObject ?? spec["subresources"] as JsonObject;
            var subresourceNames = new List<string>();
            if (subresources?["status"] is not null) subresourceNames.Add("status");
            if (subresources?["scale"] is not null) subresourceNames.Add("scale");
            var schema = (version["schema"]?["openAPIV3Schema"] ?? spec["validation"]?["openAPIV3Schema"]) as JsonObject;
            var resource = new OpenApiResource(group, name, kind, plural, namespaced, Verbs, subresourceNames, null);
            versions.Add(new CustomResourceVersion(definitionName, resource, listKind, (JsonObject?)schema?.DeepClone()));
        }
        return versions;
    }

    private static string Required(JsonObject obj, string property) =>
        (string?)obj[property] is { Length: > 0 } value
            ? value
            : throw new ArgumentException($"The CustomResourceDefinition has no {property}.");
}
