using Microsoft.AspNetCore.Http;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Security;

namespace PracticeK8s.Sandbox.Api;

/// <summary>One resource request, parsed: who, what (target), and the verb it maps to.</summary>
public sealed class ApiRequest(HttpContext http, UserInfo user, RequestTarget target, string verb)
{
    public HttpContext Http { get; } = http;
    public UserInfo User { get; } = user;
    public RequestTarget Target { get; } = target;
    public string Verb { get; } = verb;
    public ResourceDefinition Def => Target.Resource;
    public string Namespace => Target.Namespace ?? "";
    public string Name => Target.Name ?? "";
    public IQueryCollection Query => Http.Request.Query;
    public CancellationToken Aborted => Http.RequestAborted;

    public string? QueryString(string key) => Query.TryGetValue(key, out var v) && v.ToString().Length > 0 ? v.ToString() : null;

    /// <summary>A boolean parameter, read as the API server reads one (<see cref="QueryBoolean"/>).</summary>
    public bool QueryBool(string key) => QueryBoolean.Parse(Query[key]);

    public long? QueryLong(string key)
    {
        var s = QueryString(key);
        if (s is null) return null;
        return long.TryParse(s, out var l) ? l : throw ApiException.BadRequest($"invalid value for {key}: \"{s}\"");
    }
}
