using PracticeK8s.Printing;

namespace PracticeK8s.Tests.Printing;

/// <summary>
/// Stock kubectl as the referee for describe: kubectl v1.32 and v1.33 describe the fake server's objects, and the
/// describer, given the same objects and the related ones kubectl reads, must print exactly the same text.
/// </summary>
public sealed class KubectlDescribeRefereeTests(KubectlDescribeRefereeFixture f) : IClassFixture<KubectlDescribeRefereeFixture>
{
    private void Check(Func<int, DescribeInput> input, params string[] args)
    {
        foreach (var minor in new[] { 32, 33 })
            Assert.Equal(Describer.Describe(input(minor), f.Now), f.Kubectl(minor, ["describe", .. args]));
    }

    private DescribeInput Input(int minor, object resource, IReadOnlyList<k8s.Models.Corev1Event>? events) =>
        new() { Resource = resource, Events = events, TimeZone = TimeZoneInfo.Utc, KubectlMinorVersion = minor };

    [Fact]
    public void Pod() => Check(m => Input(m, f.Pod, f.EventsFor("Pod", "nginx", "pod-uid-1")), "pod", "nginx");

    [Fact]
    public void Deployment() =>
        Check(m => new DescribeInput
        {
            Resource = f.Deployment, ReplicaSets = f.ReplicaSets, Events = f.EventsFor("Deployment", "web", "dep-1"),
            TimeZone = TimeZoneInfo.Utc, KubectlMinorVersion = m,
        }, "deployment", "web");

    [Fact]
    public void ReplicaSet() =>
        Check(m => new DescribeInput { Resource = f.ReplicaSets[1], Pods = f.NamespacePods, Events = [], TimeZone = TimeZoneInfo.Utc, KubectlMinorVersion = m },
            "replicaset", "web-7854ff8877");

    [Fact]
    public void Service() =>
        Check(m => new DescribeInput { Resource = f.Service, EndpointSlices = [f.Slice], Events = [], TimeZone = TimeZoneInfo.Utc, KubectlMinorVersion = m },
            "service", "hello");

    [Fact]
    public void Node() =>
        Check(m => new DescribeInput
        {
            Resource = f.Node, Pods = f.NodePods, Lease = f.Lease, Events = f.EventsFor("Node", "node-1", "node-1"),
            TimeZone = TimeZoneInfo.Utc, KubectlMinorVersion = m,
        }, "node", "node-1");

    [Fact]
    public void StatefulSet_And_DaemonSet()
    {
        Check(m => new DescribeInput { Resource = f.StatefulSet, Pods = f.NamespacePods, Events = [], TimeZone = TimeZoneInfo.Utc, KubectlMinorVersion = m }, "statefulset", "web");
        Check(m => new DescribeInput { Resource = f.DaemonSet, Pods = f.NamespacePods, Events = [], TimeZone = TimeZoneInfo.Utc, KubectlMinorVersion = m }, "daemonset", "agent");
    }

    [Fact]
    public void Storage()
    {
        Check(m => new DescribeInput { Resource = f.Claim, Pods = f.NamespacePods, Events = [], TimeZone = TimeZoneInfo.Utc, KubectlMinorVersion = m }, "persistentvolumeclaim", "data-web-0");
        Check(m => Input(m, f.Volume, []), "persistentvolume", "pvc-123");
    }

    [Fact]
    public void Namespace() =>
        Check(m => new DescribeInput
        {
            Resource = f.Namespace, ResourceQuotas = [f.Quota], LimitRanges = [f.LimitRange], TimeZone = TimeZoneInfo.Utc, KubectlMinorVersion = m,
        }, "namespace", "default");

    [Fact]
    public void Ingress() =>
        Check(m => new DescribeInput
        {
            Resource = f.Ingress, Services = [f.Service], EndpointSlices = [f.Slice], Events = [], TimeZone = TimeZoneInfo.Utc, KubectlMinorVersion = m,
        }, "ingress", "web");

    [Fact]
    public void Jobs()
    {
        Check(m => Input(m, f.Job, []), "job", "pi");
        Check(m => Input(m, f.CronJob, []), "cronjob", "hello");
    }

    [Fact]
    public void ConfigurationObjects()
    {
        Check(m => Input(m, f.Secret, []), "secret", "db");
        Check(m => Input(m, f.ConfigMap, []), "configmap", "cfg");
        Check(m => new DescribeInput { Resource = f.ServiceAccount, Secrets = [f.Secret], Events = [], TimeZone = TimeZoneInfo.Utc, KubectlMinorVersion = m },
            "serviceaccount", "robot");
    }
}
