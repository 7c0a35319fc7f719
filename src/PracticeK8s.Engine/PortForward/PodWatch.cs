using k8s.Models;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Engine.PortForward;

/// <summary>
/// Notices that a forward's pod is gone. kubectl learns it when its one SPDY connection to the pod
/// drops; this client opens a WebSocket per local connection, so an idle forward has no connection
/// to lose: it watches the pod instead (deleted, replaced by a pod of the same name, or finished).
/// </summary>
internal static class PodWatch
{
    public const string LostConnection = "lost connection to pod";

    /// <summary>Completes with kubectl's reason when the pod goes; runs until cancelled otherwise.</summary>
    public static async Task<string> UntilLostAsync(KubeConnection connection, string ns, string pod, string uid, CancellationToken cancel)
    {
        var client = new KubeResourceClient(connection);
        var options = new ListOptions { FieldSelector = "metadata.name=" + pod };
        var position = new ListPosition();
        bool present = false;
        await foreach (var obj in client.ListAsync(KindCatalog.Pod, ns, options, cancel, position).ConfigureAwait(false))
            present |= Lost(obj, uid) is null;
        if (!present)
            return LostConnection;
        await foreach (var change in client.WatchAsync(KindCatalog.Pod, ns, options, position.ResourceVersion, cancel).ConfigureAwait(false))
        {
            if (change.Type == "DELETED" && (change.Object as V1Pod)?.Metadata?.Uid is var gone && (gone is null || gone == uid))
                return LostConnection;
            if (Lost(change.Object, uid) is { } reason)
                return reason;
        }
        cancel.ThrowIfCancellationRequested();
        return LostConnection;
    }

    /// <summary>Null while the object is still the running pod the forward reaches.</summary>
    internal static string? Lost(object obj, string uid)
    {
        if (obj is not V1Pod pod)
            return null;
        if (!string.IsNullOrEmpty(uid) && pod.Metadata?.Uid != uid)
            return LostConnection;
        return pod.Status?.Phase is "Succeeded" or "Failed" ? LostConnection : null;
    }
}
