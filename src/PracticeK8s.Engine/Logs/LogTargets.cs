using System.Management.Automation;
using k8s.Models;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Exec;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Presentation;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Engine.Logs;

/// <summary>Which container logs to read, and the notices kubectl prints while deciding.</summary>
public sealed record LogPlan(IReadOnlyList<LogSource> Sources, IReadOnlyList<string> Notices);

/// <summary>
/// Turns what the user named (a pod, KIND/NAME, a piped pod or workload, a label selector) into
/// container logs, with kubectl's rules: the default container, --all-containers, and one pod of a
/// workload chosen in the ByLogging order ("Found N pods, using pod/NAME").
/// </summary>
public sealed class LogTargets
{
    private readonly KubeConnection _connection;
    private readonly KubeResourceClient _client;

    public LogTargets(KubeConnection connection)
    {
        _connection = connection;
        _client = new KubeResourceClient(connection);
    }

    /// <summary>A name: a pod, or KIND/NAME (deploy/web, job/x, pod/p).</summary>
    public async Task<LogPlan> ForNameAsync(string ns, string name, string? container, bool allContainers, CancellationToken cancel)
    {
        int slash = name.IndexOf('/');
        if (slash < 0)
            return ForPod(await GetPodAsync(ns, name, cancel).ConfigureAwait(false), container, allContainers);
        var kinds = await Discovery.For(_connection).ResolveAsync(name[..slash], cancel).ConfigureAwait(false);
        var kind = kinds.Count > 0 ? kinds[0] : throw new KubeException($"the server doesn't have a resource type \"{name[..slash]}\"",
            "KubeUnknownKind", ErrorCategory.InvalidArgument, name);
        var obj = await _client.GetAsync(kind, ns, name[(slash + 1)..], cancel).ConfigureAwait(false);
        return await ForObjectAsync(obj, ns, container, allContainers, cancel).ConfigureAwait(false);
    }

    /// <summary>A piped object: a pod as it is, a workload (Deployment, ReplicaSet, Job, ...) by its pods.</summary>
    public async Task<LogPlan> ForObjectAsync(object obj, string fallbackNamespace, string? container, bool allContainers, CancellationToken cancel)
    {
        if (obj is V1Pod pod)
            return ForPod(pod, container, allContainers);
        var facts = ObjectFacts.Of(obj);
        if (facts?.Kind == "Pod" && facts.Name is not null)
            return ForPod(await GetPodAsync(facts.Namespace ?? fallbackNamespace, facts.Name, cancel).ConfigureAwait(false), container, allContainers);
        var selector = ObjectCells.LabelSelector(obj) ?? throw new KubeException(
            $"cannot get the logs of {facts?.Kind ?? obj.GetType().Name} {facts?.Name}: it selects no pods", "KubeLogsUnsupportedObject",
            ErrorCategory.InvalidArgument, obj);
        var ns = facts?.Namespace ?? fallbackNamespace;
        var pods = await ListPodsAsync(ns, selector, cancel).ConfigureAwait(false);
        if (pods.Count == 0)
        {
            throw new KubeException($"no pods found for {ObjectCells.KindName(obj) ?? facts?.Name} in namespace {ns}", "KubePodNotFound",
                ErrorCategory.ObjectNotFound, obj);
        }
        pods.Sort(PodOrder.ForLogging);
        var chosen = pods[0];
        var plan = ForPod(chosen, container, allContainers);
        if (pods.Count > 1)
            return plan with { Notices = [$"Found {pods.Count} pods, using pod/{chosen.Metadata?.Name}", .. plan.Notices] };
        return plan;
    }

    /// <summary>kubectl logs -l: every matching pod (each with its default container, or all of them).</summary>
    public async Task<LogPlan> ForSelectorAsync(string ns, string selector, string? container, bool allContainers, CancellationToken cancel)
    {
        var pods = await ListPodsAsync(ns, selector, cancel).ConfigureAwait(false);
        if (pods.Count == 0)
            return new LogPlan([], [$"No resources found in {ns} namespace."]);
        var sources = new List<LogSource>();
        var notices = new List<string>();
        foreach (var pod in pods)
        {
            var plan = ForPod(pod, container, allContainers);
            sources.AddRange(plan.Sources);
            notices.AddRange(plan.Notices);
        }
        return new LogPlan(sources, notices);
    }

    public static LogPlan ForPod(V1Pod pod, string? container, bool allContainers)
    {
        var ns = pod.Metadata?.NamespaceProperty ?? "default";
        var name = pod.Metadata?.Name ?? "";
        if (allContainers)
        {
            if (!string.IsNullOrEmpty(container))
                throw new KubeException("--container cannot be used with --all-containers", "KubeInvalidArguments", ErrorCategory.InvalidArgument, container);
            return new LogPlan(ContainerChoice.AllNames(pod).Select(c => new LogSource(ns, name, c)).ToList(), []);
        }
        var (chosen, notice) = ContainerChoice.Pick(pod, container);
        return new LogPlan([new LogSource(ns, name, chosen)], notice is null ? [] : [notice]);
    }

    private async Task<V1Pod> GetPodAsync(string ns, string name, CancellationToken cancel)
    {
        try
        {
            return (V1Pod)await _client.GetAsync(KindCatalog.Pod, ns, name, cancel).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            throw ObjectNotFound.Of(KindCatalog.Pod, name, e);
        }
    }

    private async Task<List<V1Pod>> ListPodsAsync(string ns, string selector, CancellationToken cancel)
    {
        var pods = new List<V1Pod>();
        await foreach (var obj in _client.ListAsync(KindCatalog.Pod, ns, new ListOptions { LabelSelector = selector }, cancel).ConfigureAwait(false))
            pods.Add((V1Pod)obj);
        return pods;
    }
}
