using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using PracticeK8s.Sandbox.Runtime;

namespace PracticeK8s.Sandbox.Kubelet;

/// <summary>
/// The smallest <see cref="IContainerRuntime"/>: every container "runs" from the moment its pod
/// starts until it is stopped; no processes, logs or exec. Used only when no real runtime is
/// registered, so the cluster's controllers and kubelet work on their own.
/// </summary>
public sealed class FallbackContainerRuntime : IContainerRuntime
{
    private readonly ConcurrentDictionary<string, PodRuntimeState> _pods = new();

    public event Action<ContainerChange>? ContainerChanged;

    public IReadOnlyCollection<string> PodUids => _pods.Keys.ToList();

    public PodRuntimeState? GetPod(string podUid) => _pods.TryGetValue(podUid, out var p) ? p : null;

    public void StartPod(PodSpecification pod)
    {
        var now = DateTime.UtcNow;
        ContainerState Running(ContainerSpecification c) => new(c.Name, false, c.Image, "", $"containerd://{Guid.NewGuid():N}{Guid.NewGuid():N}",
            ContainerPhase.Running, null, null, null, null, now, null, 0, null);
        ContainerState Done(ContainerSpecification c) => new(c.Name, true, c.Image, "", $"containerd://{Guid.NewGuid():N}{Guid.NewGuid():N}",
            ContainerPhase.Terminated, "Completed", null, 0, null, now, now, 0, null);
        var state = new PodRuntimeState(pod.Uid, pod.Namespace, pod.Name, pod.InitContainers.Select(Done).ToList(), pod.Containers.Select(Running).ToList(), false);
        if (!_pods.TryAdd(pod.Uid, state)) return;
        foreach (var c in state.InitContainers.Concat(state.Containers))
        {
            ContainerChanged?.Invoke(new ContainerChange(pod.Uid, pod.Namespace, pod.Name, ContainerEventKind.Created, c));
            ContainerChanged?.Invoke(new ContainerChange(pod.Uid, pod.Namespace, pod.Name, ContainerEventKind.Started, c));
        }
    }

    public Task StopPodAsync(string podUid, TimeSpan gracePeriod, CancellationToken cancellationToken = default)
    {
        if (!_pods.TryGetValue(podUid, out var pod) || pod.Stopping) return Task.CompletedTask;
        var now = DateTime.UtcNow;
        var stopped = pod with
        {
            Stopping = true,
            Containers = pod.Containers.Select(c => c.Phase == ContainerPhase.Running
                ? c with { Phase = ContainerPhase.Terminated, Reason = "Completed", ExitCode = 0, FinishedAt = now } : c).ToList(),
        };
        _pods[podUid] = stopped;
        foreach (var c in pod.Containers.Where(c => c.Phase == ContainerPhase.Running))
            ContainerChanged?.Invoke(new ContainerChange(podUid, pod.Namespace, pod.Name, ContainerEventKind.Killing, c));
        return Task.CompletedTask;
    }

    public Task RemovePodAsync(string podUid)
    {
        _pods.TryRemove(podUid, out _);
        return Task.CompletedTask;
    }

    public IContainerLog? GetLog(string podUid, string container, bool previous = false) => null;

    public Task<int> ExecAsync(string podUid, string container, ExecRequest request, CancellationToken cancellationToken = default) =>
        throw new ContainerRuntimeException(ContainerRuntimeError.StartFailed, "this sandbox has no container runtime for exec");

    public Task<int> AttachAsync(string podUid, string container, ExecRequest request, CancellationToken cancellationToken = default) =>
        throw new ContainerRuntimeException(ContainerRuntimeError.StartFailed, "this sandbox has no container runtime for attach");

    public Task<bool> ServeHttpAsync(string podUid, int port, HttpContext context) => Task.FromResult(false);

    public Task StopAllAsync()
    {
        _pods.Clear();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
