using System.Diagnostics;
using PracticeK8s.Sandbox.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PracticeK8s.Sandbox.Tests.Cluster;

/// <summary>
/// With the default timings (the shared sandbox has no timing flags), a 3-replica Deployment runs
/// within 3 s of <c>kubectl apply</c>. kubectl has fetched discovery and OpenAPI before, as on any
/// machine where it ran once; the best of three tries counts, since the test machine may be busy.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class PodStartTimingTests(SandboxFixture f, ITestOutputHelper output)
{
    [Fact]
    public async Task ThreeReplicaDeployment_IsRunningWithinThreeSecondsOfApply()
    {
        var ns = f.NewNamespace("timing");
        f.Kubectl.Ok("-n", ns, "apply", "-f", f.TempFile("warm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: warm}\n"));
        var tries = new List<TimeSpan>();
        for (int i = 1; i <= 3; i++)
        {
            var yaml = CourseManifests.ClusterIp.Split("\n---\n")[0].Replace("name: hello", $"name: hello-{i}").Replace("role: hello", $"role: hello-{i}");
            var file = f.TempFile("hello.yaml", yaml);
            var clock = Stopwatch.StartNew();
            f.Kubectl.Ok("-n", ns, "apply", "-f", file);
            while (clock.Elapsed < TimeSpan.FromSeconds(15))
            {
                var pods = (await f.Admin.CoreV1.ListNamespacedPodAsync(ns, labelSelector: $"role=hello-{i}")).Items;
                if (pods.Count == 3 && pods.All(p => p.Status?.Phase == "Running" && p.Status.ContainerStatuses?.All(c => c.Ready) == true)) break;
                await Task.Delay(20);
            }
            tries.Add(clock.Elapsed);
            output.WriteLine($"try {i}: kubectl apply to 3/3 Running in {clock.Elapsed.TotalMilliseconds:F0} ms");
            if (clock.Elapsed < TimeSpan.FromSeconds(3)) return;
        }
        Assert.Fail($"never under 3 s: {string.Join(", ", tries.Select(t => $"{t.TotalMilliseconds:F0} ms"))}");
    }
}
