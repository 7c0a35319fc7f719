using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PracticeK8s.Sandbox.Api;

/// <summary>Writing JSON answers, Status errors and warnings.</summary>
public static class Respond
{
    public const string JsonContentType = "application/json";

    public static Task Json(HttpContext ctx, int status, JsonNode body, string contentType = JsonContentType) =>
        Bytes(ctx, status, Storage.JsonOutput.Bytes(body), contentType);

    public static async Task Bytes(HttpContext ctx, int status, byte[] body, string contentType = JsonContentType)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = body.Length;
        await ctx.Response.Body.WriteAsync(body, ctx.RequestAborted);
    }

    public static Task Error(HttpContext ctx, ApiException e)
    {
        if (e.RetryAfterSeconds is > 0) ctx.Response.Headers["Retry-After"] = e.RetryAfterSeconds.ToString();
        return Json(ctx, e.Code, e.ToStatus());
    }

    /// <summary>Adds <c>Warning: 299 - "text"</c> headers (kubectl prints them as <c>Warning: text</c>).</summary>
    public static void Warnings(HttpContext ctx, IEnumerable<string> warnings)
    {
        foreach (var w in warnings)
            ctx.Response.Headers.Append("Warning", $"299 - \"{w.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"");
    }

    /// <summary>A Status of success (deletes of some kinds, evictions).</summary>
    public static JsonObject SuccessStatus(string? name = null, string? group = null, string? kind = null, string? uid = null)
    {
        var details = new JsonObject();
        if (name is not null) details["name"] = name;
        if (!string.IsNullOrEmpty(group)) details["group"] = group;
        if (kind is not null) details["kind"] = kind;
        if (uid is not null) details["uid"] = uid;
        return new JsonObject
        {
            ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Success",
            ["details"] = details,
        };
    }
}
