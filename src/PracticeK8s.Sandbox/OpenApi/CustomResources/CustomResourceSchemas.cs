using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.OpenApi.Schemas;

namespace PracticeK8s.Sandbox.OpenApi.CustomResources;

/// <summary>
/// The component schemas of a custom resource, named as upstream names them (the group reversed:
/// stable.example.com/v1 CronTab -> com.example.stable.v1.CronTab): the CRD's openAPIV3Schema with
/// the standard apiVersion, kind and metadata and x-kubernetes-group-version-kind, and its list.
/// A resource without a schema (no CRD given) accepts any fields.
/// </summary>
internal static class CustomResourceSchemas
{
    private const string ApiVersionText =
        "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized " +
        "schemas to the latest internal value, and may reject unrecognized values.";
    private const string KindText =
        "Kind is a string value representing the REST resource this object represents. Servers may infer this from the " +
        "endpoint the client submits requests to. Cannot be updated. In CamelCase.";

    public static string NameOf(string group, string version, string kind) =>
        $"{GoPackages.ForGroup(group)}.{version}.{kind}";

    public static JsonObject Kind(OpenApiResource resource, JsonObject? openApiV3Schema)
    {
        var schema = (JsonObject?)openApiV3Schema?.DeepClone() ?? new JsonObject { ["x-kubernetes-preserve-unknown-fields"] = true };
        var properties = schema["properties"] as JsonObject ?? (JsonObject)(schema["properties"] = new JsonObject());
        properties["apiVersion"] = new JsonObject { ["description"] = ApiVersionText, ["type"] = "string" };
        properties["kind"] = new JsonObject { ["description"] = KindText, ["type"] = "string" };
        properties["metadata"] = new JsonObject
        {
            ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = SchemaNames.Ref(SchemaNames.ObjectMeta) }),
            ["description"] = "Standard object's metadata.",
        };
        schema["type"] = "object";
        schema["x-kubernetes-group-version-kind"] = new JsonArray(
            ModelSchemaFactory.GvkJson(new GroupVersionKind(resource.Group, resource.Version, resource.Kind)));
        return schema;
    }

    public static JsonObject List(OpenApiResource resource, string listKind, string itemSchema) => new()
    {
        ["description"] = $"{listKind} is a list of {resource.Kind}",
        ["properties"] = new JsonObject
        {
            ["apiVersion"] = new JsonObject { ["description"] = ApiVersionText, ["type"] = "string" },
            ["items"] = new JsonObject
            {
                ["description"] = $"List of {resource.Plural}.",
                ["items"] = new JsonObject { ["$ref"] = SchemaNames.Ref(itemSchema) },
                ["type"] = "array",
            },
            ["kind"] = new JsonObject { ["description"] = KindText, ["type"] = "string" },
            ["metadata"] = new JsonObject
            {
                ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = SchemaNames.Ref(SchemaNames.ListMeta) }),
                ["description"] = "Standard list metadata.",
            },
        },
        ["required"] = new JsonArray("items"),
        ["type"] = "object",
        ["x-kubernetes-group-version-kind"] = new JsonArray(
            ModelSchemaFactory.GvkJson(new GroupVersionKind(resource.Group, resource.Version, listKind))),
    };
}
