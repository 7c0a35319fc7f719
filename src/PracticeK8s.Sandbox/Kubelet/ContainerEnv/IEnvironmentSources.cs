using k8s.Models;

namespace PracticeK8s.Sandbox.Kubelet.ContainerEnv;

/// <summary>The cluster objects a container's environment is made from, as the kubelet sees them now.</summary>
public interface IEnvironmentSources
{
    V1ConfigMap? ConfigMap(string ns, string name);
    V1Secret? Secret(string ns, string name);
    /// <summary>Every Service of the cluster (the resolver picks the visible ones).</summary>
    IEnumerable<V1Service> Services();
}
