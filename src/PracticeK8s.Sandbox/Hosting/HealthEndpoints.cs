using Microsoft.AspNetCore.Http;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Discovery;

namespace PracticeK8s.Sandbox.Hosting;

/// <summary>The anonymous endpoints: /version and the health checks (plain "ok").</summary>
public static class HealthEndpoints
{
    public static async Task Handle(HttpContext ctx)
    {
        if (ctx.Request.Path == "/version")
        {
            await Respond.Json(ctx, 200, VersionInfo.Document());
            return;
        }
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "text/plain; charset=utf-8";
        await ctx.Response.WriteAsync("ok");
    }
}
