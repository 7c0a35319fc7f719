namespace PracticeK8s.Sandbox.OpenApi.Schemas;

/// <summary>
/// Upstream names schemas after the Go package of the type: io.k8s.api.core.v1.Pod,
/// io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta, io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON.
/// This maps API groups (and KubernetesClient's disambiguating class-name prefixes such as
/// "Corev1Event", "Eventsv1Event") to those package prefixes.
/// </summary>
internal static class GoPackages
{
    public const string Meta = "io.k8s.apimachinery.pkg.apis.meta";
    public const string Core = "io.k8s.api.core";

    /// <summary>The apimachinery meta/v1 types among KubernetesClient's "V1..." classes.</summary>
    public static readonly IReadOnlySet<string> MetaKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "APIGroup", "APIGroupList", "APIResource", "APIResourceList", "APIVersions", "Condition",
        "DeleteOptions", "FieldSelectorRequirement", "GroupVersionForDiscovery", "GroupVersionKind", "LabelSelector",
        "LabelSelectorRequirement", "ListMeta", "ManagedFieldsEntry", "ObjectMeta", "OwnerReference",
        "Patch", "Preconditions", "ServerAddressByClientCIDR", "Status", "StatusCause", "StatusDetails",
        "WatchEvent", "ShardInfo",
    };

    /// <summary>Core types that only other groups use (StorageClass.allowedTopologies), so reachability alone would misplace them.</summary>
    public static readonly IReadOnlySet<string> CoreKindsUsedOnlyElsewhere = new HashSet<string>(StringComparer.Ordinal)
    {
        "TopologySelectorTerm", "TopologySelectorLabelRequirement",
    };

    /// <summary>Package prefix of an API group: "" -> io.k8s.api.core, "apps" -> io.k8s.api.apps, ...</summary>
    public static string ForGroup(string group)
    {
        if (group.Length == 0) return Core;
        return group switch
        {
            "apiextensions.k8s.io" => "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions",
            "apiregistration.k8s.io" => "io.k8s.kube-aggregator.pkg.apis.apiregistration",
            "rbac.authorization.k8s.io" => "io.k8s.api.rbac",
            "flowcontrol.apiserver.k8s.io" => "io.k8s.api.flowcontrol",
            "internal.apiserver.k8s.io" => "io.k8s.api.apiserverinternal",
            _ when group.EndsWith(".k8s.io", StringComparison.Ordinal) => "io.k8s.api." + group.Split('.')[0],
            _ when !group.Contains('.') => "io.k8s.api." + group,
            // A custom resource group: upstream reverses the DNS name (stable.example.com -> com.example.stable).
            _ => string.Join('.', Enumerable.Reverse(group.Split('.'))),
        };
    }

    /// <summary>Package prefix for KubernetesClient's class-name prefix ("Core", "Events", "Apiextensions", ...).</summary>
    public static string ForClassPrefix(string prefix)
    {
        var package = prefix.ToLowerInvariant();
        return package switch
        {
            "core" => Core,
            "apiextensions" => ForGroup("apiextensions.k8s.io"),
            "apiregistration" => ForGroup("apiregistration.k8s.io"),
            _ => "io.k8s.api." + package,
        };
    }
}
