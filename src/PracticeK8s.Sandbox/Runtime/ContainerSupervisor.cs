using System.Diagnostics;
using System.Security.Cryptography;
using PracticeK8s.Sandbox.Runtime.FileSystem;
using PracticeK8s.Sandbox.Runtime.Images;
using PracticeK8s.Sandbox.Runtime.Isolation;
using PracticeK8s.Sandbox.Runtime.Lifecycle;
using PracticeK8s.Sandbox.Runtime.Processes;

namespace PracticeK8s.Sandbox.Runtime;

/// <summary>
/// Runs one container of a pod: creates instances of its main process, records their state and
/// log, restarts them per the restart policy with back-off, and stops them with a grace period.
/// Also the entry point for attaching to the running instance.
/// </summary>
public sealed class ContainerSupervisor
{
    private readonly PodSpecification _pod;
    private readonly ContainerSpecification _spec;
    private readonly RuntimeOptions _options;
    private readonly ProcessGroups _groups;
    private readonly Action<ContainerEventKind, ContainerState> _notify;
    private readonly BackOff _backOff;
    private readonly object _lock = new();
    private readonly List<AttachedClient> _attached = new();
    private readonly CancellationTokenSource _stop = new();
    private ContainerState _state;
    private ContainerLog? _current, _previous;
    private IContainerProcess? _process;
    private TerminalSize _size = new(80, 24);
    private readonly NamespaceLauncher? _launcher;
    private readonly Func<PodNamespaces?> _podNamespaces;

    /// <summary>Whether the container runs in its pod's own network namespace (exec joins it too).</summary>
    public bool HasPodNetwork => _podNamespaces() is not null;
    private Task<int?> _containerPid = Task.FromResult<int?>(null);
    /// <summary>The running instance was killed after its grace period (it ends with 137, as SIGKILL'ed containers do).</summary>
    private bool _killedAfterGrace;

    /// <summary>After a preStop hook the kubelet still leaves the container this long to stop on SIGTERM.</summary>
    private static readonly TimeSpan MinimumShutdownWindow = TimeSpan.FromSeconds(2);

    /// <summary>An ephemeral container's target (targetContainerName): the host PID of its PID 1, whose PID namespace it joins.</summary>
    private readonly Func<Task<int?>>? _targetPid;

    public ContainerSupervisor(PodSpecification pod, ContainerSpecification spec, bool isInit, ContainerRoot root, RuntimeOptions options,
        ProcessGroups groups, NamespaceLauncher? launcher, Func<PodNamespaces?> podNamespaces, Action<ContainerEventKind, ContainerState> notify,
        bool isEphemeral = false, Func<Task<int?>>? targetPid = null)
    {
        IsEphemeral = isEphemeral;
        _targetPid = targetPid;
        _launcher = launcher;
        _podNamespaces = podNamespaces;
        _pod = pod;
        _spec = spec;
        _options = options;
        _groups = groups;
        _notify = notify;
        IsInit = isInit;
        Root = root;
        Image = ImageReference.Parse(spec.Image);
        Mounts = pod.Mounts?.GetValueOrDefault(spec.Name) is { } m ? m.OrderBy(x => x.ContainerPath.Length).ToList() : Array.Empty<Volumes.ContainerMount>();
        ImageContext = new(pod.Name, pod.Namespace, spec.Name, Image, spec.Env, root.Directory, spec.Ports, Mounts);
        _backOff = new BackOff(options.BackOffInitial, options.BackOffMax);
        _state = new ContainerState(spec.Name, isInit, Image.FullName, Image.ImageId, null, ContainerPhase.Waiting,
            pod.InitContainers.Count > 0 && !isEphemeral ? "PodInitializing" : "ContainerCreating", null, null, null, null, null, 0, null)
        { IsEphemeral = isEphemeral };
    }

    /// <summary>An ephemeral container (kubectl debug): it runs once, never restarted.</summary>
    public bool IsEphemeral { get; }

    public string Name => _spec.Name;
    public bool IsInit { get; }
    public ContainerRoot Root { get; }
    public ImageReference Image { get; }
    public ContainerSpecification Spec => _spec;
    public ContainerState State { get { lock (_lock) return _state; } }
    public IContainerLog? CurrentLog { get { lock (_lock) return _current; } }
    public IContainerLog? PreviousLog { get { lock (_lock) return _previous; } }
    public string PodName => _pod.Name;
    /// <summary>What the image's simulated process knows of this container (fixed for its life).</summary>
    public ImageContext ImageContext { get; }
    private ContainerLaunch? _launch;

    /// <summary>Whether host programs of this container run in namespaces of their own.</summary>
    public bool Isolated => _launcher is not null;

    /// <summary>Isolated: every instance has a PID 1 of its own (built-in images a stand-in, see <see cref="ImageStandIn"/>).</summary>
    public bool RunsIsolated => Isolated;

    /// <summary>The host name the container sees (the pod's; its spec.hostname when set).</summary>
    public string Hostname => ContainerEtc.Hostname(_pod);

    /// <summary>Where exec starts, as the container sees it.</summary>
    public string ContainerWorkingDir => string.IsNullOrEmpty(_spec.WorkingDir) ? "/" : _spec.WorkingDir;

    /// <summary>Isolated: the host PID of the running instance's PID 1 once its root is built (null otherwise).</summary>
    public Task<int?> ContainerPidAsync() { lock (_lock) return _containerPid; }

    /// <summary>
    /// Runs instances until the container is done: for init containers until one exits 0 (true) or
    /// fails under restartPolicy Never (false); for others until the policy says no more restarts or
    /// <see cref="StopAsync"/> is called.
    /// </summary>
    public async Task<bool> RunAsync()
    {
        var ct = _stop.Token;
        var first = true;
        while (!ct.IsCancellationRequested)
        {
            PrepareRoot(fresh: !first);
            first = false;
            var started = DateTime.UtcNow;
            var exitCode = await RunInstanceAsync(ct);
            var ranFor = DateTime.UtcNow - started;
            if (ct.IsCancellationRequested) return false;
            if (IsInit && exitCode == 0) return true;
            var restart = IsEphemeral ? false
                : IsInit
                ? _pod.RestartPolicy != "Never"
                : _pod.RestartPolicy switch { "Never" => false, "OnFailure" => exitCode != 0, _ => true };
            if (!restart) return false;
            var wait = _backOff.Next(ranFor);
            if (wait > TimeSpan.Zero)
            {
                var message = $"back-off {BackOff.Describe(wait)} restarting failed container={Name} pod={_pod.Name}_{_pod.Namespace}({_pod.Uid})";
                Update(ContainerEventKind.BackOff, s => s with
                {
                    Phase = ContainerPhase.Waiting, Reason = "CrashLoopBackOff", Message = message, ExitCode = null, Signal = null,
                    StartedAt = null, FinishedAt = null, LastTermination = Terminated(s),
                });
                try { await Task.Delay(wait, ct); }
                catch (OperationCanceledException) { return false; }
            }
        }
        return false;
    }

    /// <summary>The container's root as its image ships it; a restarted instance starts from a fresh one (volumes live outside it).</summary>
    private void PrepareRoot(bool fresh)
    {
        if (fresh) Root.Reset();
        Root.Create(_pod.Name, ImageCatalog.Builtin(Image)?.Files(ImageContext) ?? Array.Empty<(string, string)>(),
            Isolated ? ContainerEtc.Files(_pod, ContainerEtc.ReadHostResolvConf()) : null);
        foreach (var (path, content) in ShellImageTools.Executables(Image, Isolated)) Root.CreateExecutable(path, content);
        if (Isolated) CopyHostEtcFiles();
        PrepareVolumes();
    }

    private static TerminatedState? Terminated(ContainerState s) =>
        s.Phase == ContainerPhase.Terminated
            ? new TerminatedState(s.ExitCode ?? 0, s.Signal, s.Reason ?? "Error", s.Message, s.StartedAt ?? DateTime.UtcNow, s.FinishedAt ?? DateTime.UtcNow, s.ContainerId ?? "")
            : s.LastTermination;

    /// <summary>One instance: created, started, then ended (its exit code). A start error counts as exit 128.</summary>
    private async Task<int> RunInstanceAsync(CancellationToken ct)
    {
        var log = new ContainerLog();
        var id = "containerd://" + Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        int restarts;
        lock (_lock)
        {
            var first = _current is null;
            if (!first) _previous = _current;
            _current = log;
            restarts = first ? 0 : _state.RestartCount + 1;
        }
        Update(ContainerEventKind.Created, s => s with
        {
            ContainerId = id, RestartCount = restarts, Phase = ContainerPhase.Waiting, Reason = "ContainerCreating", Message = null,
            ExitCode = null, Signal = null, StartedAt = null, FinishedAt = null, LastTermination = Terminated(s),
        });
        _launch ??= ContainerLaunch.For(_spec, Image, Root, Isolated);
        _targetHostPid = Isolated && _targetPid is not null ? await TargetPidAsync() : null;
        var startedAt = DateTime.UtcNow;
        IContainerProcess process;
        try
        {
            if (_launch.StartError is { } error) throw new ContainerRuntimeException(ContainerRuntimeError.StartFailed, error);
            process = _launch.IsHost
                ? HostProcess.Start(HostLaunch(_launch.HostArgv!), (stream, bytes) => Output(log, stream, bytes), _groups)
                : StartSimulated(log, startedAt);
        }
        catch (ContainerRuntimeException e)
        {
            log.Complete();
            Update(ContainerEventKind.Exited, s => s with
            {
                Phase = ContainerPhase.Terminated, Reason = "StartError", Message = e.Message, ExitCode = 128,
                StartedAt = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc), FinishedAt = DateTime.UtcNow,
            });
            return 128;
        }
        if (!_launch.IsHost || !_spec.Stdin) process.CloseInput();
        var hostPid = process switch { HostProcess h => h.Pid, IsolatedImageProcess i => i.StandIn.Pid, _ => (int?)null };
        lock (_lock)
        {
            _process = process;
            _killedAfterGrace = false;
            _containerPid = Isolated && hostPid is { } pid ? _launcher!.WaitForContainerPidAsync(pid, TimeSpan.FromSeconds(30)) : Task.FromResult<int?>(null);
        }
        // Stopped while it was starting: StopAsync and Kill cancel before they look for the process, so
        // one of the two sees the other. Without this check the instance ran until it ended by itself
        // (a `sleep 3600` for an hour, a built-in image never) and its pod stayed Terminating.
        var stoppedWhileStarting = ct.IsCancellationRequested;
        if (stoppedWhileStarting) process.Kill();
        else Update(ContainerEventKind.Started, s => s with { Phase = ContainerPhase.Running, Reason = null, StartedAt = startedAt });
        if (!stoppedWhileStarting && _spec.Lifecycle?.PostStart is { } postStart) _ = RunPostStartAsync(postStart, process, ct);

        var exit = await process.Completion;
        log.Complete();
        lock (_lock)
        {
            _process = null;
            _containerPid = Task.FromResult<int?>(null);
            if (_killedAfterGrace) exit = 137;
        }
        await process.DisposeAsync();
        var stopped = ct.IsCancellationRequested;
        Update(stopped ? ContainerEventKind.Stopped : ContainerEventKind.Exited, s => s with
        {
            Phase = ContainerPhase.Terminated, Reason = exit == 0 ? "Completed" : "Error", Message = null, ExitCode = exit,
            Signal = null, FinishedAt = DateTime.UtcNow,
        });
        EndAttachments(exit);
        return exit;
    }

    /// <summary>A built-in image's simulated process; isolated, together with a stand-in PID 1 that holds the container's namespaces.</summary>
    private IContainerProcess StartSimulated(ContainerLog log, DateTime startedAt)
    {
        var simulated = new SimulatedProcess(_launch!.Builtin?.StartupLog(ImageContext, startedAt) ?? Array.Empty<string>(),
            (stream, text) => log.Append(stream, text));
        if (!Isolated) return simulated;
        var name = _launch.Builtin?.ProcessName(ImageContext) ?? "/" + Image.ShortName;
        try
        {
            return new IsolatedImageProcess(HostProcess.Start(HostLaunch(ImageStandIn.Argv(name)), (stream, bytes) => Output(log, stream, bytes), _groups), simulated);
        }
        catch (ContainerRuntimeException)
        {
            simulated.Kill();
            throw;
        }
    }

    /// <summary>
    /// postStart, as the kubelet runs it: after the container started; when it fails, a
    /// FailedPostStartHook event and the container is stopped (then restarted per its policy).
    /// </summary>
    private async Task RunPostStartAsync(LifecycleHandler hook, IContainerProcess process, CancellationToken ct)
    {
        var result = await HookRunner.RunAsync(this, hook, _groups, TimeSpan.FromMinutes(5));
        if (result.Ok || process.Completion.IsCompleted || ct.IsCancellationRequested) return;
        _notify(ContainerEventKind.FailedPostStartHook, State);
        _notify(ContainerEventKind.Killing, State);
        await StopProcessAsync(process, TimeSpan.FromSeconds(_pod.TerminationGracePeriodSeconds), runPreStop: false);
    }

    /// <summary>Appends a line to the running instance's log (an httpGet hook's access log line).</summary>
    public void AppendLog(string text)
    {
        ContainerLog? log;
        lock (_lock) log = _current;
        log?.Append(OutputStream.Stdout, text);
    }

    private int? _targetHostPid;

    /// <summary>The target container's PID 1 (waiting briefly while it starts); null: the ephemeral container gets a PID namespace of its own.</summary>
    private async Task<int?> TargetPidAsync()
    {
        try { return await _targetPid!().WaitAsync(TimeSpan.FromSeconds(30)); }
        catch (TimeoutException) { return null; }
    }

    /// <summary>The host process of an instance: the command itself, or (isolated) unshare running it as PID 1 of its own root
    /// (an ephemeral container with a target: a process of the target's PID namespace).</summary>
    private LaunchSpec HostLaunch(IReadOnlyList<string> argv) => Isolated
        ? new LaunchSpec(_targetHostPid is { } target
                ? _launcher!.ContainerArgvInTarget(Root.Directory, Hostname, ContainerWorkingDir, argv, Mounts.Count > 0 ? MountListPath : null, target, HasPodNetwork)
                : _launcher!.ContainerArgv(Root.Directory, Hostname, ContainerWorkingDir, argv, Mounts.Count > 0 ? MountListPath : null, _podNamespaces()), Root.Directory,
            ContainerLaunch.Environment(_spec, Hostname, "/root", _spec.Tty), _spec.Tty, _size, TerminalInside: true)
        : new LaunchSpec(argv, Root.WorkingDirectory(_spec.WorkingDir),
            ContainerLaunch.Environment(_spec, _pod.Name, Root.Map("/root"), _spec.Tty), _spec.Tty, _size);

    /// <summary>The container's volume mounts, as the kubelet resolved them (parents before children).</summary>
    private IReadOnlyList<Volumes.ContainerMount> Mounts { get; }

    /// <summary>Beside the container's root, in the pod's private directory: never visible inside.</summary>
    private string MountListPath => Path.Combine(Path.GetDirectoryName(Root.Directory)!, $".{_spec.Name}.mounts");

    /// <summary>Isolated host programs get bind mounts (the list the root script reads); others links in their directory.</summary>
    private void PrepareVolumes()
    {
        if (Mounts.Count == 0) return;
        _launch ??= ContainerLaunch.For(_spec, Image, Root, Isolated);
        if (RunsIsolated) Volumes.MountList.Write(MountListPath, Mounts);
        else Volumes.HostModeLinks.Create(Root, Mounts);
    }

    private void CopyHostEtcFiles()
    {
        foreach (var file in ContainerEtc.CopiedFromHost)
        {
            var target = Root.Map(file);
            if (File.Exists(target) || !File.Exists(file)) continue;
            try { Security.PrivateFiles.CopyNew(file, target); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private ValueTask Output(ContainerLog log, OutputStream stream, ReadOnlyMemory<byte> bytes)
    {
        log.Append(stream, bytes.Span);
        List<AttachedClient> clients;
        lock (_lock) clients = _attached.ToList();
        if (clients.Count == 0) return ValueTask.CompletedTask;
        return new ValueTask(Task.WhenAll(clients.Select(c => c.WriteAsync(stream, bytes))));
    }

    private void Update(ContainerEventKind kind, Func<ContainerState, ContainerState> change)
    {
        ContainerState state;
        lock (_lock) state = _state = change(_state);
        _notify(kind, state);
    }

    /// <summary>
    /// Stops the container as the kubelet does: its preStop hook (within the grace period), SIGTERM,
    /// then SIGKILL when the grace period is over; no restarts afterwards.
    /// </summary>
    public async Task StopAsync(TimeSpan grace, Task runLoop)
    {
        // Cancel first, then look: an instance registered after this look sees the cancellation (RunInstanceAsync).
        _stop.Cancel();
        IContainerProcess? process;
        lock (_lock) process = _process;
        var running = process is not null;
        if (running) _notify(ContainerEventKind.Killing, State);
        if (process is not null) await StopProcessAsync(process, grace, runPreStop: true);
        await runLoop;
        if (!running && State.Phase != ContainerPhase.Terminated)
        {
            // Never started (waiting, or in back-off): it ends where it is, as the kubelet reports it.
            Update(ContainerEventKind.Stopped, s => s.Phase == ContainerPhase.Waiting && s.LastTermination is { } last
                ? s with { Phase = ContainerPhase.Terminated, Reason = last.Reason, ExitCode = last.ExitCode, StartedAt = last.StartedAt, FinishedAt = last.FinishedAt, ContainerId = last.ContainerId, Message = null }
                : s);
        }
    }

    private async Task StopProcessAsync(IContainerProcess process, TimeSpan grace, bool runPreStop)
    {
        var clock = Stopwatch.StartNew();
        if (runPreStop && grace > TimeSpan.Zero && _spec.Lifecycle?.PreStop is { } preStop && !process.Completion.IsCompleted)
        {
            var result = await HookRunner.RunAsync(this, preStop, _groups, grace);
            if (!result.Ok) _notify(ContainerEventKind.FailedPreStopHook, State);
            var left = grace - clock.Elapsed;
            grace = left > MinimumShutdownWindow ? left : MinimumShutdownWindow;
        }
        // Isolated, SIGTERM goes to PID 1 alone, from outside its PID namespace: the kernel delivers it
        // only when PID 1 handles it, so a shell or `sleep` waits out the grace period, as on a node.
        // (With a terminal PID 1 leads a session of its own, out of the host process group: signalled itself.)
        // One still building its root gets nothing: its processes' group is not the container's PID 1.
        // A built-in image's simulated server decides (it exits 0 on SIGTERM, as nginx does), whatever its stand-in PID 1 is doing.
        if (process is IsolatedImageProcess) process.Terminate();
        else if (Isolated)
        {
            if (await ContainerPidOrNullAsync(TimeSpan.FromSeconds(2)) is { } containerPid) Native.Kill(containerPid, Native.SIGTERM);
        }
        else process.Terminate();
        if (await Task.WhenAny(process.Completion, Task.Delay(grace)) == process.Completion) return;
        lock (_lock) if (ReferenceEquals(_process, process)) _killedAfterGrace = true;
        process.Kill();
    }

    private async Task<int?> ContainerPidOrNullAsync(TimeSpan wait)
    {
        try { return await ContainerPidAsync().WaitAsync(wait); }
        catch (TimeoutException) { return null; }
    }

    /// <summary>Kills the running instance at once (removal, shutdown).</summary>
    public void Kill()
    {
        _stop.Cancel();
        IContainerProcess? process;
        lock (_lock) process = _process;
        process?.Kill();
    }

    public async Task<int> AttachAsync(ExecRequest request, CancellationToken ct)
    {
        IContainerProcess? process;
        lock (_lock) process = _process;
        if (process is null) throw new ContainerRuntimeException(ContainerRuntimeError.NotRunning, "container not running");
        var client = new AttachedClient(request, _spec.Tty);
        lock (_lock) _attached.Add(client);
        using var session = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            if (request.Stdin is not null && _spec.Stdin) _ = PumpInput(request.Stdin, process, session.Token);
            if (request.Resize is not null) _ = PumpResize(request.Resize, process, session.Token);
            var detached = Task.Delay(Timeout.Infinite, session.Token).ContinueWith(_ => -1, TaskScheduler.Default);
            return await await Task.WhenAny(client.Ended, detached);
        }
        finally
        {
            session.Cancel();
            lock (_lock) _attached.Remove(client);
            if (_spec.StdinOnce) process.CloseInput();
        }
    }

    private static async Task PumpInput(Stream stdin, IContainerProcess process, CancellationToken ct)
    {
        var buffer = new byte[8192];
        try
        {
            int n;
            while ((n = await stdin.ReadAsync(buffer, ct)) > 0)
                if (!await process.WriteInputAsync(buffer.AsMemory(0, n), ct)) return;
        }
        catch (OperationCanceledException) { }
        catch (IOException) { }
    }

    private async Task PumpResize(System.Threading.Channels.ChannelReader<TerminalSize> sizes, IContainerProcess process, CancellationToken ct)
    {
        try
        {
            await foreach (var size in sizes.ReadAllAsync(ct))
            {
                _size = size;
                process.Resize(size);
            }
        }
        catch (OperationCanceledException) { }
    }

    private void EndAttachments(int exit)
    {
        List<AttachedClient> clients;
        lock (_lock) clients = _attached.ToList();
        foreach (var c in clients) c.End(exit);
    }

    /// <summary>One attach session's output side.</summary>
    private sealed class AttachedClient(ExecRequest request, bool tty)
    {
        private readonly TaskCompletionSource<int> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Task<int> Ended => _ended.Task;
        public void End(int exit) => _ended.TrySetResult(exit);

        public async Task WriteAsync(OutputStream stream, ReadOnlyMemory<byte> bytes)
        {
            var target = stream == OutputStream.Stderr && !tty ? request.Stderr : request.Stdout;
            if (target is null) return;
            try
            {
                await target.WriteAsync(bytes);
                await target.FlushAsync();
            }
            catch (IOException) { End(-1); }
            catch (ObjectDisposedException) { End(-1); }
        }
    }
}
