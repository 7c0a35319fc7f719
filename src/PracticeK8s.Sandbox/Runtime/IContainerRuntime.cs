using Microsoft.AspNetCore.Http;

namespace PracticeK8s.Sandbox.Runtime;

/// <summary>
/// The node-side container runtime the simulated kubelet and the pods/log, pods/exec, pods/attach
/// handlers and Service traffic use. One instance serves every node of the sandbox; pods are keyed
/// by their UID. Containers run as real local processes (shell commands) or as simulated processes
/// (built-in images such as nginx or hello-app), each in a private working directory.
/// <para>
/// Thread-safety: every member may be called concurrently. Methods never block on a container:
/// starting and stopping happen in the background and are reported through <see cref="ContainerChanged"/>.
/// </para>
/// </summary>
/// <summary>A port a built-in container answers HTTP on; <paramref name="Certificate"/> (by TLS server name) when it speaks HTTPS.</summary>
public sealed record BuiltinPort(int Port, Func<string?, System.Security.Cryptography.X509Certificates.X509Certificate2?>? Certificate);

public interface IContainerRuntime : IAsyncDisposable
{
    /// <summary>
    /// Starts the pod's containers (init containers first, one after another, then all regular
    /// containers) and keeps them running per <see cref="PodSpecification.RestartPolicy"/>, restarting
    /// exited containers with back-off (10 s doubling to 5 min by default). Idempotent: a pod already
    /// known (same UID) is left as it is. Returns at once; progress arrives as <see cref="ContainerChanged"/>.
    /// </summary>
    void StartPod(PodSpecification pod);

    /// <summary>
    /// Stops every container of the pod: the main process gets SIGTERM (simulated ones end at once),
    /// and whatever still runs after <paramref name="gracePeriod"/> is killed. No more restarts
    /// afterwards. Completes when all containers are terminated (their logs and states are kept
    /// until <see cref="RemovePodAsync"/>). Unknown UID: completes at once.
    /// </summary>
    Task StopPodAsync(string podUid, TimeSpan gracePeriod, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts an ephemeral container in a running pod (kubectl debug): once, never restarted, in the
    /// PID namespace of <paramref name="targetContainer"/> when given (isolated pods). Idempotent by name;
    /// an unknown or stopping pod is ignored. Progress arrives as <see cref="ContainerChanged"/>.
    /// </summary>
    void StartEphemeralContainer(string podUid, ContainerSpecification container, string? targetContainer);

    /// <summary>Kills whatever still runs of the pod and forgets it: states, logs and working directories.</summary>
    Task RemovePodAsync(string podUid);

    /// <summary>The UIDs of every pod the runtime knows (started and not yet removed).</summary>
    IReadOnlyCollection<string> PodUids { get; }

    /// <summary>The current state of a pod's containers, or null for an unknown UID.</summary>
    PodRuntimeState? GetPod(string podUid);

    /// <summary>
    /// Raised after every container state change (created, started, exited, back-off, killing...).
    /// Handlers run on a runtime thread: keep them short and never block (queue work instead).
    /// </summary>
    event Action<ContainerChange>? ContainerChanged;

    /// <summary>
    /// A container's log: the current instance or, with <paramref name="previous"/>, the last terminated
    /// one. Null when there is no such container, or no previous instance.
    /// </summary>
    IContainerLog? GetLog(string podUid, string container, bool previous = false);

    /// <summary>
    /// Runs <see cref="ExecRequest.Command"/> as a local process in the container's working directory,
    /// wired to the request's streams (a pseudo-terminal when <see cref="ExecRequest.Tty"/>), and returns
    /// its exit code. Throws <see cref="ContainerRuntimeException"/> when the container is not running or
    /// the command cannot be started. Cancellation kills the process.
    /// </summary>
    Task<int> ExecAsync(string podUid, string container, ExecRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Attaches to the container's main process: its output from now on goes to the request's
    /// stdout/stderr, the request's stdin to the process (when the container has <c>stdin: true</c>).
    /// Completes when the container's process ends (with its exit code) or when cancelled (detach, -1).
    /// </summary>
    Task<int> AttachAsync(string podUid, string container, ExecRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Answers one HTTP request as the container of this pod that listens on <paramref name="port"/>
    /// would (hello-app on 8080, nginx on 80, ...). Returns false, writing nothing, when no running
    /// container of the pod serves that port (the caller answers as a refused connection would).
    /// </summary>
    Task<bool> ServeHttpAsync(string podUid, int port, HttpContext context);

    /// <summary>
    /// The ports the pod's running built-in containers serve HTTP on (with the certificate choice of
    /// those that speak TLS); empty for an unknown pod or one without such containers.
    /// </summary>
    IReadOnlyList<BuiltinPort> BuiltinPorts(string podUid);

    /// <summary>Stops everything at once (sandbox shutdown): no process outlives the sandbox.</summary>
    Task StopAllAsync();
}
