using System.Management.Automation;
using System.Net.WebSockets;
using System.Threading.Channels;
using k8s.Models;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Engine.Exec;

/// <summary>The container a command runs in.</summary>
public sealed record ExecTarget(string Namespace, string Pod, string Container)
{
    public override string ToString() => $"pod/{Pod} -c {Container} -n {Namespace}";
}

/// <summary>What a command reads and where its output goes. Callbacks get data as it arrives.</summary>
public sealed class ExecStreams
{
    /// <summary>Sent as the command's stdin; its end closes stdin (v5). Null: no stdin.</summary>
    public Stream? Stdin { get; init; }

    public Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask>? Stdout { get; init; }
    public Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask>? Stderr { get; init; }

    /// <summary>Ask for a terminal: output arrives on stdout only, and <see cref="Resize"/> sizes apply.</summary>
    public bool Tty { get; init; }

    public ChannelReader<(ushort Width, ushort Height)>? Resize { get; init; }

    /// <summary>Told the protocol the server chose, once connected (before any data flows).</summary>
    public Action<string>? Connected { get; init; }

    /// <summary>The channel protocols to offer (default v5, then v4).</summary>
    public IReadOnlyList<string>? Protocols { get; init; }
}

/// <summary>How a command ended: its exit code and the channel protocol the server chose.</summary>
public sealed record ExecOutcome(int ExitCode, string Protocol, bool Detached = false);

/// <summary>
/// kubectl exec: picks the container like kubectl, refuses completed pods, runs the command over
/// the channel protocol and returns the remote exit code (non-zero exit is a result, not an error).
/// </summary>
public sealed class PodExec
{
    private readonly KubeConnection? _connection;
    private readonly Func<string, IReadOnlyList<string>, CancellationToken, Task<WebSocket>> _connect;

    public PodExec(KubeConnection connection)
    {
        _connection = connection;
        _connect = (path, protocols, cancel) => ExecSocket.ConnectAsync(connection, path, protocols, cancel);
    }

    /// <summary>For tests: a socket factory instead of a cluster.</summary>
    internal PodExec(Func<string, IReadOnlyList<string>, CancellationToken, Task<WebSocket>> connect) => _connect = connect;

    /// <summary>kubectl's exit code when the command could not run at all (no pod, no container, no such program).</summary>
    public const int FailureExitCode = 1;

    /// <summary>A failure to run, naming the pod and container when they are known (one error whichever way the pod was named).</summary>
    public static KubeException Failure(KubeException e, ExecTarget? target) => target is null ? e
        : new KubeException($"cannot run the command in pod {target.Pod}, container {target.Container}: {e.Message}", e.ErrorId, e.Category, target.Pod, e);

    /// <summary>Reads the pod and decides the container; the notice is kubectl's "Defaulted container ..." line.</summary>
    public async Task<(ExecTarget Target, string? Notice)> ResolveAsync(string ns, string pod, string? container, CancellationToken cancel)
    {
        if (_connection is null)
            throw new InvalidOperationException("no connection");
        object model;
        try
        {
            model = await new KubeResourceClient(_connection).GetAsync(KindCatalog.Pod, ns, pod, cancel).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            throw ObjectNotFound.Of(KindCatalog.Pod, pod, e);
        }
        return Resolve(model, container);
    }

    /// <summary>The target for a pod object already in hand (piped from Get-KubePod).</summary>
    public static (ExecTarget Target, string? Notice) Resolve(object podModel, string? container) => Resolve(podModel, container, "exec into");

    /// <summary>The same for another verb ("attach to"), which only changes the completed-pod message.</summary>
    public static (ExecTarget Target, string? Notice) Resolve(object podModel, string? container, string verb)
    {
        if (podModel is not V1Pod pod)
            throw new KubeException("not a pod", "KubeNotAPod", ErrorCategory.InvalidArgument, podModel);
        var phase = pod.Status?.Phase;
        if (phase is "Succeeded" or "Failed")
        {
            throw new KubeException($"cannot {verb} a container in a completed pod; current phase is {phase}", "KubePodCompleted",
                ErrorCategory.InvalidOperation, pod.Metadata?.Name);
        }
        var (name, notice) = ContainerChoice.Pick(pod, container);
        return (new ExecTarget(pod.Metadata?.NamespaceProperty ?? "default", pod.Metadata?.Name ?? "", name), notice);
    }

    /// <summary>Runs the command to its end; returns its exit code. Cancelling aborts the connection.</summary>
    public async Task<ExecOutcome> RunAsync(ExecTarget target, IReadOnlyList<string> command, ExecStreams streams, CancellationToken cancel)
    {
        if (command.Count == 0)
            throw new KubeException("you must specify at least one command for the container", "KubeInvalidArguments", ErrorCategory.InvalidArgument, null);
        var path = ExecSocket.ExecPath(target.Namespace, target.Pod, target.Container, command,
            stdin: streams.Stdin is not null, stdout: true, stderr: !streams.Tty, tty: streams.Tty);
        return await RunPathAsync(path, target, streams, cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// kubectl attach: the container's main process output from now on (and its stdin when given)
    /// until the container ends (exit code 0: the kubelet reports none for attach) or cancelling
    /// detaches, which leaves the container running.
    /// </summary>
    public async Task<ExecOutcome> AttachAsync(ExecTarget target, ExecStreams streams, CancellationToken cancel)
    {
        var path = ExecSocket.AttachPath(target.Namespace, target.Pod, target.Container,
            stdin: streams.Stdin is not null, stdout: true, stderr: !streams.Tty, tty: streams.Tty);
        return await RunPathAsync(path, target, streams, cancel).ConfigureAwait(false);
    }

    private async Task<ExecOutcome> RunPathAsync(string path, ExecTarget target, ExecStreams streams, CancellationToken cancel)
    {
        using var socket = await _connect(path, streams.Protocols ?? ChannelProtocol.Preferred, cancel).ConfigureAwait(false);
        using var abort = cancel.Register(socket.Abort);
        var channels = new ExecChannels(socket);
        streams.Connected?.Invoke(channels.Protocol ?? "");
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var stdinTask = streams.Stdin is null ? Task.CompletedTask : PumpStdinAsync(channels, streams.Stdin, sending.Token);
        var resizeTask = streams.Resize is null ? Task.CompletedTask : PumpResizeAsync(channels, streams.Resize, sending.Token);
        string status;
        try
        {
            status = await channels.ReceiveAsync((channel, data, token) => channel switch
            {
                ChannelProtocol.Stdout when streams.Stdout is not null => streams.Stdout(data, token),
                ChannelProtocol.Stderr when streams.Stderr is not null => streams.Stderr(data, token),
                _ => ValueTask.CompletedTask,
            }, cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (cancel.IsCancellationRequested && e is WebSocketException or ObjectDisposedException)
        {
            throw new OperationCanceledException(cancel);
        }
        finally
        {
            sending.Cancel();
            try { await Task.WhenAll(stdinTask, resizeTask).ConfigureAwait(false); }
            catch (Exception) { /* the command ended first: nothing left to send */ }
        }
        return new ExecOutcome(ExecStatus.ExitCode(status, target.Pod), channels.Protocol ?? "");
    }

    private static async Task PumpStdinAsync(ExecChannels channels, Stream stdin, CancellationToken cancel)
    {
        var buffer = new byte[32 * 1024];
        while (true)
        {
            int n = await stdin.ReadAsync(buffer, cancel).ConfigureAwait(false);
            if (n == 0)
                break;
            await channels.SendAsync(ChannelProtocol.Stdin, buffer.AsMemory(0, n), cancel).ConfigureAwait(false);
        }
        await channels.CloseStdinAsync(cancel).ConfigureAwait(false);
    }

    private static async Task PumpResizeAsync(ExecChannels channels, ChannelReader<(ushort Width, ushort Height)> sizes, CancellationToken cancel)
    {
        await foreach (var (width, height) in sizes.ReadAllAsync(cancel).ConfigureAwait(false))
            await channels.SendResizeAsync(width, height, cancel).ConfigureAwait(false);
    }
}
