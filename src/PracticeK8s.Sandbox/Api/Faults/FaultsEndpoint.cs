using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PracticeK8s.Sandbox.Security;

namespace PracticeK8s.Sandbox.Api.Faults;

/// <summary>
/// The admin-only endpoint tests use to inject faults: <c>GET /practicek8s/faults</c> lists the rules,
/// <c>POST</c> adds one (a <see cref="FaultRule"/> as JSON; answers it with its id), <c>DELETE</c> removes
/// all, <c>DELETE /practicek8s/faults/{id}</c> one.
/// </summary>
public static class FaultsEndpoint
{
    public const string Path = "/practicek8s/faults";

    public static bool Matches(HttpRequest request) =>
        request.Path.StartsWithSegments(Path, StringComparison.Ordinal);

    public static async Task Handle(HttpContext ctx, UserInfo user, FaultInjector faults)
    {
        if (!user.CanWrite)
        {
            await Respond.Error(ctx, ApiException.Forbidden($"User \"{user.Name}\" cannot manage faults"));
            return;
        }
        var rest = ctx.Request.Path.Value![Path.Length..].Trim('/');
        switch (ctx.Request.Method, rest.Length == 0)
        {
            case ("GET", true):
                await Respond.Json(ctx, 200, List(faults));
                break;
            case ("POST", true):
            {
                FaultRule? rule;
                try { rule = await JsonSerializer.DeserializeAsync<FaultRule>(ctx.Request.Body, cancellationToken: ctx.RequestAborted); }
                catch (JsonException e) { await Respond.Error(ctx, ApiException.BadRequest($"invalid fault rule: {e.Message}")); return; }
                if (rule is null || rule.Validate() is { } problem)
                {
                    await Respond.Error(ctx, ApiException.BadRequest($"invalid fault rule: {(rule is null ? "empty body" : rule.Validate())}"));
                    return;
                }
                await Respond.Json(ctx, 201, JsonSerializer.SerializeToNode(faults.Add(rule))!);
                break;
            }
            case ("DELETE", true):
                faults.Clear();
                await Respond.Json(ctx, 200, List(faults));
                break;
            case ("DELETE", false):
                if (!faults.Remove(rest)) { await Respond.Error(ctx, ApiException.NotFound("faults", rest)); return; }
                await Respond.Json(ctx, 200, List(faults));
                break;
            default:
                await Respond.Error(ctx, ApiException.MethodNotAllowed(ctx.Request.Method, "faults"));
                break;
        }
    }

    private static JsonObject List(FaultInjector faults) => new()
    {
        ["rules"] = JsonSerializer.SerializeToNode(faults.Rules),
    };
}
