using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Runtime;

/// <summary>
/// A minimal start hook until the simulated kubelet owns pods: starts the containers of every pod
/// bound to a node, stops them (with the remaining grace) once the pod is being deleted, and
/// removes them when the pod is gone. It writes no pod status — that is the kubelet's job.
/// </summary>
public sealed class BoundPodRunner(SandboxState state, IContainerRuntime runtime, ILogger<BoundPodRunner> log) : BackgroundService
{
    public const string PodKey = "/pods";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var watch = state.Store.Subscribe(PodKey, null, null);
        var (pods, _) = state.Store.List(PodKey, null, watch.StartResourceVersion);
        foreach (var p in pods) Reconcile(p, deleted: false);
        try
        {
            await foreach (var e in watch.Events.ReadAllAsync(stoppingToken))
                Reconcile(e.Object, e.Type == StoreEventType.Deleted);
        }
        catch (OperationCanceledException) { }
    }

    private void Reconcile(StoredObject pod, bool deleted)
    {
        try
        {
            if (deleted)
            {
                _ = runtime.RemovePodAsync(pod.Uid);
                return;
            }
            var node = pod.ToNode();
            var spec = PodSpecification.FromPod(node);
            if (string.IsNullOrEmpty(spec.NodeName)) return;
            if (pod.IsBeingDeleted)
            {
                var at = DateTime.Parse(pod.MetadataString("deletionTimestamp")!, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
                var grace = at - DateTime.UtcNow;
                if (runtime.GetPod(pod.Uid) is { Stopping: false })
                    _ = runtime.StopPodAsync(pod.Uid, grace > TimeSpan.Zero ? grace : TimeSpan.Zero);
                return;
            }
            if (node.Obj("status").Str("phase") is "Succeeded" or "Failed") return;
            runtime.StartPod(spec);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "pod {Namespace}/{Name}: the runtime could not follow it", pod.Namespace, pod.Name);
        }
    }
}
