using PracticeK8s.Sandbox.Runtime.FileSystem;
using PracticeK8s.Sandbox.Runtime.Processes;

namespace PracticeK8s.Sandbox.Runtime;

/// <summary>
/// One pod in the runtime: its init containers run one after another, then its containers run
/// side by side. Each container has its own root directory under the pod's directory.
/// </summary>
public sealed class PodInstance
{
    private readonly List<ContainerSupervisor> _init, _containers;
    private readonly List<ContainerSupervisor> _ephemeral = new();
    private readonly Func<ContainerSpecification, Func<Task<int?>>?, ContainerSupervisor> _makeEphemeral;
    private readonly Dictionary<ContainerSupervisor, Task> _loops = new();
    private readonly object _lock = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _run = Task.CompletedTask;
    private readonly Isolation.IPodNetworks? _networks;
    private readonly Isolation.NamespaceLauncher? _launcher;

    public PodInstance(PodSpecification spec, RuntimeOptions options, ProcessGroups groups, Isolation.NamespaceLauncher? launcher, Action<ContainerChange> notify)
    {
        Spec = spec;
        _networks = options.Networks;
        _launcher = launcher;
        Directory = Path.Combine(options.RootDirectory, "pods", $"{spec.Namespace}_{spec.Name}_{spec.Uid}");
        ContainerSupervisor Make(ContainerSpecification c, bool init) => new(spec, c, init,
            new ContainerRoot(Path.Combine(Directory, c.Name)), options, groups, launcher, () => Namespaces,
            (kind, state) => notify(new ContainerChange(spec.Uid, spec.Namespace, spec.Name, kind, state)));
        _init = spec.InitContainers.Select(c => Make(c, true)).ToList();
        _makeEphemeral = (c, targetPid) => new(spec, c, false, new ContainerRoot(Path.Combine(Directory, c.Name)), options, groups, launcher, () => Namespaces,
            (kind, state) => notify(new ContainerChange(spec.Uid, spec.Namespace, spec.Name, kind, state)), isEphemeral: true, targetPid);
        _containers = spec.Containers.Select(c => Make(c, false)).ToList();
    }

    public PodSpecification Spec { get; }
    public string Directory { get; }
    public bool Stopping => _stopping.IsCancellationRequested;

    public IEnumerable<ContainerSupervisor> All => _init.Concat(_containers).Concat(Ephemeral);

    private List<ContainerSupervisor> Ephemeral { get { lock (_lock) return _ephemeral.ToList(); } }

    public ContainerSupervisor? Container(string name) => _containers.FirstOrDefault(c => c.Name == name) ?? _init.FirstOrDefault(c => c.Name == name)
        ?? Ephemeral.FirstOrDefault(c => c.Name == name);

    public PodRuntimeState State => new(Spec.Uid, Spec.Namespace, Spec.Name,
        _init.Select(c => c.State).ToList(), _containers.Select(c => c.State).ToList(), Stopping)
    { PodIP = Spec.PodIP, EphemeralContainers = Ephemeral.Select(c => c.State).ToList() };

    /// <summary>
    /// Starts an ephemeral container (kubectl debug) once: it runs until its process ends, never
    /// restarted. With <paramref name="target"/> (isolated pods) it joins that container's PID namespace.
    /// Ignored when the pod is stopping or already has a container of that name.
    /// </summary>
    public void AddEphemeral(ContainerSpecification container, string? target)
    {
        var targetSupervisor = target is null ? null : _containers.FirstOrDefault(c => c.Name == target) ?? _init.FirstOrDefault(c => c.Name == target);
        ContainerSupervisor added;
        lock (_lock)
        {
            if (Stopping || _ephemeral.Any(c => c.Name == container.Name) || Spec.Container(container.Name) is not null) return;
            added = _makeEphemeral(container, targetSupervisor is null ? null : targetSupervisor.ContainerPidAsync);
            _ephemeral.Add(added);
        }
        _ = Track(added);
    }

    public void Start() => _run = Task.Run(RunAsync);

    /// <summary>The pod's network namespace and the user namespace owning it, once attached (isolated pods with a cluster network).</summary>
    public Isolation.PodNamespaces? Namespaces { get; private set; }

    private async Task RunAsync()
    {
        if (_networks is not null && _launcher is not null)
            try { Namespaces = await _networks.AttachAsync(Spec, _stopping.Token); }
            catch (OperationCanceledException) { return; }
        foreach (var init in _init)
        {
            if (Stopping) return;
            var loop = Track(init);
            if (!await loop) return; // failed for good (restartPolicy Never) or stopped
        }
        if (Stopping) return;
        foreach (var c in _containers) _ = Track(c);
    }

    /// <summary>Starts a container's run loop unless the pod is stopping (checked under the lock StopAsync takes).</summary>
    private Task<bool> Track(ContainerSupervisor c)
    {
        lock (_lock)
        {
            if (Stopping) return Task.FromResult(false);
            var loop = Task.Run(c.RunAsync);
            _loops[c] = loop;
            return loop;
        }
    }

    public async Task StopAsync(TimeSpan grace)
    {
        Dictionary<ContainerSupervisor, Task> loops;
        lock (_lock)
        {
            _stopping.Cancel();
            loops = new Dictionary<ContainerSupervisor, Task>(_loops);
        }
        await Task.WhenAll(All.Select(c => c.StopAsync(grace, loops.GetValueOrDefault(c) ?? Task.CompletedTask)));
        await _run;
    }

    public void Kill()
    {
        lock (_lock) _stopping.Cancel();
        foreach (var c in All) c.Kill();
    }

    public void DeleteFiles()
    {
        foreach (var c in All) c.Root.Delete();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
