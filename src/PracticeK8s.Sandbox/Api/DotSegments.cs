using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PracticeK8s.Sandbox.Api;

/// <summary>
/// Kestrel decodes <c>%2e%2e</c> and then resolves dot segments, so <c>.../configmaps/%2e%2e</c> would reach
/// the namespace itself. The API server never resolves them: a request whose path, as sent, has a "." or ".."
/// segment (encoded or not) addresses nothing and is answered 404.
/// </summary>
public static class DotSegments
{
    public static bool InRawPath(HttpContext ctx)
    {
        var raw = ctx.Features.Get<IHttpRequestFeature>()?.RawTarget ?? ctx.Request.Path.Value ?? "";
        var query = raw.IndexOfAny(new[] { '?', '#' });
        if (query >= 0) raw = raw[..query];
        return raw.Split('/').Any(segment => Uri.UnescapeDataString(segment) is "." or "..");
    }
}
