using k8s.Models;

namespace PracticeK8s.Sandbox.Kubelet.ContainerEnv;

/// <summary>The cluster objects a container's environment is made from, as the kubelet sees them now.</summary>
public interface IEnvironmentSources
{
    V1ConfigMap? ConfigMap(string ns, string name);
    V1Secret? Secret(string ns, string name);
    /// <summary>The Services of <paramref name="ns"/> and the master <c>kubernetes</c> Service of <c>default</c> (more is allowed: the resolver picks the visible ones).</summary>
    IEnumerable<V1Service> Services(string ns);
}
