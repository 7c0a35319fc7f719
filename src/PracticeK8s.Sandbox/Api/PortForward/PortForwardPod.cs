using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api.PortForward;

/// <summary>
/// The running pod a port-forward request addresses, and a token that fires when that pod (this uid)
/// is deleted or stops running: its forward sessions end then, as the kubelet's do.
/// </summary>
public sealed class PortForwardPod : IDisposable
{
    private readonly ObjectStore _store;
    private readonly CancellationTokenSource _gone = new();

    public string Name { get; }
    public string Uid { get; }
    public string PodIp { get; }
    public CancellationToken Gone => _gone.Token;

    private PortForwardPod(ObjectStore store, StoredObject pod, string podIp)
    {
        _store = store;
        Name = pod.Name;
        Uid = pod.Uid;
        PodIp = podIp;
        _store.Committed += OnCommitted;
        var current = store.Get(pod.Key, pod.Namespace, pod.Name);
        if (current is null || current.Uid != Uid || !IsRunning(current.ToNode())) _gone.Cancel();
    }

    /// <summary>The pod, checked as the API server and kubelet check it before upgrading (Status errors).</summary>
    public static PortForwardPod Resolve(SandboxState state, ApiRequest r)
    {
        var pod = state.Store.Get(r.Def.StorageKey, r.Namespace, r.Name) ?? throw ApiException.NotFound("pods", r.Name);
        var node = pod.ToNode();
        if (string.IsNullOrEmpty(node.Obj("spec").Str("nodeName")))
            throw ApiException.BadRequest($"pod {pod.Name} does not have a host assigned");
        if (!IsRunning(node))
            throw ApiException.BadRequest($"unable to forward port because pod is not running. Current status={node.Obj("status").Str("phase") ?? "Pending"}");
        var ip = node.Obj("status").Str("podIP");
        if (string.IsNullOrEmpty(ip))
            throw ApiException.BadRequest($"pod {pod.Name} has no IP address yet");
        return new PortForwardPod(state.Store, pod, ip);
    }

    private static bool IsRunning(JsonObject pod) =>
        pod.Obj("status").Str("phase") == "Running";

    /// <summary>Runs under the store's lock: only compares, and cancels off that thread.</summary>
    private void OnCommitted(StoreEvent e)
    {
        if (_gone.IsCancellationRequested || e.Object.Uid != Uid) return;
        if (e.Type == StoreEventType.Deleted || !IsRunning(e.Object.ToNode()))
            ThreadPool.UnsafeQueueUserWorkItem(static s => { try { s.Cancel(); } catch (ObjectDisposedException) { } }, _gone, preferLocal: false);
    }

    public void Dispose()
    {
        _store.Committed -= OnCommitted;
        _gone.Dispose();
    }
}
