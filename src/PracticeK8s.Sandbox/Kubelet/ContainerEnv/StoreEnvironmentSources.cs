using k8s.Models;
using PracticeK8s.Sandbox.Controllers;

namespace PracticeK8s.Sandbox.Kubelet.ContainerEnv;

/// <summary>The environment's objects read from the sandbox's store (what the kubelet's informers would hold).</summary>
public sealed class StoreEnvironmentSources(ClusterAccess cluster) : IEnvironmentSources
{
    public V1ConfigMap? ConfigMap(string ns, string name) => cluster.Get<V1ConfigMap>("/configmaps", ns, name)?.Model;

    public V1Secret? Secret(string ns, string name) => cluster.Get<V1Secret>("/secrets", ns, name)?.Model;

    public IEnumerable<V1Service> Services(string ns)
    {
        var services = cluster.List<V1Service>("/services", ns).Select(s => s.Model);
        return ns == "default" || cluster.Get<V1Service>("/services", "default", "kubernetes") is not { } master
            ? services
            : services.Append(master.Model);
    }
}
