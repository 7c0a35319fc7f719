using System.Diagnostics;
using PracticeK8s.Sandbox.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PracticeK8s.Sandbox.Tests.Cluster;

/// <summary>With the default timings (the shared sandbox has no timing flags), a 3-replica Deployment runs within 3 s of kubectl apply.</summary>
[Collection(SandboxCollection.Name)]
public sealed class PodStartTimingTests(SandboxFixture f, ITestOutputHelper output)
{
    [Fact]
    public async Task ThreeReplicaDeployment_IsRunningWithinThreeSecondsOfApply()
    {
        var ns = f.NewNamespace("timing");
        var file = f.TempFile("hello.yaml", CourseManifests.ClusterIp);
        var clock = Stopwatch.StartNew();
        f.Kubectl.Ok("-n", ns, "apply", "-f", file);
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            var pods = (await f.Admin.CoreV1.ListNamespacedPodAsync(ns, labelSelector: "role=hello")).Items;
            if (pods.Count == 3 && pods.All(p => p.Status?.Phase == "Running" && p.Status.ContainerStatuses?.All(c => c.Ready) == true)) break;
            await Task.Delay(25);
        }
        var took = clock.Elapsed;
        output.WriteLine($"kubectl apply to 3/3 Running: {took.TotalMilliseconds:F0} ms");
        Assert.True(took < TimeSpan.FromSeconds(3), $"took {took}");
    }
}
