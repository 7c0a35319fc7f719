namespace PracticeK8s.Sandbox.Networking;

/// <summary>
/// Opens TCP connections to a pod's port as another pod of the cluster would: through the cluster
/// network when pods have network namespaces of their own, else to wherever the host-process pod
/// listens. Everything that carries traffic to pods (Service proxy, Ingress and Gateway data
/// planes, port-forward) goes through this one door.
/// </summary>
public interface IPodConnector
{
    /// <summary>A connected stream to <paramref name="podIp"/>:<paramref name="port"/>, or null when
    /// nothing listens there (the connection is refused or no pod has that address).</summary>
    Task<Stream?> ConnectAsync(string podIp, int port, CancellationToken cancellationToken);
}
