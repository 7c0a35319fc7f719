namespace PracticeK8s.Sandbox.Hosting;

/// <summary>
/// How the simulated cluster behaves: node count, how long a pod takes from binding to Running,
/// how soon a silent node is declared NotReady, how long a cloud load balancer takes.
/// </summary>
public sealed record ClusterSettings
{
    public int NodeCount { get; init; } = 3;
    /// <summary>Binding to Running (image pull, create, start): the ContainerCreating period.</summary>
    public TimeSpan PodStartDelay { get; init; } = TimeSpan.FromMilliseconds(500);
    /// <summary>A node whose lease is older than this goes NotReady/Unknown (upstream 40 s).</summary>
    public TimeSpan NodeMonitorGracePeriod { get; init; } = TimeSpan.FromSeconds(40);
    /// <summary>From a LoadBalancer Service to its ingress address.</summary>
    public TimeSpan LoadBalancerDelay { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>The sandbox CA (published as <c>kube-root-ca.crt</c> in every namespace).</summary>
    public string CaCertificatePem { get; init; } = "";
    public string DataDir { get; init; } = "";
    /// <summary><c>--cluster-dns</c>: also serve the cluster DNS here (UDP and TCP; tests, <c>dig</c>). Null: only where the cluster network puts it.</summary>
    public System.Net.IPEndPoint? ClusterDnsListen { get; init; }

    /// <summary>Kubelets renew their Lease at upstream's 10 s, or often enough for a short grace period.</summary>
    public TimeSpan LeaseRenewInterval =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(10).Ticks, NodeMonitorGracePeriod.Ticks / 4));
}
