using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Hosting;
using PracticeK8s.Sandbox.Runtime;

namespace PracticeK8s.Sandbox.Networking.Pods;

/// <summary>
/// Gives every running built-in container (nginx, hello-app, ...) real listening sockets for its
/// HTTP ports, so it is reached like any process of a pod: in the pod's network namespace when the
/// cluster network is active, else on a private unix socket the <see cref="PodConnector"/> knows.
/// Follows the runtime's container changes.
/// </summary>
public sealed class BuiltinPodListeners : BackgroundService
{
    private readonly IContainerRuntime _runtime;
    private readonly IClusterNetwork _network;
    private readonly ILogger<BuiltinPodListeners> _log;
    private readonly string _socketDirectory;
    private ShortSocketPaths? _socketPaths;
    private readonly Channel<string> _changed = Channel.CreateUnbounded<string>();
    private readonly ConcurrentDictionary<string, PodHttpServer> _servers = new();
    private readonly ConcurrentDictionary<(string Ip, int Port), string> _unixPaths = new();
    private int _nextSocket;

    public BuiltinPodListeners(IContainerRuntime runtime, IClusterNetwork network, ClusterSettings settings, ILogger<BuiltinPodListeners> log)
    {
        _runtime = runtime;
        _network = network;
        _log = log;
        _socketDirectory = Path.Combine(settings.DataDir ?? Path.GetTempPath(), "net");
        _runtime.ContainerChanged += change => _changed.Writer.TryWrite(change.PodUid);
    }

    /// <summary>The unix socket a built-in pod port listens on in the host-process mode, or null.</summary>
    public string? UnixSocketFor(string podIp, int port) => _unixPaths.GetValueOrDefault((podIp, port));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_network.Active) _socketPaths = new ShortSocketPaths(_socketDirectory);
        try
        {
            await foreach (var uid in _changed.Reader.ReadAllAsync(stoppingToken))
            {
                try { await ReconcileAsync(uid, stoppingToken); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _log.LogWarning("built-in ports of pod {Uid}: {Message}", uid, e.Message);
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task ReconcileAsync(string uid, CancellationToken ct)
    {
        var pod = _runtime.GetPod(uid);
        var ports = pod is null ? Array.Empty<BuiltinPort>() : _runtime.BuiltinPorts(uid);
        var ip = pod?.PodIP ?? "";
        var signature = ip + "|" + string.Join(",", ports.Select(p => p.Port + (p.Certificate is null ? "" : "s")));
        if (_servers.TryGetValue(uid, out var current) && current.Signature == signature) return;
        if (current is not null) await StopAsync(uid, current);
        if (ports.Count == 0 || ip == "") return;

        var bindings = new List<PodPortBinding>();
        foreach (var port in ports)
        {
            if (_network.Active)
            {
                if (await _network.ListenInPodAsync(uid, port.Port, ct) is { } socket) bindings.Add(new PodPortBinding(port, socket, null));
            }
            else
            {
                var path = _socketPaths!.For($"{Interlocked.Increment(ref _nextSocket)}.sock");
                bindings.Add(new PodPortBinding(port, null, path));
            }
        }
        if (bindings.Count == 0) return;
        var server = await PodHttpServer.StartAsync(uid, bindings, signature, _runtime);
        _servers[uid] = server;
        foreach (var b in bindings.Where(b => b.UnixPath is not null)) _unixPaths[(ip, b.Port.Port)] = b.UnixPath!;
    }

    private async Task StopAsync(string uid, PodHttpServer server)
    {
        _servers.TryRemove(uid, out _);
        // Only this server's own sockets: a newer pod may already have registered the same IP.
        foreach (var path in server.UnixPaths)
            foreach (var (key, registered) in _unixPaths.ToList())
                if (registered == path) _unixPaths.TryRemove(key, out _);
        await server.DisposeAsync();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var (uid, server) in _servers.ToList()) await StopAsync(uid, server);
    }
}
