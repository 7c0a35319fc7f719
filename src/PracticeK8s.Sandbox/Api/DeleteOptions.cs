using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Api;

/// <summary>DeleteOptions from the body (kubectl always sends one) and/or the query string.</summary>
public sealed record DeleteOptions(long? GracePeriodSeconds, string? PropagationPolicy, string? PreconditionUid,
    string? PreconditionResourceVersion, bool DryRun)
{
    public static async Task<DeleteOptions> ReadAsync(ApiRequest r)
    {
        JsonObject? body = null;
        if (r.Http.Request.ContentLength is > 0 || r.Http.Request.Headers.TransferEncoding.Count > 0)
        {
            var text = await RequestBody.ReadTextAsync(r.Http.Request, r.Aborted);
            if (!string.IsNullOrWhiteSpace(text))
                body = (MediaType.Parse(r.Http.Request.ContentType)?.Type is MediaType.Yaml ? YamlToJson.Convert(text) : RequestBody.ParseJson(text)) as JsonObject;
        }
        var grace = body.Long("gracePeriodSeconds") ?? r.QueryLong("gracePeriodSeconds");
        var policy = body.Str("propagationPolicy") ?? r.QueryString("propagationPolicy");
        if (policy is null && (body.Bool("orphanDependents") ?? (r.Query.ContainsKey("orphanDependents") ? r.QueryBool("orphanDependents") : null)) is { } orphan)
            policy = orphan ? "Orphan" : "Background";
        if (policy is not (null or "Background" or "Foreground" or "Orphan"))
            throw ApiException.Invalid("DeleteOptions.meta.k8s.io", "", "meta.k8s.io", "DeleteOptions",
                new[] { new StatusCause("FieldValueNotSupported", $"Unsupported value: \"{policy}\": supported values: \"Foreground\", \"Background\", \"Orphan\"", "propagationPolicy") });
        if (grace is < 0) grace = 0;
        var dry = body?["dryRun"] is JsonArray da ? da.Any(d => d?.GetValue<string>() == "All") : r.QueryString("dryRun") == "All";
        var pre = body.Obj("preconditions");
        return new DeleteOptions(grace, policy, pre.Str("uid"), pre.Str("resourceVersion"), dry);
    }
}
