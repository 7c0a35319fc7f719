using k8s.Models;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Presentation;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Printing;

namespace PracticeK8s.Engine.Describe;

/// <summary>Reads what describe needs besides an object and its events; returns <paramref name="input"/> with it added.</summary>
public delegate Task<DescribeInput> RelatedFetchPlan(RelatedReader reader, DescribeInput input, CancellationToken cancel);

/// <summary>The related-object reads of kubectl describe, one per shape; the kind catalog names one per kind.</summary>
public static class RelatedPlans
{
    private static readonly ResourceKind Leases = new("coordination.k8s.io", "v1", "Lease", "leases", true);
    private static readonly ResourceKind EndpointSlices = new("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true);
    private static readonly ResourceKind ResourceQuotas = new("", "v1", "ResourceQuota", "resourcequotas", true);
    private static readonly ResourceKind LimitRanges = new("", "v1", "LimitRange", "limitranges", true);

    private static string? Namespace(DescribeInput input) => ObjectFacts.Of(input.Resource)?.Namespace;

    private static string? Name(DescribeInput input) => ObjectFacts.Of(input.Resource)?.Name;

    /// <summary>A deployment's replica sets: listed with its selector.</summary>
    public static RelatedFetchPlan ReplicaSetsBySelector { get; } = async (reader, input, cancel) => input with
    {
        ReplicaSets = await reader.ListAsync<V1ReplicaSet>(KindCatalog.ReplicaSet, Namespace(input), ObjectCells.LabelSelector(input.Resource), null, cancel)
            .ConfigureAwait(false),
    };

    /// <summary>The pods a workload selects (replica sets, daemon sets, stateful sets; any kind with a selector).</summary>
    public static RelatedFetchPlan PodsBySelector { get; } = async (reader, input, cancel) => input with
    {
        Pods = await reader.ListAsync<V1Pod>(KindCatalog.Pod, Namespace(input), ObjectCells.LabelSelector(input.Resource), null, cancel).ConfigureAwait(false),
    };

    /// <summary>All pods of the object's namespace (a claim's "Used By").</summary>
    public static RelatedFetchPlan PodsOfNamespace { get; } = async (reader, input, cancel) => input with
    {
        Pods = await reader.ListAsync<V1Pod>(KindCatalog.Pod, Namespace(input), null, null, cancel).ConfigureAwait(false),
    };

    /// <summary>The secrets of the object's namespace (a service account's tokens); left out when they cannot be listed.</summary>
    public static RelatedFetchPlan SecretsOfNamespace { get; } = async (reader, input, cancel) => input with
    {
        Secrets = await reader.TryListAsync<V1Secret>(KindCatalog.Secret, Namespace(input), cancel).ConfigureAwait(false),
    };

    /// <summary>A namespace's resource quotas and limit ranges.</summary>
    public static RelatedFetchPlan QuotasAndLimits { get; } = async (reader, input, cancel) => input with
    {
        ResourceQuotas = await reader.TryListAsync<V1ResourceQuota>(ResourceQuotas, Name(input), cancel).ConfigureAwait(false),
        LimitRanges = await reader.TryListAsync<V1LimitRange>(LimitRanges, Name(input), cancel).ConfigureAwait(false),
    };

    /// <summary>A service's endpoint slices.</summary>
    public static RelatedFetchPlan EndpointSlicesOfService { get; } = async (reader, input, cancel) => input with
    {
        EndpointSlices = await reader.ListAsync<V1EndpointSlice>(EndpointSlices, Namespace(input), $"kubernetes.io/service-name={Name(input)}", null, cancel)
            .ConfigureAwait(false),
    };

    /// <summary>A node's pods (all namespaces, not finished; null when forbidden) and its lease.</summary>
    public static RelatedFetchPlan PodsAndLeaseOfNode { get; } = async (reader, input, cancel) =>
    {
        var node = Name(input);
        IReadOnlyList<V1Pod>? pods;
        try
        {
            pods = await reader.ListAsync<V1Pod>(KindCatalog.Pod, null, null,
                $"spec.nodeName={node},status.phase!=Succeeded,status.phase!=Failed", cancel).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            pods = null;
        }
        V1Lease? lease = null;
        string? leaseError = null;
        try
        {
            lease = (V1Lease)await reader.Client.GetAsync(Leases, "kube-node-lease", node!, cancel).ConfigureAwait(false);
        }
        catch (KubeApiException e)
        {
            leaseError = e.Message;
        }
        return input with { Pods = pods, Lease = lease, LeaseError = leaseError };
    };

    /// <summary>An ingress's backend services and their endpoint slices.</summary>
    public static RelatedFetchPlan BackendsOfIngress { get; } = async (reader, input, cancel) =>
    {
        var ingress = (V1Ingress)input.Resource;
        var ns = Namespace(input);
        var backends = (ingress.Spec?.Rules ?? []).SelectMany(r => r.Http?.Paths ?? []).Select(p => p.Backend?.Service?.Name)
            .Append(ingress.Spec?.DefaultBackend?.Service?.Name).Where(n => n is not null).Distinct().Cast<string>().ToList();
        var services = new List<V1Service>();
        var slices = new List<V1EndpointSlice>();
        foreach (var backend in backends)
        {
            try { services.Add((V1Service)await reader.Client.GetAsync(KindCatalog.Service, ns, backend, cancel).ConfigureAwait(false)); }
            catch (KubeApiException e) when (e.IsNotFound) { }
            slices.AddRange(await reader.ListAsync<V1EndpointSlice>(EndpointSlices, ns, $"kubernetes.io/service-name={backend}", null, cancel).ConfigureAwait(false));
        }
        return input with { Services = services, EndpointSlices = slices };
    };
}
