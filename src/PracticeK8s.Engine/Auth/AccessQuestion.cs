using PracticeK8s.Engine.Resources;

namespace PracticeK8s.Engine.Auth;

/// <summary>
/// What <c>kubectl auth can-i VERB (TYPE[/NAME] | NONRESOURCEURL)</c> asks: a verb on a resource (group,
/// resource, subresource, name, namespace) or on a non-resource URL (a path starting with "/").
/// </summary>
public sealed record AccessQuestion
{
    public required string Verb { get; init; }
    public string Group { get; init; } = "";
    public string Resource { get; init; } = "";
    public string Subresource { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>The namespace asked about (kubectl sends the current one for cluster-scoped resources too); "" means all namespaces (-A).</summary>
    public string Namespace { get; init; } = "";
    /// <summary>A non-resource URL ("/logs", "/healthz"); null for a resource question.</summary>
    public string? NonResourceUrl { get; init; }

    /// <summary>kubectl's verbs for resources: another is asked all the same, with a warning.</summary>
    public static IReadOnlyList<string> ResourceVerbs => s_resourceVerbs;

    private static readonly string[] s_resourceVerbs =
        ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "use", "bind", "impersonate", "*", "approve", "sign", "escalate", "attest"];
    private static readonly string[] s_nonResourceVerbs = ["get", "put", "post", "head", "options", "delete", "patch", "*"];

    /// <summary>
    /// Builds the question as kubectl does: "TYPE/NAME" splits; the type resolves through discovery
    /// (short names, kinds, "deployments.apps"), and an unknown one is asked as typed with kubectl's
    /// warning; "*" stays "*". Warnings go to <paramref name="warn"/>.
    /// </summary>
    public static AccessQuestion Resolve(IReadOnlyList<ResourceKind> resources, string verb, string what, string? name, string? subresource,
        string? ns, bool allNamespaces, Action<string> warn)
    {
        if (what.StartsWith('/'))
        {
            if (!s_nonResourceVerbs.Contains(verb))
                warn($"verb '{verb}' is not a known verb");
            return new AccessQuestion { Verb = verb, NonResourceUrl = what };
        }
        var slash = what.IndexOf('/');
        if (slash >= 0)
        {
            name = what[(slash + 1)..];
            what = what[..slash];
        }
        string group = "", resource = what;
        if (what != "*")
        {
            var found = Discovery.Match(resources, what);
            if (found.Count > 0)
            {
                group = found[0].Group;
                resource = found[0].Plural;
            }
            else
            {
                warn($"the server doesn't have a resource type '{what}'");
                var dot = what.IndexOf('.');
                if (dot > 0)
                {
                    resource = what[..dot];
                    group = what[(dot + 1)..];
                }
            }
        }
        // kubectl warns about the type first, then the verb.
        if (!s_resourceVerbs.Contains(verb))
            warn($"verb '{verb}' is not a known verb");
        return new AccessQuestion
        {
            Verb = verb,
            Group = group,
            Resource = resource,
            Subresource = subresource ?? "",
            Name = name ?? "",
            Namespace = allNamespaces ? "" : ns ?? "",
        };
    }

    /// <summary>The resource as kubectl names it in messages: "pods", "deployments.apps", "pods/log", or the URL.</summary>
    public override string ToString() =>
        NonResourceUrl ?? (Group.Length == 0 ? Resource : $"{Resource}.{Group}") + (Subresource.Length > 0 ? "/" + Subresource : "")
            + (Name.Length > 0 ? $" {Name}" : "");
}
