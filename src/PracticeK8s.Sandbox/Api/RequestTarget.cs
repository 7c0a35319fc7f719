using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Api;

/// <summary>
/// What a resource URL addresses: <c>/api/v1/namespaces/ns/pods/p/status</c> →
/// (pods, ns, p, status). Null namespace = cluster-scoped kind, or all namespaces.
/// </summary>
public sealed record RequestTarget(ResourceDefinition Resource, string? Namespace, string? Name, string? Subresource)
{
    /// <summary>Parses the segments after <c>/api/v1</c> or <c>/apis/g/v</c>. Null when nothing matches.</summary>
    public static RequestTarget? Parse(ResourceRegistry registry, string group, string version, IReadOnlyList<string> s)
    {
        if (s.Count == 0) return null;
        // /namespaces/{ns}/{resource}[/{name}[/{sub}]] unless it is the namespace's own subresource.
        if (s[0] == "namespaces" && s.Count >= 3 && !(s.Count == 3 && s[2] is "status" or "finalize"))
        {
            var def = registry.Find(group, version, s[2]);
            if (def is null || !def.Namespaced || s.Count > 5) return null;
            return new RequestTarget(def, s[1], s.Count > 3 ? s[3] : null, s.Count > 4 ? s[4] : null);
        }
        var r = registry.Find(group, version, s[0]);
        if (r is null || s.Count > 3) return null;
        if (r.Namespaced && s.Count > 1) return null; // a namespaced object needs its namespace in the path
        return new RequestTarget(r, null, s.Count > 1 ? s[1] : null, s.Count > 2 ? s[2] : null);
    }
}
