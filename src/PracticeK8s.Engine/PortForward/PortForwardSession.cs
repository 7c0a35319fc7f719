using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.PortForward;

public enum PortForwardState
{
    Running,
    Stopped,
    Ended,
}

/// <summary>One local endpoint of a forward: where it listens and the pod port it reaches.</summary>
public sealed record ForwardedPort(string Address, int LocalPort, int RemotePort)
{
    /// <summary>kubectl's line: "Forwarding from 127.0.0.1:8080 -> 8080".</summary>
    public override string ToString() => $"Forwarding from {Address} -> {RemotePort}";
}

/// <summary>What a session is built from besides its target.</summary>
public sealed record PortForwardOptions
{
    /// <summary>Connections forwarded at once; further ones wait in the listen backlog until one ends.</summary>
    public int MaxConnections { get; init; } = 64;
}

/// <summary>
/// A running port-forward, like one kubectl port-forward process: listeners on local ports; each
/// accepted connection gets its own port-forward WebSocket to the pod, with bytes copied both ways.
/// It ends (state Ended, kubectl's "lost connection to pod") when the pod goes or the server reports an
/// error on a connection, and stops (state Stopped) when asked; either way the ports are freed at once.
/// </summary>
public sealed class PortForwardSession : IDisposable
{
    private readonly Func<string, CancellationToken, Task<WebSocket>> _connect;
    private readonly Func<CancellationToken, Task<string>>? _watchPod;
    private readonly List<TcpListener> _listeners = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _slots;
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();
    private List<ForwardedPort> _ports = [];
    private int _active;
    private long _total;

    public PortForwardSession(ForwardTarget target, string context, Func<string, CancellationToken, Task<WebSocket>> connect,
        Func<CancellationToken, Task<string>>? watchPod = null, PortForwardOptions? options = null)
    {
        Target = target.Description;
        Namespace = target.Namespace;
        Pod = target.Pod;
        Context = context;
        Resolved = target;
        _connect = connect;
        _watchPod = watchPod;
        MaxConnections = Math.Max(1, (options ?? new PortForwardOptions()).MaxConnections);
        _slots = new SemaphoreSlim(MaxConnections, MaxConnections);
    }

    /// <summary>Numbered by the session list that holds it (Get-KubePortForward -Id); 0 until then.</summary>
    public int Id { get; internal set; }

    /// <summary>What was named: pod/NAME, service/NAME, deployment.apps/NAME.</summary>
    public string Target { get; }

    public string Namespace { get; }
    public string Pod { get; }
    public string Context { get; }
    public int MaxConnections { get; }
    internal ForwardTarget Resolved { get; }

    public IReadOnlyList<ForwardedPort> Endpoints { get { lock (_gate) return _ports.ToList(); } }
    public int[] LocalPorts => Endpoints.Select(p => p.LocalPort).Distinct().ToArray();
    public int[] RemotePorts => Endpoints.Select(p => p.RemotePort).Distinct().ToArray();

    /// <summary>The table's LOCAL cell: the endpoints listened on.</summary>
    public string Local => string.Join(",", Endpoints.Select(p => p.Address));

    /// <summary>The table's REMOTE cell: the pod ports, in order.</summary>
    public string Remote => string.Join(",", RemotePorts);

    public PortForwardState State { get; private set; } = PortForwardState.Running;
    public DateTime Started { get; } = DateTime.Now;
    public DateTime? Finished { get; private set; }

    /// <summary>Why the forward ended by itself (null while running or when stopped).</summary>
    public string? Error { get; private set; }

    /// <summary>The last failure of a single connection that did not end the forward (for example a refused upgrade).</summary>
    public string? LastConnectionError { get; private set; }

    public int ActiveConnections => Volatile.Read(ref _active);
    public long TotalConnections => Interlocked.Read(ref _total);

    /// <summary>Raised (on a pool thread) with the local port as each connection is accepted: kubectl's "Handling connection for 8080".</summary>
    public event Action<int>? ConnectionAccepted;

    /// <summary>Raised (on a pool thread) when one connection failed without ending the forward.</summary>
    public event Action<string>? ConnectionFailed;

    /// <summary>Completes when the forward is stopped or ends.</summary>
    public Task Completion => _finished.Task;

    /// <summary>Whether the end has been reported to the user (the session list hands each end out once).</summary>
    internal bool EndReported { get; set; }

    /// <summary>
    /// Binds every (address, port) pair, then starts accepting. A port that cannot be bound is reported
    /// in the returned notices as kubectl does ("Unable to listen on port ..."); if no port can be bound
    /// the start fails and nothing stays bound.
    /// </summary>
    public IReadOnlyList<string> Start(IReadOnlyList<ListenAddress> addresses)
    {
        var notices = new List<string>();
        var bound = new List<(TcpListener Listener, ForwardedPort Port)>();
        try
        {
            foreach (var port in Resolved.Ports)
            {
                var forPort = new List<(TcpListener, ForwardedPort)>();
                var failures = new List<string>();
                bool requiredFailed = false;
                int local = port.Local;
                foreach (var address in addresses)
                {
                    var listener = new TcpListener(address.Address, local);
                    try
                    {
                        listener.Start(512);
                    }
                    catch (SocketException e)
                    {
                        failures.Add($"unable to create listener: Error listen tcp{(address.Address.AddressFamily == AddressFamily.InterNetworkV6 ? "6" : "4")} " +
                            $"{ListenAddress.Format(address.Address, local)}: bind: {e.Message.ToLowerInvariant()}");
                        requiredFailed |= !address.Optional;
                        continue;
                    }
                    local = ((IPEndPoint)listener.LocalEndpoint).Port; // port 0: later addresses take the same port
                    forPort.Add((listener, new ForwardedPort(ListenAddress.Format(address.Address, local), local, port.Remote)));
                }
                if (requiredFailed || forPort.Count == 0)
                {
                    foreach (var (listener, _) in forPort)
                        listener.Stop();
                    notices.Add($"Unable to listen on port {port.Local}: Listeners failed to create with the following errors: [{string.Join(" ", failures)}]");
                    continue;
                }
                bound.AddRange(forPort);
            }
            if (bound.Count == 0)
            {
                throw new KubeException($"unable to listen on any of the requested ports: [{string.Join(" ", Resolved.Ports.Select(p => $"{{{p.Local} {p.Remote}}}"))}]" +
                    (notices.Count > 0 ? "\n" + string.Join("\n", notices) : ""),
                    "KubePortForwardListenFailed", ErrorCategory.ResourceUnavailable, Target);
            }
        }
        catch
        {
            foreach (var (listener, _) in bound)
                listener.Stop();
            throw;
        }
        lock (_gate)
        {
            _listeners.AddRange(bound.Select(b => b.Listener));
            _ports = bound.Select(b => b.Port).ToList();
        }
        // The loops outlive the cmdlet that started them: they must not carry its request log or timeout (async-locals).
        using (ExecutionContext.SuppressFlow())
        {
            foreach (var (listener, port) in bound)
                _ = Task.Run(() => AcceptLoopAsync(listener, port));
            if (_watchPod is not null)
                _ = Task.Run(WatchPodAsync);
        }
        return notices;
    }

    /// <summary>Stops listening and closes every forwarded connection; the ports are free when this returns.</summary>
    public void Stop() => Finish(PortForwardState.Stopped, null);

    public void Dispose() => Stop();

    /// <summary>Ends the forward as kubectl does when its connection to the pod is lost.</summary>
    internal void Fail(string reason) => Finish(PortForwardState.Ended, reason);

    private void Finish(PortForwardState state, string? reason)
    {
        List<TcpListener> listeners;
        lock (_gate)
        {
            if (State != PortForwardState.Running)
                return;
            State = state;
            Error = reason;
            Finished = DateTime.Now;
            listeners = _listeners.ToList();
            _listeners.Clear();
        }
        foreach (var listener in listeners)
            listener.Stop();
        try { _stop.Cancel(); } catch (ObjectDisposedException) { }
        _finished.TrySetResult();
    }

    private async Task AcceptLoopAsync(TcpListener listener, ForwardedPort port)
    {
        var cancel = _stop.Token;
        while (!cancel.IsCancellationRequested)
        {
            try
            {
                await _slots.WaitAsync(cancel).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            Socket accepted;
            try
            {
                accepted = await listener.AcceptSocketAsync(cancel).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                _slots.Release();
                if (cancel.IsCancellationRequested)
                    return;
                continue; // an aborted handshake: keep listening
            }
            _ = ForwardAsync(accepted, port, cancel);
        }
    }

    private async Task ForwardAsync(Socket accepted, ForwardedPort port, CancellationToken cancel)
    {
        Interlocked.Increment(ref _active);
        Interlocked.Increment(ref _total);
        try
        {
            accepted.NoDelay = true;
            ConnectionAccepted?.Invoke(port.LocalPort);
            using var socket = await _connect(PortForwardChannels.Path(Namespace, Pod, port.RemotePort), cancel).ConfigureAwait(false);
            var end = await ForwardedConnection.RunAsync(accepted, socket, cancel).ConfigureAwait(false);
            if (end.ServerError is { } error && !cancel.IsCancellationRequested)
                Fail($"an error occurred forwarding {port.LocalPort} -> {port.RemotePort}: {error}; {PodWatch.LostConnection}");
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
        }
        catch (KubeApiException e) when (e.IsNotFound && !cancel.IsCancellationRequested)
        {
            Fail($"{PodWatch.LostConnection}: {e.Message}");
        }
        catch (Exception e) when (!cancel.IsCancellationRequested)
        {
            LastConnectionError = $"an error occurred forwarding {port.LocalPort} -> {port.RemotePort}: {e.Message}";
            ConnectionFailed?.Invoke(LastConnectionError);
        }
        catch (Exception)
        {
            // stopped while connecting
        }
        finally
        {
            accepted.Dispose();
            Interlocked.Decrement(ref _active);
            _slots.Release();
        }
    }

    private async Task WatchPodAsync()
    {
        try
        {
            var reason = await _watchPod!(_stop.Token).ConfigureAwait(false);
            Fail(reason);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Fail($"{PodWatch.LostConnection}: {e.Message}");
        }
    }
}
