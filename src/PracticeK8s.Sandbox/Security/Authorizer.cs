namespace PracticeK8s.Sandbox.Security;

/// <summary>
/// The sandbox's whole RBAC: the admin may do anything; the read-only user may read
/// (get/list/watch) everything but secrets, as Kubernetes' "view" role, and ask about itself
/// (self-subject reviews), nothing else. A service account has what an unbound one has on a real
/// cluster (system:basic-user, system:discovery): discovery and self reviews only.
/// </summary>
public static class Authorizer
{
    private static readonly HashSet<string> ReadVerbs = new(StringComparer.Ordinal) { "get", "list", "watch" };

    private static readonly HashSet<string> SelfReviewResources = new(StringComparer.Ordinal)
    {
        "authorization.k8s.io/selfsubjectaccessreviews",
        "authorization.k8s.io/selfsubjectrulesreviews",
        "authentication.k8s.io/selfsubjectreviews",
    };

    public static bool Allows(UserInfo user, string verb, string group, string resource, string? subresource)
    {
        if (user.CanWrite) return true;
        if (user.IsServiceAccount) return verb == "create" && SelfReviewResources.Contains($"{group}/{resource}");
        if (ReadVerbs.Contains(verb) && subresource is not ("exec" or "attach" or "portforward" or "proxy")
            && !(group.Length == 0 && resource == "secrets")) return true;
        return verb == "create" && SelfReviewResources.Contains($"{group}/{resource}");
    }

    public static IReadOnlyList<string> VerbsAllowed(UserInfo user) =>
        user.CanWrite ? new[] { "*" } : user.IsServiceAccount ? Array.Empty<string>() : new[] { "get", "list", "watch" };

    /// <summary>The upstream wording of an RBAC denial.</summary>
    public static string DenialMessage(UserInfo user, string verb, string group, string resource, string? subresource, string? name, string? ns)
    {
        var qualified = group.Length == 0 ? resource : $"{resource}.{group}";
        var full = subresource is null ? resource : $"{resource}/{subresource}";
        var subject = name is null ? qualified : $"{qualified} \"{name}\"";
        var scope = ns is null ? "at the cluster scope" : $"in the namespace \"{ns}\"";
        return $"{subject} is forbidden: User \"{user.Name}\" cannot {verb} resource \"{full}\" in API group \"{group}\" {scope}";
    }
}
