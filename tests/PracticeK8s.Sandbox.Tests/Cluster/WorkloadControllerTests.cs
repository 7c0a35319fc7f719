using k8s.Models;

namespace PracticeK8s.Sandbox.Tests.Cluster;

/// <summary>DaemonSets, StatefulSets and Jobs as their upstream controllers drive them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WorkloadControllerTests(ClusterFixture f)
{
    [Fact]
    public async Task DaemonSet_FollowsNodesAddedAndRemoved_AndPinsItsPods()
    {
        var ns = f.NewNamespace("ds-nodes");
        f.Apply(ns, """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                metadata: {labels: {app: agent}}
                spec:
                  containers: [{name: agent, image: nginx:alpine}]
            """);
        var pods = await f.RunningPods(ns, "app=agent", 3);
        var pinned = pods.Single(p => p.Spec.NodeName == "sandbox-node-1");
        var term = pinned.Spec.Affinity.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms.Single();
        Assert.Equal(("metadata.name", "In", "sandbox-node-1"), (term.MatchFields[0].Key, term.MatchFields[0].OperatorProperty, term.MatchFields[0].Values.Single()));
        Assert.Contains(pinned.Spec.Tolerations, t => t.Key == "node.kubernetes.io/unschedulable" && t.Effect == "NoSchedule");
        Assert.NotNull(pinned.Metadata.Labels["controller-revision-hash"]);
        Assert.Single((await f.Admin.AppsV1.ListNamespacedControllerRevisionAsync(ns)).Items);

        var node = "practice-extra-" + Guid.NewGuid().ToString("N")[..4];
        f.Kubectl.Ok("apply", "-f", f.TempFile("node.yaml", $"apiVersion: v1\nkind: Node\nmetadata:\n  name: {node}\n"));
        try
        {
            f.Kubectl.WaitFor($@"(?m)^{node}\s+Ready\s", "get", "nodes");
            var withExtra = await f.RunningPods(ns, "app=agent", 4);
            var extraPod = withExtra.Single(p => p.Spec.NodeName == node);
            var registered = await f.Admin.CoreV1.ReadNodeAsync(node);
            Assert.Equal(node, registered.Metadata.Labels["kubernetes.io/hostname"]);
            Assert.StartsWith(registered.Spec.PodCIDR[..^"0/24".Length], extraPod.Status.PodIP);
            Assert.Matches(@"^127\.0\.0\.\d+$", registered.Status.Addresses.Single(a => a.Type == "ExternalIP").Address);
        }
        finally
        {
            f.Kubectl.Ok("delete", "node", node);
        }
        await f.RunningPods(ns, "app=agent", 3); // the pod of the removed node is collected
        // The DaemonSet's status follows its pods in the controller's next pass.
        await ClusterFixture.Eventually(async () => (await f.Admin.AppsV1.ReadNamespacedDaemonSetAsync("agent", ns)).Status.DesiredNumberScheduled == 3,
            "the DaemonSet counts three nodes again");
        var ds = await f.Admin.AppsV1.ReadNamespacedDaemonSetAsync("agent", ns);
        Assert.Equal((3, 3, 3), (ds.Status.DesiredNumberScheduled, ds.Status.CurrentNumberScheduled, ds.Status.NumberReady));
    }

    [Fact]
    public async Task StatefulSet_OrderedStart_ReverseScaleDown_ClaimsKept()
    {
        var ns = f.NewNamespace("sts");
        f.Apply(ns, """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: web}
            spec:
              serviceName: web
              replicas: 3
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx}]
              volumeClaimTemplates:
              - metadata: {name: www}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
            """);
        var pods = await f.RunningPods(ns, "app=web", 3);
        Assert.Equal(new[] { "web-0", "web-1", "web-2" }, pods.Select(p => p.Metadata.Name).Order());
        var created = pods.OrderBy(p => p.Metadata.Name).Select(p => p.Metadata.CreationTimestamp!.Value).ToList();
        Assert.True(created[0] <= created[1] && created[1] <= created[2]);
        var web1 = pods.Single(p => p.Metadata.Name == "web-1");
        Assert.Equal(("web-1", "web", "1"), (web1.Spec.Hostname, web1.Spec.Subdomain, web1.Metadata.Labels["apps.kubernetes.io/pod-index"]));
        Assert.Equal("www-web-1", web1.Spec.Volumes.Single(v => v.Name == "www").PersistentVolumeClaim.ClaimName);
        var messages = (await f.Events(ns, "web")).Where(e => e.Source.Component == "statefulset-controller").Select(e => e.Message).ToList();
        Assert.Equal(new[]
        {
            "create Claim www-web-0 Pod web-0 in StatefulSet web success", "create Pod web-0 in StatefulSet web successful",
            "create Claim www-web-1 Pod web-1 in StatefulSet web success", "create Pod web-1 in StatefulSet web successful",
            "create Claim www-web-2 Pod web-2 in StatefulSet web success", "create Pod web-2 in StatefulSet web successful",
        }, messages);

        f.Kubectl.Ok("-n", ns, "scale", "statefulset", "web", "--replicas=1");
        await f.RunningPods(ns, "app=web", 1);
        var deletions = (await f.Events(ns, "web")).Where(e => e.Reason == "SuccessfulDelete").Select(e => e.Message).ToList();
        Assert.Equal(new[] { "delete Pod web-2 in StatefulSet web successful", "delete Pod web-1 in StatefulSet web successful" }, deletions);
        var claims = (await f.Admin.CoreV1.ListNamespacedPersistentVolumeClaimAsync(ns)).Items;
        Assert.Equal(new[] { "www-web-0", "www-web-1", "www-web-2" }, claims.Select(c => c.Metadata.Name).Order());
        Assert.All(claims, c => Assert.Equal("Bound", c.Status.Phase));
        Assert.All(claims, c => Assert.Equal("web", c.Metadata.Labels["app"]));
        var sts = await f.Admin.AppsV1.ReadNamespacedStatefulSetAsync("web", ns);
        Assert.Equal(sts.Status.CurrentRevision, sts.Status.UpdateRevision);
        Assert.Equal(sts.Status.UpdateRevision, (await f.Admin.AppsV1.ListNamespacedControllerRevisionAsync(ns)).Items.Single().Metadata.Name);
    }

    [Fact]
    public async Task Job_RunsItsCompletionsWithParallelism_ThenIsComplete()
    {
        var ns = f.NewNamespace("job");
        f.Apply(ns, """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: batch}
            spec:
              completions: 3
              parallelism: 2
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: work
                    image: busybox
                    command: ["sh", "-c", "echo done"]
            """);
        V1Job job = null!;
        await ClusterFixture.Eventually(async () =>
        {
            job = await f.Admin.BatchV1.ReadNamespacedJobAsync("batch", ns);
            return job.Status?.Conditions?.Any(c => c.Type == "Complete" && c.Status == "True") == true;
        }, "the job completes", 30);
        Assert.Equal(3, job.Status.Succeeded);
        Assert.Null(job.Status.Active);
        Assert.NotNull(job.Status.CompletionTime);
        Assert.Contains(job.Status.Conditions, c => c.Type == "SuccessCriteriaMet");
        var pods = await f.Pods(ns, "job-name=batch");
        Assert.Equal(3, pods.Count);
        Assert.All(pods, p => Assert.Equal("Succeeded", p.Status.Phase));
        Assert.Matches(@"(?m)^batch\s+(Complete\s+)?3/3\s", f.Kubectl.Ok("-n", ns, "get", "jobs"));
        Assert.Contains(await f.Events(ns, "batch"), e => e.Reason == "Completed" && e.Message == "Job completed");
    }
}
