using System.Text.Json;
using k8s.Models;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Session;
using PracticeK8s.Printing;

namespace PracticeK8s.Engine.Describe;

/// <summary>
/// Reads what `kubectl describe` reads for an object — the object, its events and the related
/// objects of its kind (a deployment's replica sets, a node's pods and lease, a service's endpoint
/// slices...) — with the same requests kubectl makes, and hands them to the printing library.
/// </summary>
public sealed class DescribeFetcher
{
    private readonly ResourceClient _client;
    private readonly KubeConnection _connection;
    private int? _serverMinor;

    public DescribeFetcher(KubeConnection connection)
    {
        _connection = connection;
        _client = new ResourceClient(connection);
    }

    public async Task<DescribeInput> FetchAsync(ResourceKind kind, string? ns, string name, CancellationToken cancel)
    {
        var resource = await _client.GetAsync(kind, ns, name, cancel).ConfigureAwait(false);
        return await FetchRelatedAsync(kind, resource, cancel).ConfigureAwait(false);
    }

    public async Task<DescribeInput> FetchRelatedAsync(ResourceKind kind, object resource, CancellationToken cancel)
    {
        var facts = ObjectFacts.Of(resource)!;
        var ns = facts.Namespace;
        var minor = await ServerMinorAsync(cancel).ConfigureAwait(false);
        IReadOnlyList<Corev1Event>? events = kind.Kind == "Namespace" ? null : await EventsAsync(kind, facts, cancel).ConfigureAwait(false);

        switch (resource)
        {
            case V1Deployment deployment:
                return new DescribeInput
                {
                    Resource = resource, Events = events, KubectlMinorVersion = minor,
                    ReplicaSets = await ListAsync<V1ReplicaSet>(BuiltinResources.ReplicaSet, ns, Selectors.ToText(deployment.Spec?.Selector), null, cancel).ConfigureAwait(false),
                };
            case V1ReplicaSet or V1DaemonSet or V1StatefulSet:
                return new DescribeInput
                {
                    Resource = resource, Events = events, KubectlMinorVersion = minor,
                    Pods = await ListAsync<V1Pod>(BuiltinResources.Pod, ns, ObjectCells.LabelSelector(resource), null, cancel).ConfigureAwait(false),
                };
            case V1Node node:
                IReadOnlyList<V1Pod>? pods = null;
                try
                {
                    pods = await ListAsync<V1Pod>(BuiltinResources.Pod, null, null,
                        $"spec.nodeName={node.Metadata.Name},status.phase!=Succeeded,status.phase!=Failed", cancel).ConfigureAwait(false);
                }
                catch (KubeApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Forbidden)
                {
                    pods = null;
                }
                V1Lease? lease = null;
                string? leaseError = null;
                try
                {
                    lease = (V1Lease)await _client.GetAsync(Leases, "kube-node-lease", node.Metadata.Name, cancel).ConfigureAwait(false);
                }
                catch (KubeApiException e)
                {
                    leaseError = e.Message;
                }
                return new DescribeInput { Resource = resource, Events = events, KubectlMinorVersion = minor, Pods = pods, Lease = lease, LeaseError = leaseError };
            case V1Service service:
                return new DescribeInput
                {
                    Resource = resource, Events = events, KubectlMinorVersion = minor,
                    EndpointSlices = await ListAsync<V1EndpointSlice>(EndpointSlices, ns, $"kubernetes.io/service-name={service.Metadata.Name}", null, cancel).ConfigureAwait(false),
                };
            case V1Ingress ingress:
                var backends = (ingress.Spec?.Rules ?? []).SelectMany(r => r.Http?.Paths ?? []).Select(p => p.Backend?.Service?.Name)
                    .Append(ingress.Spec?.DefaultBackend?.Service?.Name).Where(n => n is not null).Distinct().Cast<string>().ToList();
                var services = new List<V1Service>();
                var slices = new List<V1EndpointSlice>();
                foreach (var backend in backends)
                {
                    try { services.Add((V1Service)await _client.GetAsync(BuiltinResources.Service, ns, backend, cancel).ConfigureAwait(false)); }
                    catch (KubeApiException e) when (e.IsNotFound) { }
                    slices.AddRange(await ListAsync<V1EndpointSlice>(EndpointSlices, ns, $"kubernetes.io/service-name={backend}", null, cancel).ConfigureAwait(false));
                }
                return new DescribeInput { Resource = resource, Events = events, KubectlMinorVersion = minor, Services = services, EndpointSlices = slices };
            case V1PersistentVolumeClaim:
                return new DescribeInput
                {
                    Resource = resource, Events = events, KubectlMinorVersion = minor,
                    Pods = await ListAsync<V1Pod>(BuiltinResources.Pod, ns, null, null, cancel).ConfigureAwait(false),
                };
            case V1ServiceAccount:
                return new DescribeInput
                {
                    Resource = resource, Events = events, KubectlMinorVersion = minor,
                    Secrets = await TryListAsync<V1Secret>(BuiltinResources.Secret, ns, cancel).ConfigureAwait(false),
                };
            case V1Namespace namespaceObject:
                return new DescribeInput
                {
                    Resource = resource, KubectlMinorVersion = minor,
                    ResourceQuotas = await TryListAsync<V1ResourceQuota>(ResourceQuotas, namespaceObject.Metadata.Name, cancel).ConfigureAwait(false),
                    LimitRanges = await TryListAsync<V1LimitRange>(LimitRanges, namespaceObject.Metadata.Name, cancel).ConfigureAwait(false),
                };
            default:
                return new DescribeInput { Resource = resource, Events = events, KubectlMinorVersion = minor };
        }
    }

    private static readonly ResourceKind Leases = new("coordination.k8s.io", "v1", "Lease", "leases", true);
    private static readonly ResourceKind EndpointSlices = new("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true);
    private static readonly ResourceKind ResourceQuotas = new("", "v1", "ResourceQuota", "resourcequotas", true);
    private static readonly ResourceKind LimitRanges = new("", "v1", "LimitRange", "limitranges", true);

    /// <summary>Events about the object, as kubectl queries them (nodes: by uid and by name, all namespaces).</summary>
    private async Task<IReadOnlyList<Corev1Event>> EventsAsync(ResourceKind kind, ObjectFacts facts, CancellationToken cancel)
    {
        var kindPart = kind.Kind == "Pod" ? "" : $",involvedObject.kind={kind.Kind}";
        var nsPart = $",involvedObject.namespace={facts.Namespace ?? ""}";
        var selector = $"involvedObject.name={facts.Name}{nsPart}{kindPart},involvedObject.uid={facts.Uid}";
        var listNs = kind.Namespaced ? facts.Namespace : null;
        var events = await ListAsync<Corev1Event>(BuiltinResources.Event, listNs, null, selector, cancel).ConfigureAwait(false);
        if (kind.Kind == "Node")
        {
            var byName = await ListAsync<Corev1Event>(BuiltinResources.Event, null, null,
                $"involvedObject.name={facts.Name}{nsPart}{kindPart},involvedObject.uid={facts.Name}", cancel).ConfigureAwait(false);
            return events.Concat(byName).ToList();
        }
        return events;
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(ResourceKind kind, string? ns, string? labelSelector, string? fieldSelector, CancellationToken cancel)
    {
        var result = new List<T>();
        await foreach (var item in _client.ListAsync(kind, ns, new ListOptions { LabelSelector = labelSelector, FieldSelector = fieldSelector }, cancel).ConfigureAwait(false))
            result.Add((T)item);
        return result;
    }

    private async Task<IReadOnlyList<T>?> TryListAsync<T>(ResourceKind kind, string? ns, CancellationToken cancel)
    {
        try
        {
            return await ListAsync<T>(kind, ns, null, null, cancel).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.IsNotFound || e.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            return null;
        }
    }

    /// <summary>The server's minor version: kubectl's dispatcher runs the matching kubectl build, whose layout we reproduce.</summary>
    private async Task<int> ServerMinorAsync(CancellationToken cancel)
    {
        if (_serverMinor is int known)
            return known;
        try
        {
            var version = await _connection.Api.GetVersionAsync(cancel).ConfigureAwait(false);
            _serverMinor = int.TryParse(new string(version.Minor.TakeWhile(char.IsDigit).ToArray()), out var minor) ? Math.Clamp(minor, 27, 33) : 32;
        }
        catch (KubeException)
        {
            _serverMinor = 32;
        }
        return _serverMinor.Value;
    }

    /// <summary>The description text (what the cmdlet prints); printing-library types stay inside the engine.</summary>
    public async Task<string> DescribeAsync(ResourceKind kind, string? ns, string name, CancellationToken cancel) =>
        Describer.Describe(await FetchAsync(kind, ns, name, cancel).ConfigureAwait(false), DateTime.UtcNow);

    /// <summary>The description's sections (DescribeSection objects) for -AsObject.</summary>
    public async Task<IReadOnlyList<object>> SectionsAsync(ResourceKind kind, string? ns, string name, CancellationToken cancel) =>
        Describer.Sections(await FetchAsync(kind, ns, name, cancel).ConfigureAwait(false), DateTime.UtcNow).Cast<object>().ToList();
}
