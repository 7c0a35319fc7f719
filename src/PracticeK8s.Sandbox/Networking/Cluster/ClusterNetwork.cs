using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PracticeK8s.Sandbox.Runtime;
using PracticeK8s.Sandbox.Runtime.Isolation;

namespace PracticeK8s.Sandbox.Networking.Cluster;

/// <summary>
/// The pods' network when containers are isolated: each pod in a network namespace of its own
/// linked to the cluster bridge, its pod IP on eth0; ClusterIPs local to the cluster namespace.
/// Everything goes through the <see cref="NetworkHelperClient"/>.
/// </summary>
public sealed class ClusterNetwork : IClusterNetwork, IPodNetworks, IDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private readonly NetworkHelperClient _helper;
    private readonly ConcurrentDictionary<string, PodNamespaces> _pods = new();

    private ClusterNetwork(NetworkHelperClient helper) => _helper = helper;

    /// <summary>Starts the cluster network, or says why it cannot (no <c>ip</c> program, no user namespaces...).</summary>
    public static ClusterNetwork Start()
    {
        var ip = NetworkHelperClient.IpProgram ?? throw new InvalidOperationException("the ip program (iproute2) is not installed");
        return new ClusterNetwork(NetworkHelperClient.Start(ip));
    }

    public bool Active => true;

    private string UserNamespace => $"/proc/{_helper.Pid}/ns/user";

    public Task<PodNamespaces?> AttachAsync(PodSpecification pod, CancellationToken cancellationToken)
    {
        if (pod.HostNetwork) return Task.FromResult<PodNamespaces?>(new PodNamespaces(UserNamespace, $"/proc/{_helper.Pid}/ns/net"));
        if (_pods.TryGetValue(pod.Uid, out var known)) return Task.FromResult<PodNamespaces?>(known);
        if (pod.PodIP is null) return Task.FromResult<PodNamespaces?>(null);
        return Task.Run(() =>
        {
            var (reply, _) = _helper.Request($"pod {pod.Uid} {pod.PodIP}");
            var namespaces = new PodNamespaces(UserNamespace, $"/proc/{_helper.Pid}/fd/{reply[0]}");
            _pods[pod.Uid] = namespaces;
            return (PodNamespaces?)namespaces;
        }, cancellationToken);
    }

    public void Detach(string podUid)
    {
        if (_pods.TryRemove(podUid, out _))
            try { _helper.Request($"free {podUid}"); }
            catch (IOException) { }
    }

    public Task<Socket?> ListenInPodAsync(string podUid, int port, CancellationToken cancellationToken) =>
        Task.Run(() => _pods.ContainsKey(podUid)
            ? _helper.Request($"listen tcp {podUid} 0.0.0.0 {port.ToString(CultureInfo.InvariantCulture)}").Socket
            : null, cancellationToken);

    /// <summary>A socket bound (TCP: listening) at <paramref name="ip"/>:<paramref name="port"/> in the cluster namespace (a ClusterIP, the cluster DNS).</summary>
    public Socket Listen(ProtocolType protocol, string ip, int port) =>
        _helper.Request($"listen {(protocol == ProtocolType.Udp ? "udp" : "tcp")} - {ip} {port.ToString(CultureInfo.InvariantCulture)}").Socket
        ?? throw new IOException("no socket came back");

    public async Task<Stream?> ConnectAsync(string ip, int port, CancellationToken cancellationToken)
    {
        if (!IPAddress.TryParse(ip, out var address)) return null;
        var socket = _helper.Request("socket").Socket ?? throw new IOException("no socket came back");
        socket.NoDelay = true;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, port), timeout.Token);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            socket.Dispose();
            return null;
        }
    }

    public void Dispose() => _helper.Dispose();
}
