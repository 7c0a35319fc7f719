namespace PracticeK8s.Sandbox.OpenApi;

/// <summary>
/// One served resource as the OpenAPI generator sees it. <paramref name="Group"/> is "" for the
/// core group; <paramref name="Verbs"/> are discovery verbs (get, list, watch, create, update,
/// patch, delete, deletecollection); <paramref name="Subresources"/> are names such as "status",
/// "scale", "log", "exec", "eviction". <paramref name="ModelType"/> is the KubernetesClient model
/// class (k8s.Models.V1Pod, ...), or null for a custom resource whose schema comes from its CRD.
/// </summary>
public sealed record OpenApiResource(string Group, string Version, string Kind, string Plural,
    bool Namespaced, IReadOnlyList<string> Verbs, IReadOnlyList<string> Subresources, Type? ModelType)
{
    /// <summary>"api/v1" for the core group, "apis/&lt;group&gt;/&lt;version&gt;" otherwise.</summary>
    public string GroupVersionPath => GroupVersionNames.Of(Group, Version);

    public bool Has(string verb) => Verbs.Contains(verb, StringComparer.Ordinal);
}

/// <summary>The "api/v1" / "apis/apps/v1" spelling of a group-version, as /openapi/v3 lists it.</summary>
public static class GroupVersionNames
{
    public static string Of(string group, string version) =>
        group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";

    public static string ApiVersion(string group, string version) =>
        group.Length == 0 ? version : $"{group}/{version}";
}
