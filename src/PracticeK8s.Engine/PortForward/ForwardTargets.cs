using System.Management.Automation;
using k8s.Models;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Presentation;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Engine.PortForward;

/// <summary>What a forward reaches: one running pod and its ports, and how the user named it.</summary>
public sealed record ForwardTarget(string Namespace, string Pod, string PodUid, string Description, IReadOnlyList<ResolvedPort> Ports);

/// <summary>
/// Resolves what kubectl port-forward accepts (a pod name, TYPE/NAME such as service/web, deploy/web,
/// rs/x, sts/x, or an object piped in) to a running pod and its port numbers, with kubectl's rules
/// and messages: the most active pod of a selector, service ports mapped to target ports, named ports.
/// </summary>
public sealed class ForwardTargets
{
    private readonly KubeConnection _connection;
    private readonly KubeResourceClient _client;

    public ForwardTargets(KubeConnection connection)
    {
        _connection = connection;
        _client = new KubeResourceClient(connection);
    }

    /// <summary>A name: a pod, or TYPE/NAME (pod/x, service/x, svc/x, deployment/x, deploy/x, rs/x, sts/x).</summary>
    public async Task<ForwardTarget> ForNameAsync(string ns, string name, IReadOnlyList<PortMapping> ports, CancellationToken cancel)
    {
        int slash = name.IndexOf('/');
        ResourceKind kind = KindCatalog.Pod;
        if (slash >= 0)
        {
            var kinds = await Discovery.For(_connection).ResolveAsync(name[..slash], cancel).ConfigureAwait(false);
            kind = kinds.Count > 0 ? kinds[0] : throw new KubeException($"the server doesn't have a resource type \"{name[..slash]}\"",
                "KubeUnknownKind", ErrorCategory.InvalidArgument, name);
            name = name[(slash + 1)..];
        }
        object obj;
        try
        {
            obj = await _client.GetAsync(kind, ns, name, cancel).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            throw ObjectNotFound.Of(kind, name, e);
        }
        return await ForObjectAsync(obj, ns, ports, cancel).ConfigureAwait(false);
    }

    /// <summary>An object in hand (piped, or just read): a pod as it is, a Service or workload by its selector.</summary>
    public async Task<ForwardTarget> ForObjectAsync(object obj, string fallbackNamespace, IReadOnlyList<PortMapping> ports, CancellationToken cancel)
    {
        var facts = ObjectFacts.Of(obj);
        var ns = facts?.Namespace ?? fallbackNamespace;
        if (obj is V1Pod pod)
            return Running(pod, "pod/" + pod.Metadata?.Name, PortTranslation.ForPod(pod, ports));
        if (obj is V1Service service)
        {
            if (service.Spec?.Selector is not { Count: > 0 } selector)
            {
                throw new KubeException($"cannot attach to *v1.Service: invalid service '{service.Metadata?.Name}': Service is defined without a selector",
                    "KubePortForwardNoSelector", ErrorCategory.InvalidArgument, obj);
            }
            var chosen = await FirstPodAsync(ns, string.Join(",", selector.Select(kv => $"{kv.Key}={kv.Value}")), "service/" + service.Metadata?.Name, cancel)
                .ConfigureAwait(false);
            return Running(chosen, "service/" + service.Metadata?.Name, PortTranslation.ForService(service, chosen, ports));
        }
        if (facts?.Kind == "Pod" && facts.Name is not null)
            return await ForNameAsync(ns, facts.Name, ports, cancel).ConfigureAwait(false);
        var kindName = ObjectCells.KindName(obj) ?? $"{facts?.Kind}/{facts?.Name}";
        var workloadSelector = ObjectCells.LabelSelector(obj) ?? throw new KubeException(
            $"cannot attach to {facts?.Kind ?? obj.GetType().Name}: selector for {kindName} not implemented", "KubePortForwardUnsupportedObject",
            ErrorCategory.InvalidArgument, obj);
        var first = await FirstPodAsync(ns, workloadSelector, kindName, cancel).ConfigureAwait(false);
        return Running(first, kindName.ToLowerInvariant(), PortTranslation.ForPod(first, ports));
    }

    private async Task<V1Pod> FirstPodAsync(string ns, string selector, string owner, CancellationToken cancel)
    {
        var pods = new List<V1Pod>();
        await foreach (var obj in _client.ListAsync(KindCatalog.Pod, ns, new ListOptions { LabelSelector = selector }, cancel).ConfigureAwait(false))
            pods.Add((V1Pod)obj);
        if (pods.Count == 0)
        {
            throw new KubeException($"no pods found for {owner} in namespace {ns} (selector {selector})", "KubePodNotFound",
                ErrorCategory.ObjectNotFound, owner);
        }
        pods.Sort(PodOrder.MostActiveFirst);
        return pods[0];
    }

    private static ForwardTarget Running(V1Pod pod, string description, IReadOnlyList<ResolvedPort> ports)
    {
        var phase = pod.Status?.Phase;
        if (phase != "Running")
        {
            throw new KubeException($"unable to forward port because pod is not running. Current status={phase}", "KubePodNotRunning",
                ErrorCategory.InvalidOperation, pod.Metadata?.Name);
        }
        return new ForwardTarget(pod.Metadata?.NamespaceProperty ?? "default", pod.Metadata?.Name ?? "", pod.Metadata?.Uid ?? "", description, ports);
    }
}
