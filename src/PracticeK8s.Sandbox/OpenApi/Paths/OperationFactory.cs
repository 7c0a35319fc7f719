using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.OpenApi.Schemas;

namespace PracticeK8s.Sandbox.OpenApi.Paths;

/// <summary>Builds operation objects: ids, tags, x-kubernetes-action, GVK, request bodies, responses.</summary>
internal sealed class OperationFactory(OperationNaming naming)
{
    /// <summary>What the sandbox answers with: JSON, and JSON watch streams.</summary>
    private static readonly string[] ObjectMediaTypes = ["application/json"];
    private static readonly string[] StreamMediaTypes = ["application/json", "application/json;stream=watch"];

    public static readonly string[] BuiltInPatchTypes =
        ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json"];
    /// <summary>Custom resources take no strategic merge patch.</summary>
    public static readonly string[] CustomPatchTypes =
        ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json"];

    public OperationNaming Naming => naming;

    public JsonObject Operation(string action, string id, string description, GroupVersionKind gvk,
        JsonArray? parameters, JsonObject? requestBody, JsonObject responses)
    {
        var op = new JsonObject
        {
            ["description"] = description,
            ["operationId"] = id,
        };
        if (parameters is { Count: > 0 }) op["parameters"] = parameters;
        if (requestBody is not null) op["requestBody"] = requestBody;
        op["responses"] = responses;
        op["tags"] = new JsonArray(naming.Tag);
        op["x-kubernetes-action"] = action;
        op["x-kubernetes-group-version-kind"] = ModelSchemaFactory.GvkJson(gvk);
        return op;
    }

    public static JsonObject Body(string schemaName) => new()
    {
        ["content"] = new JsonObject { ["*/*"] = SchemaRef(schemaName) },
        ["required"] = true,
    };

    public static JsonObject PatchBody(IEnumerable<string> patchTypes)
    {
        var content = new JsonObject();
        foreach (var type in patchTypes) content[type] = SchemaRef(SchemaNames.Patch);
        return new JsonObject { ["content"] = content, ["required"] = true };
    }

    /// <summary>Responses with the schema for each success code, plus 401.</summary>
    public static JsonObject Responses(string schemaName, params string[] codes) =>
        ResponsesOf(() => SchemaRef(schemaName), ObjectMediaTypes, codes);

    public static JsonObject StreamResponses(string schemaName) =>
        ResponsesOf(() => SchemaRef(schemaName), StreamMediaTypes, ["200"]);

    public static JsonObject TextResponses(params string[] mediaTypes) =>
        ResponsesOf(() => new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } }, mediaTypes, ["200"]);

    private static JsonObject ResponsesOf(Func<JsonObject> schema, IReadOnlyList<string> mediaTypes, IReadOnlyList<string> codes)
    {
        var responses = new JsonObject();
        foreach (var code in codes)
        {
            var content = new JsonObject();
            foreach (var mediaType in mediaTypes) content[mediaType] = schema();
            responses[code] = new JsonObject { ["content"] = content, ["description"] = Reason(code) };
        }
        responses["401"] = new JsonObject { ["description"] = "Unauthorized" };
        return responses;
    }

    private static string Reason(string code) => code switch
    {
        "200" => "OK",
        "201" => "Created",
        "202" => "Accepted",
        _ => code,
    };

    private static JsonObject SchemaRef(string schemaName) =>
        new() { ["schema"] = new JsonObject { ["$ref"] = SchemaNames.Ref(schemaName) } };
}
