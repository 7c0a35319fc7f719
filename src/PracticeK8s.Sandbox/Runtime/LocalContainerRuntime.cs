using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using PracticeK8s.Sandbox.Runtime.Images;
using PracticeK8s.Sandbox.Runtime.Processes;

namespace PracticeK8s.Sandbox.Runtime;

/// <summary>
/// The sandbox's container runtime: pods' containers as local processes (shell commands) or
/// simulated processes (built-in images), each in a private directory under
/// <see cref="RuntimeOptions.RootDirectory"/>; exec as local processes in that directory.
/// </summary>
public sealed class LocalContainerRuntime : IContainerRuntime
{
    private readonly RuntimeOptions _options;
    private readonly ConcurrentDictionary<string, PodInstance> _pods = new();
    private readonly ProcessGroups _groups;
    private readonly Isolation.NamespaceLauncher? _launcher;
    private int _disposed;

    public LocalContainerRuntime(RuntimeOptions options)
    {
        _options = options;
        Security.PrivateFiles.CreateDirectory(options.RootDirectory);
        _groups = new ProcessGroups(options.RootDirectory);
        if (options.Isolation == Isolation.IsolationMode.Namespaces) _launcher = Isolation.NamespaceLauncher.Install(options.RootDirectory);
        // Working directories of a previous run: their pods' processes are gone.
        var pods = Path.Combine(options.RootDirectory, "pods");
        if (Directory.Exists(pods))
            try { Directory.Delete(pods, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public event Action<ContainerChange>? ContainerChanged;

    /// <summary>Host process groups currently running (for tests and diagnostics).</summary>
    public int HostProcessCount => _groups.Count;

    public IReadOnlyCollection<string> PodUids => _pods.Keys.ToList();

    public void StartPod(PodSpecification pod)
    {
        if (Volatile.Read(ref _disposed) != 0) return;
        if (string.IsNullOrEmpty(pod.Uid)) throw new ArgumentException("the pod has no UID", nameof(pod));
        var created = false;
        var instance = _pods.GetOrAdd(pod.Uid, _ =>
        {
            created = true;
            return new PodInstance(pod, _options, _groups, _launcher, Raise);
        });
        if (created) instance.Start();
    }

    public void StartEphemeralContainer(string podUid, ContainerSpecification container, string? targetContainer)
    {
        if (Volatile.Read(ref _disposed) != 0 || !_pods.TryGetValue(podUid, out var pod)) return;
        pod.AddEphemeral(container, targetContainer);
    }

    private void Raise(ContainerChange change)
    {
        try { ContainerChanged?.Invoke(change); }
        catch (Exception) { /* a listener's failure must not stop the container */ }
    }

    public Task StopPodAsync(string podUid, TimeSpan gracePeriod, CancellationToken cancellationToken = default) =>
        _pods.TryGetValue(podUid, out var pod) ? pod.StopAsync(gracePeriod).WaitAsync(cancellationToken) : Task.CompletedTask;

    public async Task RemovePodAsync(string podUid)
    {
        if (!_pods.TryRemove(podUid, out var pod)) return;
        pod.Kill();
        await pod.StopAsync(TimeSpan.Zero);
        _options.Networks?.Detach(podUid);
        pod.DeleteFiles();
    }

    public PodRuntimeState? GetPod(string podUid) => _pods.TryGetValue(podUid, out var pod) ? pod.State : null;

    public IContainerLog? GetLog(string podUid, string container, bool previous = false)
    {
        var c = Find(podUid, container);
        return c is null ? null : previous ? c.PreviousLog : c.CurrentLog;
    }

    private ContainerSupervisor? Find(string podUid, string container) =>
        _pods.TryGetValue(podUid, out var pod) ? pod.Container(container) : null;

    private ContainerSupervisor Running(string podUid, string container)
    {
        var c = Find(podUid, container) ?? throw new ContainerRuntimeException(ContainerRuntimeError.NotFound, $"container not found (\"{container}\")");
        if (c.State.Phase != ContainerPhase.Running)
            throw new ContainerRuntimeException(ContainerRuntimeError.NotRunning, $"container not found (\"{container}\")");
        return c;
    }

    public async Task<int> ExecAsync(string podUid, string container, ExecRequest request, CancellationToken cancellationToken = default)
    {
        var c = Running(podUid, container);
        var spec = await ExecLaunch.ForAsync(c, request.Command, request.Tty, cancellationToken);
        await using var process = HostProcess.Start(spec, (stream, bytes) => WriteOutput(request, stream, bytes), _groups);
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var kill = session.Token.Register(process.Kill);
        var input = request.Stdin is null ? Task.CompletedTask : PumpInput(request.Stdin, process, session.Token);
        if (request.Stdin is null) process.CloseInput();
        var resize = request.Resize is null ? Task.CompletedTask : PumpResize(request.Resize, process, session.Token);
        var exit = await process.Completion;
        session.Cancel();
        cancellationToken.ThrowIfCancellationRequested();
        return exit;
    }

    private static async ValueTask WriteOutput(ExecRequest request, OutputStream stream, ReadOnlyMemory<byte> bytes)
    {
        var target = stream == OutputStream.Stderr && !request.Tty ? request.Stderr : request.Stdout;
        if (target is null) return;
        try
        {
            await target.WriteAsync(bytes);
            await target.FlushAsync();
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
    }

    private static async Task PumpInput(Stream stdin, IContainerProcess process, CancellationToken ct)
    {
        var buffer = new byte[16384];
        try
        {
            int n;
            while ((n = await stdin.ReadAsync(buffer, ct)) > 0)
                if (!await process.WriteInputAsync(buffer.AsMemory(0, n), ct)) return;
            process.CloseInput();
        }
        catch (OperationCanceledException) { }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
    }

    private static async Task PumpResize(System.Threading.Channels.ChannelReader<TerminalSize> sizes, IContainerProcess process, CancellationToken ct)
    {
        try
        {
            await foreach (var size in sizes.ReadAllAsync(ct)) process.Resize(size);
        }
        catch (OperationCanceledException) { }
    }

    public Task<int> AttachAsync(string podUid, string container, ExecRequest request, CancellationToken cancellationToken = default) =>
        Running(podUid, container).AttachAsync(request, cancellationToken);

    public async Task<bool> ServeHttpAsync(string podUid, int port, HttpContext context)
    {
        if (!_pods.TryGetValue(podUid, out var pod)) return false;
        foreach (var c in pod.All.Where(c => !c.IsInit && c.State.Phase == ContainerPhase.Running))
        {
            if (ImageCatalog.Builtin(c.Image) is not { } image) continue;
            var imageContext = c.ImageContext;
            if (!image.HttpPorts(imageContext).Contains(port)) continue;
            var accessLog = await image.ServeAsync(imageContext, context);
            if (accessLog is not null && c.CurrentLog is ContainerLog log) log.Append(OutputStream.Stdout, accessLog + "\n");
            return true;
        }
        return false;
    }

    public IReadOnlyList<BuiltinPort> BuiltinPorts(string podUid)
    {
        var result = new List<BuiltinPort>();
        if (!_pods.TryGetValue(podUid, out var pod) || pod.Stopping) return result;
        foreach (var c in pod.All.Where(c => !c.IsInit && c.State.Phase == ContainerPhase.Running))
        {
            if (ImageCatalog.Builtin(c.Image) is not { } image) continue;
            var context = c.ImageContext;
            var https = image.HttpsPorts(context).ToHashSet();
            foreach (var port in image.HttpPorts(context).Distinct())
                if (result.All(p => p.Port != port))
                    result.Add(new BuiltinPort(port, https.Contains(port) ? name => image.ServerCertificate(context, port, name) : null));
        }
        return result;
    }

    public async Task StopAllAsync()
    {
        var pods = _pods.Values.ToList();
        foreach (var p in pods) p.Kill();
        await Task.WhenAll(pods.Select(p => p.StopAsync(TimeSpan.Zero))).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        _groups.KillAll();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await StopAllAsync();
        foreach (var p in _pods.Values) p.DeleteFiles();
        _pods.Clear();
        _groups.Dispose();
    }
}
