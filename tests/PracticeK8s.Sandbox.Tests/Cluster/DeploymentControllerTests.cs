using System.Text.RegularExpressions;
using k8s.Models;

namespace PracticeK8s.Sandbox.Tests.Cluster;

/// <summary>Deployments and ReplicaSets as the upstream controllers drive them, observed through the API and kubectl.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DeploymentControllerTests(ClusterFixture f)
{
    private static string Web(int replicas, string image, string strategy = "type: RollingUpdate\n    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}",
        int history = 10) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {"{"}name: web{"}"}
        spec:
          replicas: {replicas}
          revisionHistoryLimit: {history}
          strategy:
            {strategy}
          selector: {"{"}matchLabels: {"{"}app: web{"}"}{"}"}
          template:
            metadata: {"{"}labels: {"{"}app: web{"}"}{"}"}
            spec:
              containers:
              - name: web
                image: {image}
        """;

    private async Task<List<string>> ScalingEvents(string ns) =>
        (await f.Events(ns, "web")).Where(e => e.Reason == "ScalingReplicaSet").Select(e => e.Message).ToList();

    [Fact]
    public async Task RollingUpdate_SurgesOneAtATime_AndRolloutStatusWaitsForIt()
    {
        var ns = f.NewNamespace("rolling");
        f.Apply(ns, Web(3, "nginx:1.25"));
        await f.RunningPods(ns, "app=web", 3);
        var first = (await f.Admin.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items.Single();
        f.Kubectl.Ok("-n", ns, "set", "image", "deployment/web", "web=nginx:1.27");
        var status = f.Kubectl.Run(new[] { "-n", ns, "rollout", "status", "deployment/web", "--timeout=60s" }, null, null, TimeSpan.FromSeconds(70));
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("Waiting for deployment \"web\" rollout to finish:", status.Stdout);
        Assert.EndsWith("deployment \"web\" successfully rolled out\n", status.Stdout);

        var sets = (await f.Admin.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items;
        var second = sets.Single(s => s.Metadata.Name != first.Metadata.Name);
        Assert.Equal("2", second.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal("4", second.Metadata.Annotations["deployment.kubernetes.io/max-replicas"]);
        Assert.Equal(second.Metadata.Labels["pod-template-hash"], second.Metadata.Name["web-".Length..]);
        // maxSurge 1, maxUnavailable 0: up one, down one, never more than 4 pods nor fewer than 3 available.
        var expected = new List<string> { $"Scaled up replica set {first.Metadata.Name} from 0 to 3" };
        for (int i = 0; i < 3; i++)
        {
            expected.Add($"Scaled up replica set {second.Metadata.Name} from {i} to {i + 1}");
            expected.Add($"Scaled down replica set {first.Metadata.Name} from {3 - i} to {2 - i}");
        }
        Assert.Equal(expected, await ScalingEvents(ns));
        var d = await f.Admin.AppsV1.ReadNamespacedDeploymentAsync("web", ns);
        Assert.Equal((3, 3, 3), (d.Status.Replicas, d.Status.UpdatedReplicas, d.Status.AvailableReplicas));
        Assert.Equal(d.Metadata.Generation, d.Status.ObservedGeneration);
        Assert.Equal("NewReplicaSetAvailable", d.Status.Conditions.Single(c => c.Type == "Progressing").Reason);
        Assert.All(await f.RunningPods(ns, "app=web", 3), p => Assert.Equal("nginx:1.27", p.Spec.Containers[0].Image));
    }

    [Fact]
    public async Task Recreate_StopsTheOldPodsBeforeStartingNewOnes()
    {
        var ns = f.NewNamespace("recreate");
        f.Apply(ns, Web(2, "nginx:1.25", "type: Recreate"));
        var old = await f.RunningPods(ns, "app=web", 2);
        f.Apply(ns, Web(2, "nginx:1.27", "type: Recreate"));
        List<V1Pod> fresh = new();
        await ClusterFixture.Eventually(async () =>
        {
            fresh = await f.RunningPods(ns, "app=web", 2);
            return fresh.All(p => p.Spec.Containers[0].Image == "nginx:1.27");
        }, "two new pods run");
        var events = await ScalingEvents(ns);
        Assert.Equal(3, events.Count);
        Assert.Matches("^Scaled down replica set web-\\S+ from 2 to 0$", events[1]);
        Assert.Matches("^Scaled up replica set web-\\S+ from 0 to 2$", events[2]);
        // The new pods were created only after the old ones had gone.
        var oldGone = old.Max(p => p.Metadata.CreationTimestamp);
        Assert.All(fresh, p => Assert.True(p.Metadata.CreationTimestamp >= oldGone));
    }

    [Fact]
    public async Task RolloutUndo_ReusesTheOldReplicaSet_AndHistoryIsLimited()
    {
        var ns = f.NewNamespace("undo");
        f.Apply(ns, Web(1, "nginx:1.25", history: 1));
        await f.RunningPods(ns, "app=web", 1);
        var original = (await f.Admin.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items.Single().Metadata.Name;
        f.Apply(ns, Web(1, "nginx:1.27", history: 1));
        f.Kubectl.Ok("-n", ns, "rollout", "status", "deployment/web", "--timeout=60s");
        Assert.Contains("deployment.apps/web rolled back", f.Kubectl.Ok("-n", ns, "rollout", "undo", "deployment/web"));
        f.Kubectl.Ok("-n", ns, "rollout", "status", "deployment/web", "--timeout=60s");
        var sets = (await f.Admin.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items;
        var active = sets.Single(s => s.Spec.Replicas == 1);
        Assert.Equal(original, active.Metadata.Name); // the template went back: its ReplicaSet is reused, renumbered
        Assert.Equal("3", active.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal("1", active.Metadata.Annotations["deployment.kubernetes.io/revision-history"]);
        Assert.Equal("3", (await f.Admin.AppsV1.ReadNamespacedDeploymentAsync("web", ns)).Metadata.Annotations["deployment.kubernetes.io/revision"]);

        f.Apply(ns, Web(1, "nginx:1.26", history: 1));
        f.Kubectl.Ok("-n", ns, "rollout", "status", "deployment/web", "--timeout=60s");
        await ClusterFixture.Eventually(async () => (await f.Admin.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items.Count == 2,
            "revisionHistoryLimit 1 keeps one old ReplicaSet");
        var history = f.Kubectl.Ok("-n", ns, "rollout", "history", "deployment/web");
        Assert.Matches(@"(?m)^3\s+<none>$", history);
        Assert.Matches(@"(?m)^4\s+<none>$", history);
    }

    [Fact]
    public async Task ReplicaSet_AdoptsOrphans_ReleasesWhatStopsMatching_AndReplacesIt()
    {
        var ns = f.NewNamespace("adopt");
        await f.Admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "orphan", Labels = new Dictionary<string, string> { ["app"] = "rs" } },
            Spec = new V1PodSpec { Containers = new List<V1Container> { new() { Name = "c", Image = "nginx" } } },
        }, ns);
        f.Apply(ns, """
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata: {name: rs}
            spec:
              replicas: 2
              selector: {matchLabels: {app: rs}}
              template:
                metadata: {labels: {app: rs}}
                spec:
                  containers: [{name: c, image: nginx}]
            """);
        var pods = await f.RunningPods(ns, "app=rs", 2);
        var rs = await f.Admin.AppsV1.ReadNamespacedReplicaSetAsync("rs", ns);
        var orphan = pods.Single(p => p.Metadata.Name == "orphan");
        Assert.Equal(rs.Metadata.Uid, orphan.Metadata.OwnerReferences.Single(r => r.Controller == true).Uid);
        Assert.Single(await f.Events(ns, "rs"), e => e.Reason == "SuccessfulCreate");

        f.Kubectl.Ok("-n", ns, "label", "pod", "orphan", "app=elsewhere", "--overwrite");
        await f.RunningPods(ns, "app=rs", 2);
        var released = await f.Admin.CoreV1.ReadNamespacedPodAsync("orphan", ns);
        Assert.Null(released.Metadata.OwnerReferences);

        f.Kubectl.Ok("-n", ns, "scale", "rs", "rs", "--replicas=1");
        var left = await f.RunningPods(ns, "app=rs", 1);
        var deleted = (await f.Events(ns, "rs")).Single(e => e.Reason == "SuccessfulDelete");
        Assert.Matches("^Deleted pod: rs-\\S+$", deleted.Message);
        Assert.DoesNotContain(left, p => deleted.Message.EndsWith(p.Metadata.Name));
        Assert.Equal(1, (await f.Admin.AppsV1.ReadNamespacedReplicaSetAsync("rs", ns)).Status.ReadyReplicas);
    }
}
