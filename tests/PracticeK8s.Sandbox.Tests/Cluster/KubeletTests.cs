using System.Text.RegularExpressions;
using k8s.Models;

namespace PracticeK8s.Sandbox.Tests.Cluster;

/// <summary>What the simulated kubelet reports about pods: status fields, conditions, events, graceful termination.</summary>
[Collection(ClusterCollection.Name)]
public sealed class KubeletTests(ClusterFixture f)
{
    [Fact]
    public async Task ARunningPod_HasTheStatusAndEventsOfARealNode()
    {
        var ns = f.NewNamespace("status");
        await f.Admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "web", Labels = new Dictionary<string, string> { ["app"] = "web" } },
            Spec = new V1PodSpec
            {
                Containers = new List<V1Container>
                {
                    new()
                    {
                        Name = "nginx", Image = "nginx:1.25",
                        Resources = new V1ResourceRequirements
                        {
                            Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("64Mi") },
                            Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("64Mi") },
                        },
                    },
                },
            },
        }, ns);
        var pod = (await f.RunningPods(ns, "app=web", 1)).Single();
        var node = await f.Admin.CoreV1.ReadNodeAsync(pod.Spec.NodeName);
        var s = pod.Status;
        Assert.Equal(new[] { "PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled" }, s.Conditions.Select(c => c.Type));
        Assert.All(s.Conditions, c => Assert.Equal("True", c.Status));
        Assert.Equal(node.Status.Addresses.Single(a => a.Type == "InternalIP").Address, s.HostIP);
        Assert.Equal(s.HostIP, s.HostIPs.Single().Ip);
        Assert.StartsWith(node.Spec.PodCIDR[..^"0/24".Length], s.PodIP);
        Assert.Equal(s.PodIP, s.PodIPs.Single().Ip);
        Assert.NotNull(s.StartTime);
        Assert.Equal("Guaranteed", s.QosClass);
        var c0 = s.ContainerStatuses.Single();
        Assert.Equal(("nginx", "docker.io/library/nginx:1.25", true, true, 0), (c0.Name, c0.Image, c0.Ready, c0.Started, c0.RestartCount));
        Assert.Matches("^docker.io/library/nginx@sha256:[0-9a-f]{64}$", c0.ImageID);
        Assert.Matches("^containerd://[0-9a-f]+$", c0.ContainerID);
        Assert.NotNull(c0.State.Running.StartedAt);

        var events = (await f.Events(ns, "web")).Select(e => (e.Reason, e.Source.Component, e.Message)).ToList();
        Assert.Equal(("Scheduled", "default-scheduler", $"Successfully assigned {ns}/web to {pod.Spec.NodeName}"), events[0]);
        Assert.Contains(events, e => e.Reason == "Created" && e.Component == "kubelet" && e.Message == "Created container: nginx");
        Assert.Contains(events, e => e.Reason == "Started" && e.Component == "kubelet" && e.Message == "Started container nginx");
        var pulled = events.Single(e => e.Reason == "Pulled").Message;
        Assert.True(Regex.IsMatch(pulled, @"^Successfully pulled image ""nginx:1\.25"" in \d+(\.\d+)?m?s \(\d+(\.\d+)?m?s including waiting\)\. Image size: \d+ bytes\.$")
                    || pulled == "Container image \"nginx:1.25\" already present on machine", pulled);
        var started = (await f.Admin.CoreV1.ListNamespacedEventAsync(ns, fieldSelector: "reason=Started")).Items.Single();
        Assert.Equal("spec.containers{nginx}", started.InvolvedObject.FieldPath);
        Assert.Equal(pod.Spec.NodeName, started.Source.Host);

        // The node now has the image: a second pod there finds it "already present".
        var second = pod.Spec.NodeName;
        await f.Admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "again", Labels = new Dictionary<string, string> { ["app"] = "again" } },
            Spec = new V1PodSpec { NodeName = second, Containers = new List<V1Container> { new() { Name = "nginx", Image = "nginx:1.25" } } },
        }, ns);
        await f.RunningPods(ns, "app=again", 1);
        Assert.Contains(await f.Events(ns, "again"), e => e.Reason == "Pulled" && e.Message == "Container image \"nginx:1.25\" already present on machine");
    }

    [Fact]
    public async Task Deletion_HonoursTheGracePeriod_ShowingTerminatingMeanwhile()
    {
        var ns = f.NewNamespace("grace");
        await f.Admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "stubborn", Labels = new Dictionary<string, string> { ["app"] = "stubborn" } },
            Spec = new V1PodSpec
            {
                TerminationGracePeriodSeconds = 3,
                Containers = new List<V1Container>
                {
                    new() { Name = "main", Image = "busybox", Command = new List<string> { "sh", "-c", "trap '' TERM; while true; do sleep 0.2; done" } },
                },
            },
        }, ns);
        await f.RunningPods(ns, "app=stubborn", 1);
        var started = DateTime.UtcNow;
        f.Kubectl.Ok("-n", ns, "delete", "pod", "stubborn", "--wait=false");
        Assert.Matches(@"(?m)^stubborn\s+1/1\s+Terminating\s+0\s", f.Kubectl.Ok("-n", ns, "get", "pods"));
        await ClusterFixture.Eventually(async () => (await f.Pods(ns)).Count == 0, "the pod is removed after its grace period", 15);
        var took = DateTime.UtcNow - started;
        Assert.InRange(took, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(10));
        Assert.Contains(await f.Events(ns, "stubborn"), e => e.Reason == "Killing" && e.Message == "Stopping container main");
    }
}
