namespace PracticeK8s.Sandbox.Api;

/// <summary>PATCH (json, merge, strategic merge) — waits for the shared patch library (PracticeK8s.Merge).</summary>
public sealed class PatchHandler(SandboxState state)
{
    public Task Patch(ApiRequest r) =>
        throw ApiException.UnsupportedMediaType(r.Http.Request.ContentType ?? "", Array.Empty<string>());
}
