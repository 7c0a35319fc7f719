using k8s.Models;
using PracticeK8s.Engine.ClusterInfo;
using Xunit;

namespace PracticeK8s.Tests.ClusterInfo;

public sealed class ClusterEndpointsTests
{
    private static V1Service Service(string name, string? label, V1LoadBalancerIngress? ingress, params V1ServicePort[] ports) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "kube-system", Labels = label is null ? null : new Dictionary<string, string> { ["kubernetes.io/name"] = label } },
        Spec = new V1ServiceSpec { Ports = ports },
        Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = ingress is null ? null : [ingress] } },
    };

    [Fact]
    public void AServiceWithoutALoadBalancer_IsReachedThroughTheProxy_OfItsFirstPort()
    {
        var line = Assert.Single(ClusterEndpoints.Of([Service("kube-dns", "CoreDNS", null, new V1ServicePort { Name = "dns", Port = 53 }, new V1ServicePort { Name = "metrics", Port = 9153 })], "https://127.0.0.1:6443/"));
        Assert.Equal("CoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy", line.ToString());
    }

    [Fact]
    public void ALoadBalancer_GivesEveryPortAtItsAddress_AndTheServiceNameWithoutALabel()
    {
        var line = Assert.Single(ClusterEndpoints.Of([Service("dash", null, new V1LoadBalancerIngress { Hostname = "lb.example" }, new V1ServicePort { Port = 80 }, new V1ServicePort { Port = 443 })], "https://api"));
        Assert.Equal(("dash", "http://lb.example:80 http://lb.example:443 "), (line.Name, line.Url));
    }
}
