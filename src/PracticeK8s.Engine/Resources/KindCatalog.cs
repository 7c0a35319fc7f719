using k8s.Models;
using PracticeK8s.Engine.Describe;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Printing.Catalog;

namespace PracticeK8s.Engine.Resources;

/// <summary>
/// The kinds the module knows without asking the server, one entry each (see <see cref="KindEntry"/>),
/// named as the shared <see cref="BuiltinKinds"/> names them (the sandbox serves the same list);
/// every other kind is read from discovery and gets an entry with the defaults. Adding a built-in
/// kind is one entry here plus its printer (and describer) in the printing library; a kind can also
/// be added at run time (<see cref="Add"/>).
/// </summary>
public static class KindCatalog
{
    public static readonly KindEntry Namespace = new(ResourceKind.Of(BuiltinKinds.Namespace))
        { ApplyRank = 0, DeleteImpact = DeleteImpact.Dangerous, Piped = PipedScope.IsNamespace, Events = DescribeEvents.None, Related = RelatedPlans.QuotasAndLimits };
    public static readonly KindEntry Pod = new(ResourceKind.Of(BuiltinKinds.Pod))
        { Events = DescribeEvents.OfObjectWithoutKind };
    public static readonly KindEntry Service = new(ResourceKind.Of(BuiltinKinds.Service))
        { Selector = SelectorAccessors.OfMap<V1Service>(s => s.Spec?.Selector), Related = RelatedPlans.EndpointSlicesOfService };
    public static readonly KindEntry Endpoints = new(ResourceKind.Of(BuiltinKinds.Endpoints));
    public static readonly KindEntry Node = new(ResourceKind.Of(BuiltinKinds.Node))
        { DeleteImpact = DeleteImpact.Dangerous, Piped = PipedScope.HostsPods, Events = DescribeEvents.OfObjectAndName, Related = RelatedPlans.PodsAndLeaseOfNode };
    public static readonly KindEntry PersistentVolume = new(ResourceKind.Of(BuiltinKinds.PersistentVolume))
        { DeleteImpact = DeleteImpact.Dangerous };
    public static readonly KindEntry PersistentVolumeClaim = new(ResourceKind.Of(BuiltinKinds.PersistentVolumeClaim))
        { DeleteImpact = DeleteImpact.Dangerous, Related = RelatedPlans.PodsOfNamespace };
    public static readonly KindEntry ConfigMap = new(ResourceKind.Of(BuiltinKinds.ConfigMap));
    public static readonly KindEntry Secret = new(ResourceKind.Of(BuiltinKinds.Secret));
    public static readonly KindEntry ServiceAccount = new(ResourceKind.Of(BuiltinKinds.ServiceAccount))
        { Related = RelatedPlans.SecretsOfNamespace };
    public static readonly KindEntry Event = new(ResourceKind.Of(BuiltinKinds.Event));
    public static readonly KindEntry Deployment = new(ResourceKind.Of(BuiltinKinds.Deployment))
        { Selector = SelectorAccessors.Of<V1Deployment>(d => d.Spec?.Selector), Related = RelatedPlans.ReplicaSetsBySelector };
    public static readonly KindEntry ReplicaSet = new(ResourceKind.Of(BuiltinKinds.ReplicaSet))
        { Selector = SelectorAccessors.Of<V1ReplicaSet>(r => r.Spec?.Selector), Related = RelatedPlans.PodsBySelector };
    public static readonly KindEntry DaemonSet = new(ResourceKind.Of(BuiltinKinds.DaemonSet))
        { Selector = SelectorAccessors.Of<V1DaemonSet>(d => d.Spec?.Selector), Related = RelatedPlans.PodsBySelector };
    public static readonly KindEntry StatefulSet = new(ResourceKind.Of(BuiltinKinds.StatefulSet))
        { Selector = SelectorAccessors.Of<V1StatefulSet>(s => s.Spec?.Selector), Related = RelatedPlans.PodsBySelector };
    public static readonly KindEntry Job = new(ResourceKind.Of(BuiltinKinds.Job))
        { Selector = SelectorAccessors.Of<V1Job>(j => j.Spec?.Selector) };
    public static readonly KindEntry CronJob = new(ResourceKind.Of(BuiltinKinds.CronJob));
    public static readonly KindEntry Ingress = new(ResourceKind.Of(BuiltinKinds.Ingress))
        { Related = RelatedPlans.BackendsOfIngress };
    public static readonly KindEntry IngressClass = new(ResourceKind.Of(BuiltinKinds.IngressClass));
    public static readonly KindEntry PodDisruptionBudget = new(ResourceKind.Of(BuiltinKinds.PodDisruptionBudget))
        { Selector = SelectorAccessors.Of<V1PodDisruptionBudget>(p => p.Spec?.Selector) };
    public static readonly KindEntry StorageClass = new(ResourceKind.Of(BuiltinKinds.StorageClass));
    public static readonly KindEntry CustomResourceDefinition =
        new(ResourceKind.Of(BuiltinKinds.CustomResourceDefinition))
        { ApplyRank = 1, DeleteImpact = DeleteImpact.Dangerous };

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
