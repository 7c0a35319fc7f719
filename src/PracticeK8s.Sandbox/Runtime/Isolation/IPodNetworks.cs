namespace PracticeK8s.Sandbox.Runtime.Isolation;

/// <summary>The namespaces every container of a pod joins: the cluster's user namespace and the pod's network namespace (paths for nsenter).</summary>
public sealed record PodNamespaces(string UserNamespace, string NetworkNamespace);

/// <summary>
/// Gives pods network namespaces of their own (the pod sandbox's network, shared by its
/// containers), created before the first container and released when the pod is removed.
/// </summary>
public interface IPodNetworks
{
    /// <summary>The pod's namespaces, made on the first call; null when the pod cannot have them (its containers then stay on the host's network).</summary>
    Task<PodNamespaces?> AttachAsync(PodSpecification pod, CancellationToken cancellationToken);

    void Detach(string podUid);
}
