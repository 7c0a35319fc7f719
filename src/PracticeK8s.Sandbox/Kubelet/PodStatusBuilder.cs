using k8s.Models;
using PracticeK8s.Sandbox.Runtime.Images;
using PracticeK8s.Sandbox.Runtime;

namespace PracticeK8s.Sandbox.Kubelet;

/// <summary>
/// A pod's status as the kubelet reports it, from the runtime's container states: phase (upstream's
/// getPhase rules), container and init container statuses, the five conditions in upstream order
/// (PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled) with their
/// transition times kept while unchanged, addresses, startTime and qosClass.
/// </summary>
public static class PodStatusBuilder
{
    /// <param name="runtime">The runtime's view, or null while the pod's containers are still being created.</param>
    public static V1PodStatus Build(V1Pod pod, PodRuntimeState? runtime, string hostIP, string? podIP, DateTime startTime, DateTime now)
    {
        var spec = pod.Spec;
        var old = pod.Status;
        var inits = spec.InitContainers ?? new List<V1Container>();
        var containers = spec.Containers ?? new List<V1Container>();
        var initStatuses = inits.Select(c => ContainerStatus(c, runtime?.Container(c.Name), isInit: true, hasInit: false, now)).ToList();
        var initialized = runtime is not null && inits.All(c => runtime.Container(c.Name) is { Phase: ContainerPhase.Terminated, ExitCode: 0 });
        var statuses = containers.Select(c => ContainerStatus(c, initialized ? runtime?.Container(c.Name) : null, isInit: false, hasInit: inits.Count > 0, now)).ToList();
        var phase = runtime is null ? "Pending" : Phase(spec.RestartPolicy ?? "Always", initialized, statuses);
        var unready = statuses.Where(s => !s.Ready).Select(s => s.Name).ToList();
        var ready = phase == "Running" && unready.Count == 0;
        var conditions = new List<V1PodCondition>
        {
            Condition(old, "PodReadyToStartContainers", runtime is not null, null, null, now),
            initialized || inits.Count == 0
                ? Condition(old, "Initialized", true, null, null, now)
                : Condition(old, "Initialized", false, "ContainersNotInitialized",
                    $"containers with incomplete status: [{string.Join(" ", initStatuses.Where(s => s.State?.Terminated?.ExitCode != 0).Select(s => s.Name))}]", now),
        };
        if (phase == "Succeeded")
        {
            conditions.Add(Condition(old, "Ready", false, "PodCompleted", null, now));
            conditions.Add(Condition(old, "ContainersReady", false, "PodCompleted", null, now));
        }
        else
        {
            var why = $"containers with unready status: [{string.Join(" ", unready)}]";
            conditions.Add(Condition(old, "Ready", ready, ready ? null : "ContainersNotReady", ready ? null : why, now));
            conditions.Add(Condition(old, "ContainersReady", unready.Count == 0 && runtime is not null, unready.Count == 0 ? null : "ContainersNotReady",
                unready.Count == 0 ? null : why, now));
        }
        conditions.Add(old?.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled")
                       ?? new V1PodCondition { Type = "PodScheduled", Status = "True", LastTransitionTime = now });
        return new V1PodStatus
        {
            Phase = phase,
            Conditions = conditions,
            HostIP = hostIP,
            HostIPs = new List<V1HostIP> { new() { Ip = hostIP } },
            PodIP = podIP,
            PodIPs = podIP is null ? null : new List<V1PodIP> { new() { Ip = podIP } },
            StartTime = startTime,
            InitContainerStatuses = initStatuses.Count > 0 ? initStatuses : null,
            ContainerStatuses = statuses,
            EphemeralContainerStatuses = EphemeralStatuses(spec.EphemeralContainers, runtime, now),
            QosClass = old?.QosClass,
        };
    }

    /// <summary>ephemeralContainerStatuses: as containers', never ready (no probes), waiting ContainerCreating until the kubelet starts them.</summary>
    private static List<V1ContainerStatus>? EphemeralStatuses(IList<V1EphemeralContainer>? ephemeral, PodRuntimeState? runtime, DateTime now)
    {
        if (ephemeral is null || ephemeral.Count == 0) return null;
        return ephemeral.Select(e =>
        {
            var status = ContainerStatus(new V1Container { Name = e.Name, Image = e.Image }, runtime?.Container(e.Name), isInit: false, hasInit: false, now);
            status.Ready = false;
            return status;
        }).ToList();
    }

    /// <summary>Upstream's getPhase: waiting → Pending; anything running → Running; all stopped → by restart policy.</summary>
    private static string Phase(string restartPolicy, bool initialized, List<V1ContainerStatus> statuses)
    {
        if (!initialized) return "Pending";
        int running = 0, waiting = 0, stopped = 0, succeeded = 0;
        foreach (var s in statuses)
        {
            if (s.State?.Running is not null) running++;
            else if (s.State?.Terminated is { } t) { stopped++; if (t.ExitCode == 0) succeeded++; }
            else if (s.State?.Waiting is not null)
            {
                if (s.LastState?.Terminated is not null) stopped++;
                else waiting++;
            }
        }
        if (waiting > 0) return "Pending";
        if (running > 0) return "Running";
        if (stopped == 0) return "Pending";
        return restartPolicy switch
        {
            "Always" => "Running",
            "OnFailure" => succeeded == stopped ? "Succeeded" : "Running",
            _ => succeeded == stopped ? "Succeeded" : "Failed",
        };
    }

    private static V1ContainerStatus ContainerStatus(V1Container c, ContainerState? state, bool isInit, bool hasInit, DateTime now)
    {
        var image = ImageReference.Parse(c.Image ?? "").FullName;
        if (state is null)
            return new V1ContainerStatus
            {
                Name = c.Name, Image = image, ImageID = "", Ready = false, Started = false, RestartCount = 0,
                State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = hasInit || isInit ? "PodInitializing" : "ContainerCreating" } },
            };
        var status = new V1ContainerStatus
        {
            Name = c.Name,
            Image = image,
            ImageID = string.IsNullOrEmpty(state.ImageId) ? ImageReference.Parse(c.Image ?? "").ImageId : state.ImageId,
            ContainerID = state.ContainerId,
            RestartCount = state.RestartCount,
            Started = isInit ? null : state.Started,
            Ready = state.Phase == ContainerPhase.Running && !isInit && IsReady(c, state, now)
                    || isInit && state.Phase == ContainerPhase.Terminated && state.ExitCode == 0,
            State = state.Phase switch
            {
                ContainerPhase.Running => new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = Whole(state.StartedAt) } },
                ContainerPhase.Terminated => new V1ContainerState
                {
                    Terminated = new V1ContainerStateTerminated
                    {
                        ExitCode = state.ExitCode ?? 0, Signal = state.Signal, Reason = state.Reason ?? (state.ExitCode == 0 ? "Completed" : "Error"),
                        Message = state.Message, StartedAt = Whole(state.StartedAt), FinishedAt = Whole(state.FinishedAt), ContainerID = state.ContainerId,
                    },
                },
                _ => new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = state.Reason ?? "ContainerCreating", Message = state.Message } },
            },
            LastState = state.LastTermination is { } last
                ? new V1ContainerState
                {
                    Terminated = new V1ContainerStateTerminated
                    {
                        ExitCode = last.ExitCode, Signal = last.Signal, Reason = last.Reason, Message = last.Message,
                        StartedAt = Whole(last.StartedAt), FinishedAt = Whole(last.FinishedAt), ContainerID = last.ContainerId,
                    },
                }
                : new V1ContainerState(),
        };
        return status;
    }

    /// <summary>Ready once running (past a readiness probe's initialDelaySeconds, the simulated probe then passes).</summary>
    public static bool IsReady(V1Container c, ContainerState state, DateTime now) =>
        state.Phase == ContainerPhase.Running && (ReadyAt(c, state) is not { } at || at <= now);

    public static DateTime? ReadyAt(V1Container c, ContainerState state) =>
        c.ReadinessProbe is { InitialDelaySeconds: > 0 } probe && state.StartedAt is { } started ? started.AddSeconds(probe.InitialDelaySeconds.Value) : null;

    private static V1PodCondition Condition(V1PodStatus? old, string type, bool value, string? reason, string? message, DateTime now)
    {
        var status = value ? "True" : "False";
        var prev = old?.Conditions?.FirstOrDefault(c => c.Type == type);
        return new V1PodCondition
        {
            Type = type, Status = status, Reason = reason, Message = message,
            LastTransitionTime = prev is not null && prev.Status == status ? prev.LastTransitionTime : now,
        };
    }

    private static DateTime? Whole(DateTime? t) =>
        t is { } v ? new DateTime(v.ToUniversalTime().Ticks - v.ToUniversalTime().Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc) : null;
}
