using System.Net.Sockets;

namespace PracticeK8s.Sandbox.Networking;

/// <summary>
/// The pods' network as the sandbox process reaches it. When <see cref="Active"/>, every pod has a
/// network namespace of its own on the cluster bridge and the sandbox holds sockets that live in
/// that network (it listens on ClusterIPs and in pods, and connects to pod IPs from there).
/// Otherwise pods share the host's network (the host-process mode).
/// </summary>
public interface IClusterNetwork
{
    bool Active { get; }

    /// <summary>A TCP socket listening on <paramref name="port"/> (all addresses) in the pod's network namespace; null when the pod has none (yet).</summary>
    Task<Socket?> ListenInPodAsync(string podUid, int port, CancellationToken cancellationToken);

    /// <summary>A connection to <paramref name="ip"/>:<paramref name="port"/> made from the cluster network; null when refused or unreachable.</summary>
    Task<Stream?> ConnectAsync(string ip, int port, CancellationToken cancellationToken);
}

/// <summary>Pods share the host's network: nothing to reach through.</summary>
public sealed class HostNetwork : IClusterNetwork
{
    public bool Active => false;
    public Task<Socket?> ListenInPodAsync(string podUid, int port, CancellationToken cancellationToken) => Task.FromResult<Socket?>(null);
    public Task<Stream?> ConnectAsync(string ip, int port, CancellationToken cancellationToken) => Task.FromResult<Stream?>(null);
}
