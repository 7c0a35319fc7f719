using k8s.Models;

namespace PracticeK8s.Engine.Drain;

/// <summary>The API calls a drain makes (a seam so the eviction loop is tested without a server).</summary>
internal interface IDrainApi
{
    /// <summary>Pods on the node (fieldSelector spec.nodeName), optionally narrowed by a label selector; every page.</summary>
    Task<IReadOnlyList<V1Pod>> ListPodsAsync(string node, string? labelSelector, CancellationToken cancel);

    /// <summary>Whether the DaemonSet exists, is gone, or cannot be read (with the server's text).</summary>
    Task<DaemonSetLookup> FindDaemonSetAsync(string ns, string name, CancellationToken cancel);

    /// <summary>POST pods/eviction; failures are <see cref="Errors.KubeApiException"/>.</summary>
    Task EvictAsync(V1Pod pod, long? gracePeriodSeconds, CancellationToken cancel);

    /// <summary>DELETE the pod; failures are <see cref="Errors.KubeApiException"/>.</summary>
    Task DeleteAsync(V1Pod pod, long? gracePeriodSeconds, CancellationToken cancel);

    /// <summary>The pod's UID and deletion time now, or null when it no longer exists.</summary>
    Task<(string Uid, DateTime? DeletionTimestamp)?> GetPodAsync(string ns, string name, CancellationToken cancel);
}
