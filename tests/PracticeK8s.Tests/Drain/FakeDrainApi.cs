using System.Collections.Concurrent;
using System.Net;
using k8s.Models;
using PracticeK8s.Engine.Drain;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Tests.Drain;

/// <summary>A cluster in memory for the drain: pods by key, DaemonSets that exist, scripted eviction answers.</summary>
internal sealed class FakeDrainApi : IDrainApi
{
    public ConcurrentDictionary<string, V1Pod> Pods { get; } = new();
    public HashSet<string> DaemonSets { get; } = [];
    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>Per pod name: HTTP codes the next evictions answer (201 deletes the pod, or hands it to <see cref="OnEvicted"/>).</summary>
    public ConcurrentDictionary<string, Queue<int>> EvictionAnswers { get; } = new();

    /// <summary>What happens to an evicted pod (default: it disappears at once).</summary>
    public Action<V1Pod>? OnEvicted { get; set; }

    public static V1Pod Pod(string name, string ns = "default", string? ownerKind = "ReplicaSet", string? ownerName = "rs",
        bool emptyDir = false, string? phase = "Running", Dictionary<string, string>? annotations = null, DateTime? deleted = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name, NamespaceProperty = ns, Uid = name + "-uid", Annotations = annotations, DeletionTimestamp = deleted,
            OwnerReferences = ownerKind is null ? null : [new V1OwnerReference { Kind = ownerKind, Name = ownerName, ApiVersion = "apps/v1", Uid = "o", Controller = true }],
        },
        Spec = new V1PodSpec
        {
            NodeName = "n1",
            Containers = [new V1Container { Name = "c" }],
            Volumes = emptyDir ? [new V1Volume { Name = "scratch", EmptyDir = new V1EmptyDirVolumeSource() }] : null,
        },
        Status = new V1PodStatus { Phase = phase },
    };

    public void Add(params V1Pod[] pods)
    {
        foreach (var pod in pods)
            Pods[$"{pod.Metadata.NamespaceProperty}/{pod.Metadata.Name}"] = pod;
    }

    public Task<IReadOnlyList<V1Pod>> ListPodsAsync(string node, string? labelSelector, CancellationToken cancel)
    {
        Calls.Enqueue($"list {node} {labelSelector}");
        return Task.FromResult<IReadOnlyList<V1Pod>>(Pods.Values.Where(p => p.Spec.NodeName == node).OrderBy(p => p.Metadata.Name).ToList());
    }

    public Task<DaemonSetLookup> FindDaemonSetAsync(string ns, string name, CancellationToken cancel) =>
        Task.FromResult(DaemonSets.Contains($"{ns}/{name}") ? DaemonSetLookup.Exists
            : new DaemonSetLookup(DaemonSetState.NotFound, $"daemonsets.apps \"{name}\" not found"));

    public Task EvictAsync(V1Pod pod, long? gracePeriodSeconds, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        Calls.Enqueue($"evict {pod.Metadata.Name} grace={gracePeriodSeconds?.ToString() ?? "none"}");
        int code = EvictionAnswers.TryGetValue(pod.Metadata.Name, out var answers) && answers.Count > 0 ? answers.Dequeue() : 201;
        var key = $"{pod.Metadata.NamespaceProperty}/{pod.Metadata.Name}";
        if (code == 201 && !Pods.ContainsKey(key))
            code = 404;
        switch (code)
        {
            case 201:
                if (OnEvicted is null)
                    Pods.TryRemove(key, out _);
                else
                    OnEvicted(pod);
                return Task.CompletedTask;
            case 429:
                throw KubeApiException.FromResponse(HttpStatusCode.TooManyRequests,
                    """{"kind":"Status","status":"Failure","reason":"TooManyRequests","code":429,"message":"Cannot evict pod as it would violate the pod's disruption budget.","details":{"causes":[{"reason":"DisruptionBudget","message":"The disruption budget web needs 2 healthy pods and has 2 currently"}]}}""",
                    "POST", "/eviction", null);
            default:
                throw KubeApiException.FromResponse((HttpStatusCode)code,
                    $$"""{"kind":"Status","status":"Failure","code":{{code}},"message":"answer {{code}}"}""", "POST", "/eviction", null);
        }
    }

    public Task DeleteAsync(V1Pod pod, long? gracePeriodSeconds, CancellationToken cancel)
    {
        Calls.Enqueue($"delete {pod.Metadata.Name} grace={gracePeriodSeconds?.ToString() ?? "none"}");
        if (!Pods.TryRemove($"{pod.Metadata.NamespaceProperty}/{pod.Metadata.Name}", out _))
            throw KubeApiException.FromResponse(HttpStatusCode.NotFound, null, "DELETE", "/pods", null);
        return Task.CompletedTask;
    }

    public Task<(string Uid, DateTime? DeletionTimestamp)?> GetPodAsync(string ns, string name, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        return Task.FromResult(Pods.TryGetValue($"{ns}/{name}", out var pod)
            ? ((string, DateTime?)?)(pod.Metadata.Uid, pod.Metadata.DeletionTimestamp) : null);
    }
}
