using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace PracticeK8s.Sandbox.OpenApi;

/// <summary>
/// Serves GET /openapi/v3 and /openapi/v3/&lt;group-version&gt; from a generator the way
/// kube-apiserver does (spec §3): JSON only; an ETag on every document and 304 for a matching
/// If-None-Match (kubectl revalidates its HTTP cache with it); a request carrying the current
/// ?hash= is immutable, a stale hash is redirected (301) to the current one.
/// </summary>
public static class OpenApiEndpoint
{
    private const string Prefix = "/openapi/v3";

    /// <summary>Handles the request when its path is under /openapi/v3; returns false otherwise.</summary>
    public static async Task<bool> TryHandle(HttpContext context, OpenApiGenerator generator)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.Equals(Prefix, StringComparison.Ordinal) && !path.StartsWith(Prefix + "/", StringComparison.Ordinal)) return false;
        var response = context.Response;

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await Status(context, 405, "MethodNotAllowed", $"{context.Request.Method} is not supported on {path}");
            return true;
        }
        if (!AcceptsJson(context.Request.Headers.Accept.ToString()))
        {
            await Status(context, 406, "NotAcceptable", "only application/json is served for OpenAPI v3 documents");
            return true;
        }

        var groupVersion = path.Length > Prefix.Length ? path[(Prefix.Length + 1)..].Trim('/') : "";
        string json, hash;
        if (groupVersion.Length == 0)
        {
            json = generator.RootJson();
            hash = Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes(json)));
            response.Headers.CacheControl = "no-cache, private";
        }
        else if (generator.TryGetDocument(groupVersion, out json, out hash))
        {
            var requested = context.Request.Query["hash"].ToString();
            if (requested.Length > 0 && !requested.Equals(hash, StringComparison.OrdinalIgnoreCase))
            {
                response.StatusCode = StatusCodes.Status301MovedPermanently;
                response.Headers.Location = $"{Prefix}/{groupVersion}?hash={hash}";
                return true;
            }
            response.Headers.CacheControl = requested.Length > 0 ? "public, immutable" : "no-cache, private";
        }
        else
        {
            await Status(context, 404, "NotFound", "the server could not find the requested resource");
            return true;
        }

        var etag = $"\"{hash}\"";
        response.Headers.ETag = etag;
        response.Headers.Vary = "Accept";
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return true;
        }

        var body = Encoding.UTF8.GetBytes(json);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method)) await response.Body.WriteAsync(body, context.RequestAborted);
        return true;
    }

    // kubectl asks with "application/json"; a protobuf-only Accept cannot be served.
    private static bool AcceptsJson(string accept) =>
        string.IsNullOrWhiteSpace(accept) ||
        accept.Split(',').Select(a => a.Split(';')[0].Trim()).Any(a => a is "application/json" or "*/*" or "application/*");

    private static async Task Status(HttpContext context, int code, string reason, string message)
    {
        var body = Encoding.UTF8.GetBytes(
            $$"""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":{{System.Text.Json.JsonSerializer.Serialize(message)}},"reason":"{{reason}}","code":{{code}}}""");
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
