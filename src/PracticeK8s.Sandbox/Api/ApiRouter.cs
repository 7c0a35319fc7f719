using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Security;

namespace PracticeK8s.Sandbox.Api;

/// <summary>
/// Dispatches an authenticated request: discovery documents, or a resource URL mapped to its
/// verb (get/list/watch/create/update/patch/delete/deletecollection), authorized, then handled.
/// Every failure leaves as a Status object.
/// </summary>
public sealed class ApiRouter(SandboxState state, ILogger<ApiRouter> log)
{
    private readonly ReadHandler _read = new(state);
    private readonly WatchHandler _watch = new(state);
    private readonly CreateHandler _create = new(state);
    private readonly UpdateHandler _update = new(state);
    private readonly PatchHandler _patch = new(state);
    private readonly DeleteHandler _delete = new(state);
    private readonly ReviewHandler _review = new(state);
    private readonly BindingHandler _binding = new(state);
    private readonly DiscoveryEndpoints _discovery = new(state);
    private readonly PodLogHandler _log = new(state);
    private readonly PodExecHandler _exec = new(state);
    private readonly PortForward.PortForwardHandler _portForward = new(state);
    private readonly EvictionHandler _eviction = new(state);

    public async Task Handle(HttpContext ctx, UserInfo user)
    {
        try
        {
            if (DotSegments.InRawPath(ctx)) throw ApiException.PathNotFound();
            if (await OpenApi.OpenApiEndpoint.TryHandle(ctx, state.OpenApi)) return;
            var segments = ctx.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (await _discovery.TryHandle(ctx, segments)) return;
            RequestTarget? target = null;
            if (segments.Length >= 3 && segments[0] == "api" && segments[1] == "v1")
                target = RequestTarget.Parse(state.Registry, "", "v1", segments[2..]);
            else if (segments.Length >= 4 && segments[0] == "apis")
                target = RequestTarget.Parse(state.Registry, segments[1], segments[2], segments[3..]);
            if (target is null) throw ApiException.PathNotFound();
            await HandleResource(ctx, user, target);
        }
        catch (ApiException e)
        {
            if (!ctx.Response.HasStarted) await Respond.Error(ctx, e);
            if (e.Code == 413) await RequestBody.DiscardRestAsync(ctx);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested) { }
        catch (Exception e)
        {
            log.LogError(e, "{Method} {Path} failed", ctx.Request.Method, ctx.Request.Path);
            if (!ctx.Response.HasStarted) await Respond.Error(ctx, ApiException.Internal(e.Message));
        }
    }

    private async Task HandleResource(HttpContext ctx, UserInfo user, RequestTarget t)
    {
        var method = ctx.Request.Method;
        var isWatch = QueryBoolean.Parse(ctx.Request.Query["watch"]);
        var verb = (method, t.Name, t.Subresource) switch
        {
            ("GET", null, _) => isWatch ? "watch" : "list",
            ("GET", _, _) => "get",
            ("POST", null, _) => "create",
            ("POST", _, not null) => "create",
            ("PUT", not null, _) => "update",
            ("PATCH", not null, _) => "patch",
            ("DELETE", null, _) => "deletecollection",
            ("DELETE", not null, null) => "delete",
            _ => throw ApiException.MethodNotAllowed(method, t.Resource.QualifiedResource),
        };
        var def = t.Resource;
        if (t.Subresource is { } subName)
        {
            var sub = def.Subresource(subName) ?? throw ApiException.PathNotFound();
            if (!sub.Verbs.Contains(verb)) throw ApiException.MethodNotAllowed(verb, $"{def.QualifiedResource}/{subName}");
        }
        else if (!def.Verbs.Contains(verb)) throw ApiException.MethodNotAllowed(verb, def.QualifiedResource);

        if (!Authorizer.Allows(user, verb, def.Group, def.Plural, t.Subresource))
            throw ApiException.Forbidden(Authorizer.DenialMessage(user, verb, def.Group, def.Plural, t.Subresource, t.Name, t.Namespace));

        var r = new ApiRequest(ctx, user, t, verb);
        switch (verb, t.Subresource)
        {
            case ("get", "log"): await _log.Get(r); break;
            case ("get" or "create", "exec"): await _exec.Handle(r, attach: false); break;
            case ("get" or "create", "attach"): await _exec.Handle(r, attach: true); break;
            case ("get" or "create", "portforward"): await _portForward.Handle(r); break;
            case ("get", "scale"): await Respond.Json(ctx, 200, Scale.Get(state, def, r.Namespace, r.Name)); break;
            case ("get", null or "status" or "ephemeralcontainers"): await _read.Get(r); break;
            case ("list", _): await _read.List(r); break;
            case ("watch", _): await _watch.Watch(r); break;
            case ("create", null) when def.CreateOnly: await _review.Create(r); break;
            case ("create", null): await _create.Create(r); break;
            case ("create", "binding"): await _binding.Bind(r); break;
            case ("create", "eviction"): await _eviction.Evict(r); break;
            case ("update", _): await _update.Update(r); break;
            case ("patch", _): await _patch.Patch(r); break;
            case ("delete", _): await _delete.Delete(r); break;
            case ("deletecollection", _): await _delete.DeleteCollection(r); break;
            default: throw ApiException.MethodNotAllowed(verb, $"{def.QualifiedResource}/{t.Subresource}");
        }
    }
}
