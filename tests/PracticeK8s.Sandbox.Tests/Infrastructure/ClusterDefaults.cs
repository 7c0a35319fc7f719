using k8s.Models;

namespace PracticeK8s.Sandbox.Tests.Infrastructure;

/// <summary>Leaving out what the cluster itself puts in every namespace, for tests that count their own objects.</summary>
public static class ClusterDefaults
{
    public static IEnumerable<V1ConfigMap> WithoutClusterDefaults(this IEnumerable<V1ConfigMap> items) =>
        items.Where(c => c.Metadata.Name != SandboxFixture.RootCaConfigMap);
}
