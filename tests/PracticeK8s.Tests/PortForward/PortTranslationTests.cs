using k8s.Models;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.PortForward;

namespace PracticeK8s.Tests.PortForward;

/// <summary>Named container ports, and Service ports mapped to target ports, as kubectl port-forward maps them.</summary>
public sealed class PortTranslationTests
{
    private static V1Pod Pod() => new()
    {
        Metadata = new V1ObjectMeta { Name = "web-1" },
        Spec = new V1PodSpec
        {
            Containers =
            [
                new V1Container { Name = "app", Ports = [new V1ContainerPort { Name = "http", ContainerPort = 8080 }] },
                new V1Container { Name = "dns", Ports = [new V1ContainerPort { Name = "dns", ContainerPort = 53, Protocol = "UDP" }] },
            ],
        },
    };

    private static V1Service Service(string? clusterIp = "10.96.0.5") => new()
    {
        Metadata = new V1ObjectMeta { Name = "web" },
        Spec = new V1ServiceSpec
        {
            ClusterIP = clusterIp,
            Ports =
            [
                new V1ServicePort { Name = "web", Port = 80, TargetPort = "http" },
                new V1ServicePort { Name = "metrics", Port = 9090, TargetPort = 9100 },
                new V1ServicePort { Name = "plain", Port = 7000 },
            ],
        },
    };

    [Fact]
    public void Pod_ports_by_number_and_by_name()
    {
        var ports = PortTranslation.ForPod(Pod(), PortMapping.ParseAll(["5000:8080", "http", "6000:http", "0:9999"]));
        Assert.Equal([new ResolvedPort(5000, 8080), new ResolvedPort(8080, 8080), new ResolvedPort(6000, 8080), new ResolvedPort(0, 9999)], ports);
    }

    [Fact]
    public void Pod_unknown_name_and_udp_only_port_are_refused()
    {
        var unknown = Assert.Throws<KubeException>(() => PortTranslation.ForPod(Pod(), PortMapping.ParseAll(["grpc"])));
        Assert.Equal("Pod 'web-1' does not have a named port 'grpc'", unknown.Message);
        var udp = Assert.Throws<KubeException>(() => PortTranslation.ForPod(Pod(), PortMapping.ParseAll(["53"])));
        Assert.Equal("UDP protocol is not supported for 53", udp.Message);
    }

    [Fact]
    public void Service_port_maps_to_target_port_number_or_container_port_name()
    {
        var ports = PortTranslation.ForService(Service(), Pod(), PortMapping.ParseAll(["80", "8000:80", "9090", "web", ":7000", "metrics"]));
        Assert.Equal([new ResolvedPort(80, 8080), new ResolvedPort(8000, 8080), new ResolvedPort(9090, 9100), new ResolvedPort(80, 8080),
            new ResolvedPort(0, 7000), new ResolvedPort(9090, 9100)], ports);
    }

    [Fact]
    public void Headless_service_forwards_the_port_as_given()
    {
        var ports = PortTranslation.ForService(Service("None"), Pod(), PortMapping.ParseAll(["80"]));
        Assert.Equal([new ResolvedPort(80, 80)], ports);
    }

    [Fact]
    public void Service_without_the_port_is_refused_like_kubectl()
    {
        var e = Assert.Throws<KubeException>(() => PortTranslation.ForService(Service(), Pod(), PortMapping.ParseAll(["8081"])));
        Assert.Equal("Service web does not have a service port 8081", e.Message);
        var named = Assert.Throws<KubeException>(() => PortTranslation.ForService(Service(), Pod(), PortMapping.ParseAll(["grpc"])));
        Assert.Equal("Service 'web' does not have a named port 'grpc'", named.Message);
    }
}
