using k8s.Models;
using PracticeK8s.Engine.Describe;
using PracticeK8s.Engine.Objects;

namespace PracticeK8s.Engine.Resources;

/// <summary>
/// The kinds the module knows without asking the server, one entry each (see <see cref="KindEntry"/>);
/// every other kind is read from discovery and gets an entry with the defaults. Adding a built-in
/// kind is one entry here plus its printer (and describer) in the printing library; a kind can also
/// be added at run time (<see cref="Add"/>).
/// </summary>
public static class KindCatalog
{
    public static readonly KindEntry Namespace = new(new("", "v1", "Namespace", "namespaces", false) { ShortNames = ["ns"] })
        { DeleteImpact = DeleteImpact.Dangerous, Piped = PipedScope.IsNamespace, Events = DescribeEvents.None, Related = RelatedPlans.QuotasAndLimits };
    public static readonly KindEntry Pod = new(new("", "v1", "Pod", "pods", true) { ShortNames = ["po"], Categories = ["all"] })
        { Events = DescribeEvents.OfObjectWithoutKind };
    public static readonly KindEntry Service = new(new("", "v1", "Service", "services", true) { ShortNames = ["svc"], Categories = ["all"] })
        { Selector = SelectorAccessors.OfMap<V1Service>(s => s.Spec?.Selector), Related = RelatedPlans.EndpointSlicesOfService };
    public static readonly KindEntry Endpoints = new(new("", "v1", "Endpoints", "endpoints", true) { Singular = "endpoints", ShortNames = ["ep"] });
    public static readonly KindEntry Node = new(new("", "v1", "Node", "nodes", false) { ShortNames = ["no"] })
        { DeleteImpact = DeleteImpact.Dangerous, Piped = PipedScope.HostsPods, Events = DescribeEvents.OfObjectAndName, Related = RelatedPlans.PodsAndLeaseOfNode };
    public static readonly KindEntry PersistentVolume = new(new("", "v1", "PersistentVolume", "persistentvolumes", false) { ShortNames = ["pv"] })
        { DeleteImpact = DeleteImpact.Dangerous };
    public static readonly KindEntry PersistentVolumeClaim = new(new("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true) { ShortNames = ["pvc"] })
        { DeleteImpact = DeleteImpact.Dangerous, Related = RelatedPlans.PodsOfNamespace };
    public static readonly KindEntry ConfigMap = new(new("", "v1", "ConfigMap", "configmaps", true) { ShortNames = ["cm"] });
    public static readonly KindEntry Secret = new(new("", "v1", "Secret", "secrets", true));
    public static readonly KindEntry ServiceAccount = new(new("", "v1", "ServiceAccount", "serviceaccounts", true) { ShortNames = ["sa"] })
        { Related = RelatedPlans.SecretsOfNamespace };
    public static readonly KindEntry Event = new(new("", "v1", "Event", "events", true) { ShortNames = ["ev"] });
    public static readonly KindEntry Deployment = new(new("apps", "v1", "Deployment", "deployments", true) { ShortNames = ["deploy"], Categories = ["all"] })
        { Selector = SelectorAccessors.Of<V1Deployment>(d => d.Spec?.Selector), Related = RelatedPlans.ReplicaSetsBySelector };
    public static readonly KindEntry ReplicaSet = new(new("apps", "v1", "ReplicaSet", "replicasets", true) { ShortNames = ["rs"], Categories = ["all"] })
        { Selector = SelectorAccessors.Of<V1ReplicaSet>(r => r.Spec?.Selector), Related = RelatedPlans.PodsBySelector };
    public static readonly KindEntry DaemonSet = new(new("apps", "v1", "DaemonSet", "daemonsets", true) { ShortNames = ["ds"], Categories = ["all"] })
        { Selector = SelectorAccessors.Of<V1DaemonSet>(d => d.Spec?.Selector), Related = RelatedPlans.PodsBySelector };
    public static readonly KindEntry StatefulSet = new(new("apps", "v1", "StatefulSet", "statefulsets", true) { ShortNames = ["sts"], Categories = ["all"] })
        { Selector = SelectorAccessors.Of<V1StatefulSet>(s => s.Spec?.Selector), Related = RelatedPlans.PodsBySelector };
    public static readonly KindEntry Job = new(new("batch", "v1", "Job", "jobs", true) { Categories = ["all"] })
        { Selector = SelectorAccessors.Of<V1Job>(j => j.Spec?.Selector) };
    public static readonly KindEntry CronJob = new(new("batch", "v1", "CronJob", "cronjobs", true) { ShortNames = ["cj"], Categories = ["all"] });
    public static readonly KindEntry Ingress = new(new("networking.k8s.io", "v1", "Ingress", "ingresses", true) { ShortNames = ["ing"] })
        { Related = RelatedPlans.BackendsOfIngress };
    public static readonly KindEntry IngressClass = new(new("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false));
    public static readonly KindEntry PodDisruptionBudget = new(new("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true) { ShortNames = ["pdb"] })
        { Selector = SelectorAccessors.Of<V1PodDisruptionBudget>(p => p.Spec?.Selector) };
    public static readonly KindEntry StorageClass = new(new("storage.k8s.io", "v1", "StorageClass", "storageclasses", false) { ShortNames = ["sc"] });
    public static readonly KindEntry CustomResourceDefinition =
        new(new("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false) { ShortNames = ["crd", "crds"] })
        { DeleteImpact = DeleteImpact.Dangerous };

    private static readonly object s_gate = new();
    private static readonly KindEntry[] s_builtin =
    [
        Namespace, Pod, Service, Endpoints, Node, PersistentVolume, PersistentVolumeClaim, ConfigMap, Secret, ServiceAccount, Event,
        Deployment, ReplicaSet, DaemonSet, StatefulSet, Job, CronJob, Ingress, IngressClass, PodDisruptionBudget, StorageClass,
        CustomResourceDefinition,
    ];
    private static volatile KindEntry[] s_entries = s_builtin;

    /// <summary>Every entry: the built-in kinds, then those added at run time.</summary>
    public static IReadOnlyList<KindEntry> Entries => s_entries;

    /// <summary>The resources of every entry (what the typed cmdlets and manifests resolve without discovery).</summary>
    public static IReadOnlyList<ResourceKind> All => s_entries.Select(e => e.Resource).ToArray();

    /// <summary>Adds a kind, or replaces the entry of the same group and kind.</summary>
    public static void Add(KindEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (s_gate)
            s_entries = [.. s_entries.Where(e => !e.Is(entry.Resource.Group, entry.Resource.Kind)), entry];
    }

    /// <summary>Removes an added kind (built-in kinds stay); true when there was one.</summary>
    public static bool Remove(string group, string kind)
    {
        lock (s_gate)
        {
            var kept = s_entries.Where(e => !e.Is(group, kind) || s_builtin.Contains(e)).ToArray();
            var removed = kept.Length < s_entries.Length;
            s_entries = kept;
            return removed;
        }
    }

    /// <summary>The entry of a resource: the catalog's, else defaults for a kind only discovery knows.</summary>
    public static KindEntry For(ResourceKind kind) => Find(kind.Group, kind.Kind) ?? new KindEntry(kind);

    /// <summary>The entry of a group ("" for core) and kind, matched case-insensitively; null when the catalog does not know it.</summary>
    public static KindEntry? Find(string group, string kind) => s_entries.FirstOrDefault(e => e.Is(group, kind));

    /// <summary>The resource of a kind by apiVersion ("apps/v1") or group ("apps").</summary>
    public static ResourceKind? ForKind(string apiVersionOrGroup, string kind) =>
        s_entries.FirstOrDefault(e => string.Equals(e.Resource.Kind, kind, StringComparison.OrdinalIgnoreCase)
            && (e.Resource.ApiVersion == apiVersionOrGroup || e.Resource.Group == apiVersionOrGroup))?.Resource;

    /// <summary>The entry of a model class or of a class derived from one (the module's pipeline objects).</summary>
    public static KindEntry? ForModel(Type type)
    {
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var entry in s_entries)
            {
                if (entry.Model == t)
                    return entry;
            }
        }
        return null;
    }

    /// <summary>The entry of an object: by its model class, else by its apiVersion and kind (generic and piped JSON objects).</summary>
    public static KindEntry? Of(object? value)
    {
        var model = value is System.Management.Automation.PSObject ps ? ps.BaseObject : value;
        if (model is not null && ForModel(model.GetType()) is { } typed)
            return typed;
        var facts = ObjectFacts.Of(value);
        if (facts?.Kind is not { } kind)
            return null;
        return facts.ApiVersion is null
            ? s_entries.FirstOrDefault(e => string.Equals(e.Resource.Kind, kind, StringComparison.OrdinalIgnoreCase))
            : Find(facts.Group, kind);
    }
}
