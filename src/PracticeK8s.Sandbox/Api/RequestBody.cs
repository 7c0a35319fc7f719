using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PracticeK8s.Sandbox.Api;

/// <summary>Reads a request body as JSON (or YAML) into a node; other media types → 415.</summary>
public static class RequestBody
{
    public const int MaxBytes = 3 * 1024 * 1024;

    public static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken ct)
    {
        using var ms = new MemoryStream();
        var buffer = new byte[16384];
        int n;
        while ((n = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            ms.Write(buffer, 0, n);
            if (ms.Length > MaxBytes) throw new ApiException(413, "RequestEntityTooLarge", "the request body is too large");
        }
        return Encoding.UTF8.GetString(ms.GetBuffer(), 0, (int)ms.Length);
    }

    /// <summary>A create/update body: a JSON or YAML object.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        var type = MediaType.Parse(request.ContentType)?.Type ?? MediaType.Json;
        if (type == MediaType.Protobuf)
        {
            using var ms = new MemoryStream();
            await request.Body.CopyToAsync(ms, ct);
            return Protobuf.ProtobufBody.Decode(ms.ToArray(), new[] { MediaType.Json, MediaType.Yaml, MediaType.Protobuf });
        }
        if (type is not (MediaType.Json or MediaType.Yaml or "application/x-yaml" or "text/yaml"))
            throw ApiException.UnsupportedMediaType(type, new[] { MediaType.Json, MediaType.Yaml });
        var text = await ReadTextAsync(request, ct);
        var node = type == MediaType.Json ? ParseJson(text) : YamlToJson.Convert(text);
        return node as JsonObject ?? throw ApiException.BadRequest("the request body must be an object");
    }

    public static JsonNode? ParseJson(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw ApiException.BadRequest("the request body is empty");
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"error decoding JSON: {e.Message}");
        }
    }
}
