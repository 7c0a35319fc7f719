using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PracticeK8s.Sandbox.Api;

/// <summary>Reads a request body as JSON (or YAML) into a node; other media types → 415.</summary>
public static class RequestBody
{
    /// <summary>Kept for callers that size other limits by it (Kestrel's own limit is set above this).</summary>
    public const int MaxBytes = BodyLimits.MaxBytes;

    /// <summary>
    /// The body's bytes, at most <see cref="BodyLimits.MaxBytes"/>: a larger Content-Length is refused (413) before
    /// anything is read, and a body without one (chunked) is refused as soon as it passes the limit.
    /// </summary>
    public static async Task<byte[]> ReadBytesAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > BodyLimits.MaxBytes) throw BodyLimits.TooLarge();
        LiftServerLimit(request.HttpContext); // this reader enforces the smaller one, with a Status
        using var ms = new MemoryStream(request.ContentLength is { } length ? (int)length : 0);
        var buffer = new byte[16384];
        try
        {
            int n;
            while ((n = await request.Body.ReadAsync(buffer, ct)) > 0)
            {
                if (ms.Length + n > BodyLimits.MaxBytes) throw BodyLimits.TooLarge();
                ms.Write(buffer, 0, n);
            }
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own refusals (its size limit, a body arriving too slowly): their status, not a 500.
            var reason = e.StatusCode switch { 413 => "RequestEntityTooLarge", 408 => "Timeout", _ => "BadRequest" };
            throw new ApiException(e.StatusCode, reason, e.Message);
        }
        return ms.Length == ms.Capacity ? ms.GetBuffer() : ms.ToArray();
    }

    /// <summary>
    /// Reads and drops what is left of a refused body, at most <see cref="BodyLimits.MaxDiscardBytes"/> within
    /// <see cref="BodyLimits.DiscardTime"/>, with a small buffer. Not when the client waits for "100 Continue":
    /// it has not sent the body and will not.
    /// </summary>
    public static async Task DiscardRestAsync(HttpContext ctx)
    {
        if (ctx.Request.Headers.Expect.ToString().Contains("100-continue", StringComparison.OrdinalIgnoreCase)) return;
        LiftServerLimit(ctx);
        using var time = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted);
        time.CancelAfter(BodyLimits.DiscardTime);
        var buffer = new byte[16384];
        try
        {
            long total = 0;
            int n;
            while (total < BodyLimits.MaxDiscardBytes && (n = await ctx.Request.Body.ReadAsync(buffer, time.Token)) > 0) total += n;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or BadHttpRequestException) { }
    }

    private static void LiftServerLimit(HttpContext ctx)
    {
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
    }

    public static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken ct) =>
        Encoding.UTF8.GetString(await ReadBytesAsync(request, ct));

    /// <summary>A create/update body: a JSON or YAML object.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        var type = MediaType.Parse(request.ContentType)?.Type ?? MediaType.Json;
        if (type == MediaType.Protobuf)
        {
            var bytes = await ReadBytesAsync(request, ct);
            return Protobuf.ProtobufBody.Decode(bytes, new[] { MediaType.Json, MediaType.Yaml, MediaType.Protobuf });
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
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false, MaxDepth = BodyLimits.MaxDepth });
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"error decoding JSON: {e.Message}");
        }
    }
}
