using System.Management.Automation;
using k8s.Models;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Logs;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Presentation;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Engine.Exec;

/// <summary>
/// The pod kubectl exec/attach/debug runs in when the user named something: a pod, KIND/NAME
/// (deploy/web, svc/web, rs/x, pod/p) or a workload object; a workload's pods are ranked like
/// kubectl's AttachablePodForObject (most active first: scheduled, running, ready longest, ...).
/// </summary>
public sealed class ExecPods(KubeConnection connection)
{
    private readonly KubeResourceClient _client = new(connection);

    /// <summary>A name as kubectl takes it: "web" is a pod, "deploy/web" the best pod of a Deployment. Returns the pod model.</summary>
    public async Task<object> ForNameAsync(string ns, string name, CancellationToken cancel)
    {
        int slash = name.IndexOf('/');
        if (slash < 0)
            return await GetPodAsync(ns, name, cancel).ConfigureAwait(false);
        var (kindName, objectName) = (name[..slash], name[(slash + 1)..]);
        if (kindName.Length == 0 || objectName.Length == 0 || objectName.Contains('/'))
            throw new KubeException($"arguments in resource/name form must have a single resource and name: {name}", "KubeInvalidArguments", ErrorCategory.InvalidArgument, name);
        var kinds = await Discovery.For(connection).ResolveAsync(kindName, cancel).ConfigureAwait(false);
        var kind = kinds.Count > 0 ? kinds[0] : throw new KubeException($"the server doesn't have a resource type \"{kindName}\"",
            "KubeUnknownKind", ErrorCategory.InvalidArgument, name);
        if (kind.Kind == "Pod")
            return await GetPodAsync(ns, objectName, cancel).ConfigureAwait(false);
        object obj;
        try
        {
            obj = await _client.GetAsync(kind, ns, objectName, cancel).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            throw new KubeException(e.Message, "KubeObjectNotFound", ErrorCategory.ObjectNotFound, name, e);
        }
        return await ForObjectAsync(obj, ns, cancel).ConfigureAwait(false);
    }

    /// <summary>A pod as it is; a workload or Service by the pods its selector matches.</summary>
    public async Task<object> ForObjectAsync(object obj, string fallbackNamespace, CancellationToken cancel)
    {
        if (obj is V1Pod)
            return obj;
        var facts = ObjectFacts.Of(obj);
        var ns = facts?.Namespace ?? fallbackNamespace;
        if (facts?.Kind == "Pod" && facts.Name is not null)
            return await GetPodAsync(ns, facts.Name, cancel).ConfigureAwait(false);
        var selector = ObjectCells.LabelSelector(obj);
        if (string.IsNullOrEmpty(selector))
        {
            throw new KubeException($"cannot attach to {facts?.Kind ?? obj.GetType().Name}: it selects no pods", "KubeExecUnsupportedObject",
                ErrorCategory.InvalidArgument, obj);
        }
        var pods = new List<V1Pod>();
        await foreach (var item in _client.ListAsync(KindCatalog.Pod, ns, new ListOptions { LabelSelector = selector }, cancel).ConfigureAwait(false))
            pods.Add((V1Pod)item);
        if (pods.Count == 0)
        {
            throw new KubeException($"no pods found for {ObjectCells.KindName(obj) ?? facts?.Name} in namespace {ns}", "KubePodNotFound",
                ErrorCategory.ObjectNotFound, obj);
        }
        pods.Sort(PodOrder.MostActiveFirst); // kubectl exec/attach on a workload: the most active pod
        return pods[0];
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
}
