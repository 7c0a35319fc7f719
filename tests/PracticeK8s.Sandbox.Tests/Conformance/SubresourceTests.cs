using System.Net;
using k8s.Autorest;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.Conformance;

[Collection(SandboxCollection.Name)]
public sealed class SubresourceTests(SandboxFixture f)
{
    /// <summary>
    /// A ReplicationController: it has status and scale subresources but no controller in the sandbox,
    /// so these tests see only their own writes (a Deployment's controller rewrites its status at once).
    /// </summary>
    private static V1ReplicationController Controller(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1ReplicationControllerSpec
        {
            Replicas = 1,
            Selector = new Dictionary<string, string> { ["app"] = name },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { SchedulerName = SandboxFixture.NoScheduler, Containers = new List<V1Container> { new() { Name = "c", Image = "nginx" } } },
            },
        },
    };

    [Fact]
    public async Task Status_IsWrittenOnlyThroughTheStatusSubresource()
    {
        var ns = f.NewNamespace("status");
        var rc = await f.Admin.CoreV1.CreateNamespacedReplicationControllerAsync(Controller("web"), ns);
        rc.Status = new V1ReplicationControllerStatus { Replicas = 9 };
        rc.Spec.Replicas = 2;
        var viaMain = await f.Admin.CoreV1.ReplaceNamespacedReplicationControllerAsync(rc, "web", ns);
        Assert.Null(viaMain.Status?.Replicas);
        Assert.Equal(2, viaMain.Spec.Replicas);

        viaMain.Status = new V1ReplicationControllerStatus { Replicas = 3, ObservedGeneration = 2 };
        viaMain.Spec.Replicas = 5;
        var viaStatus = await f.Admin.CoreV1.ReplaceNamespacedReplicationControllerStatusAsync(viaMain, "web", ns);
        Assert.Equal(3, viaStatus.Status.Replicas);
        Assert.Equal(2, viaStatus.Spec.Replicas);
        Assert.Equal(2, viaStatus.Metadata.Generation);
    }

    [Fact]
    public async Task Scale_ReadsAndWritesReplicas_WithValidation()
    {
        var ns = f.NewNamespace("scale");
        await f.Admin.CoreV1.CreateNamespacedReplicationControllerAsync(Controller("web"), ns);
        var scale = await f.Admin.CoreV1.ReadNamespacedReplicationControllerScaleAsync("web", ns);
        Assert.Equal("autoscaling/v1", scale.ApiVersion);
        Assert.Equal(1, scale.Spec.Replicas);
        Assert.Equal("app=web", scale.Status.Selector);
        scale.Spec.Replicas = 4;
        var updated = await f.Admin.CoreV1.ReplaceNamespacedReplicationControllerScaleAsync(scale, "web", ns);
        Assert.Equal(4, updated.Spec.Replicas);
        Assert.Equal(4, (await f.Admin.CoreV1.ReadNamespacedReplicationControllerAsync("web", ns)).Spec.Replicas);

        scale.Spec.Replicas = 6; // stale resourceVersion
        var stale = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.ReplaceNamespacedReplicationControllerScaleAsync(scale, "web", ns));
        Assert.Equal(HttpStatusCode.Conflict, stale.Response.StatusCode);
        updated.Spec.Replicas = -1;
        var invalid = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.ReplaceNamespacedReplicationControllerScaleAsync(updated, "web", ns));
        Assert.Equal((HttpStatusCode)422, invalid.Response.StatusCode);
        Assert.Contains("spec.replicas: Invalid value: -1: must be greater than or equal to 0", invalid.Response.Content);
    }

    [Fact]
    public async Task Binding_AssignsTheNodeOnce()
    {
        var ns = f.NewNamespace("bind");
        await f.Admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "p" },
            Spec = new V1PodSpec { SchedulerName = SandboxFixture.NoScheduler, Containers = new List<V1Container> { new() { Name = "c", Image = "nginx" } } },
        }, ns);
        var binding = new V1Binding { Metadata = new V1ObjectMeta { Name = "p" }, Target = new V1ObjectReference { Kind = "Node", Name = "sandbox-node-2" } };
        await f.Admin.CoreV1.CreateNamespacedPodBindingAsync(binding, "p", ns);
        var pod = await f.Admin.CoreV1.ReadNamespacedPodAsync("p", ns);
        Assert.Equal("sandbox-node-2", pod.Spec.NodeName);
        Assert.Contains(pod.Status.Conditions, c => c.Type == "PodScheduled" && c.Status == "True");
        var again = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.CreateNamespacedPodBindingAsync(binding, "p", ns));
        Assert.Equal(HttpStatusCode.Conflict, again.Response.StatusCode);
        Assert.Contains("is already assigned to node", again.Response.Content);
    }
}
