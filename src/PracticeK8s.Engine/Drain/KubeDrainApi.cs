using System.Text.Json.Nodes;
using k8s.Models;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Engine.Drain;

/// <summary>The drain's calls against a cluster, shaped like kubectl's (policy/v1 Eviction, DELETE with grace period).</summary>
internal sealed class KubeDrainApi(KubeConnection connection) : IDrainApi
{
    private readonly KubeResourceClient _client = new(connection);

    public async Task<IReadOnlyList<V1Pod>> ListPodsAsync(string node, string? labelSelector, CancellationToken cancel)
    {
        var pods = new List<V1Pod>();
        var options = new ListOptions { FieldSelector = "spec.nodeName=" + node, LabelSelector = labelSelector };
        await foreach (var pod in _client.ListAsync(KindCatalog.Pod, null, options, cancel).ConfigureAwait(false))
            pods.Add((V1Pod)pod);
        return pods;
    }

    public async Task<DaemonSetLookup> FindDaemonSetAsync(string ns, string name, CancellationToken cancel)
    {
        try
        {
            await _client.GetJsonAsync(KindCatalog.DaemonSet, ns, name, cancel).ConfigureAwait(false);
            return DaemonSetLookup.Exists;
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            return new DaemonSetLookup(DaemonSetState.NotFound, $"daemonsets.apps \"{name}\" not found");
        }
        catch (KubeApiException e)
        {
            return new DaemonSetLookup(DaemonSetState.Unreadable, e.Message);
        }
    }

    public async Task EvictAsync(V1Pod pod, long? gracePeriodSeconds, CancellationToken cancel)
    {
        var deleteOptions = new JsonObject();
        if (gracePeriodSeconds is long grace && grace >= 0)
            deleteOptions["gracePeriodSeconds"] = grace;
        var body = new JsonObject
        {
            ["apiVersion"] = "policy/v1",
            ["kind"] = "Eviction",
            ["metadata"] = new JsonObject { ["name"] = pod.Metadata.Name, ["namespace"] = pod.Metadata.NamespaceProperty },
            ["deleteOptions"] = deleteOptions,
        };
        await _client.PostSubresourceAsync(KindCatalog.Pod, pod.Metadata.NamespaceProperty, pod.Metadata.Name, "eviction", body, cancel)
            .ConfigureAwait(false);
    }

    public async Task DeleteAsync(V1Pod pod, long? gracePeriodSeconds, CancellationToken cancel)
    {
        var options = new DeleteOptions { GracePeriodSeconds = gracePeriodSeconds is >= 0 ? gracePeriodSeconds : null, PropagationPolicy = null };
        await _client.DeleteAsync(KindCatalog.Pod, pod.Metadata.NamespaceProperty, pod.Metadata.Name, options, cancel).ConfigureAwait(false);
    }

    public async Task<(string Uid, DateTime? DeletionTimestamp)?> GetPodAsync(string ns, string name, CancellationToken cancel)
    {
        try
        {
            var pod = (V1Pod)await _client.GetAsync(KindCatalog.Pod, ns, name, cancel).ConfigureAwait(false);
            return (pod.Metadata?.Uid ?? "", pod.Metadata?.DeletionTimestamp);
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }
}
