namespace PracticeK8s.Sandbox.Runtime;

public enum ContainerPhase { Waiting, Running, Terminated }

/// <summary>
/// A container's state as the kubelet reports it in <c>containerStatuses[]</c>. <see cref="Reason"/>
/// follows upstream: waiting <c>ContainerCreating</c>/<c>PodInitializing</c>/<c>CrashLoopBackOff</c>
/// (message <c>back-off 10s restarting failed container=c pod=p_ns(uid)</c>), terminated
/// <c>Completed</c> (exit 0) / <c>Error</c> / <c>OOMKilled</c>. <see cref="LastTermination"/> is the
/// previous instance (<c>lastState.terminated</c>).
/// </summary>
public sealed record ContainerState(
    string Name,
    bool IsInit,
    string Image,
    string ImageId,
    string? ContainerId,
    ContainerPhase Phase,
    string? Reason,
    string? Message,
    int? ExitCode,
    int? Signal,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    int RestartCount,
    TerminatedState? LastTermination)
{
    /// <summary>An ephemeral container (kubectl debug): reported in ephemeralContainerStatuses, never restarted.</summary>
    public bool IsEphemeral { get; init; }

    /// <summary>containerStatuses[].started: the container is running (no startup probes here).</summary>
    public bool Started => Phase == ContainerPhase.Running;
}

/// <summary>A finished container instance (state.terminated / lastState.terminated).</summary>
public sealed record TerminatedState(int ExitCode, int? Signal, string Reason, string? Message, DateTime StartedAt, DateTime FinishedAt, string ContainerId);

/// <summary>A pod as the runtime knows it: its init containers and containers in spec order.</summary>
public sealed record PodRuntimeState(
    string Uid,
    string Namespace,
    string Name,
    IReadOnlyList<ContainerState> InitContainers,
    IReadOnlyList<ContainerState> Containers,
    bool Stopping)
{
    /// <summary>The pod's IP (given by the kubelet), if any.</summary>
    public string? PodIP { get; init; }

    /// <summary>The ephemeral containers added so far (kubectl debug), in the order they were added.</summary>
    public IReadOnlyList<ContainerState> EphemeralContainers { get; init; } = Array.Empty<ContainerState>();

    public ContainerState? Container(string name) =>
        Containers.FirstOrDefault(c => c.Name == name) ?? InitContainers.FirstOrDefault(c => c.Name == name)
        ?? EphemeralContainers.FirstOrDefault(c => c.Name == name);
}

/// <summary>What happened to a container; the kubelet turns these into events (Created, Started, BackOff, Killing...).</summary>
public enum ContainerEventKind
{
    /// <summary>A new instance was created (before it starts).</summary>
    Created,
    /// <summary>The instance runs.</summary>
    Started,
    /// <summary>The instance ended on its own (see the state's exit code and reason).</summary>
    Exited,
    /// <summary>The container waits in CrashLoopBackOff before its next restart.</summary>
    BackOff,
    /// <summary>The runtime is stopping the container (pod deletion).</summary>
    Killing,
    /// <summary>The container was stopped by <see cref="IContainerRuntime.StopPodAsync"/> (or at shutdown).</summary>
    Stopped,
    /// <summary>Its preStop handler failed (the container is stopped all the same).</summary>
    FailedPreStopHook,
    /// <summary>Its postStart handler failed (the container is stopped, then restarted per its policy).</summary>
    FailedPostStartHook,
}

/// <summary>One change notification: which container, what happened, and its state afterwards.</summary>
public sealed record ContainerChange(string PodUid, string Namespace, string PodName, ContainerEventKind Kind, ContainerState State);
