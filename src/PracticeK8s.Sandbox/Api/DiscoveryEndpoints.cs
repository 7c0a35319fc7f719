using Microsoft.AspNetCore.Http;

namespace PracticeK8s.Sandbox.Api;

/// <summary>GET /api, /apis (legacy or aggregated by Accept), /api/v1, /apis/g, /apis/g/v; /openapi until generated.</summary>
public sealed class DiscoveryEndpoints(SandboxState state)
{
    public async Task<bool> TryHandle(HttpContext ctx, string[] s)
    {
        if (s.Length == 0 || s.Length > 3) return false;
        bool core = s[0] == "api", named = s[0] == "apis";
        if (!core && !named) return false;
        if (core && s.Length > 2) return false;
        if (ctx.Request.Method != "GET") throw ApiException.MethodNotAllowed(ctx.Request.Method, ctx.Request.Path);
        if (s.Length == 1)
        {
            var format = ResponseFormat.Negotiate(ctx.Request.Headers.Accept.ToString(), null, tableAllowed: false, discoveryAllowed: true);
            if (format.Kind == ResponseKind.DiscoveryV2)
            {
                ctx.Response.Headers.Vary = "Accept";
                await Respond.Json(ctx, 200, state.Discovery.Aggregated(core), MediaType.DiscoveryV2);
            }
            else await Respond.Json(ctx, 200, core ? state.Discovery.ApiVersions(state.ServerAddress) : state.Discovery.ApiGroupList());
            return true;
        }
        var doc = core
            ? (s[1] == "v1" ? state.Discovery.ResourceList("", "v1") : null)
            : s.Length == 2 ? state.Discovery.ApiGroup(s[1]) : state.Discovery.ResourceList(s[1], s[2]);
        if (doc is null) throw ApiException.PathNotFound();
        await Respond.Json(ctx, 200, doc);
        return true;
    }
}
