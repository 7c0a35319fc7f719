using System.Text.RegularExpressions;
using k8s.Models;

namespace PracticeK8s.Sandbox.Tests.Cluster;

/// <summary>The scheduler's filters and messages, and the node lifecycle (leases, NotReady, taints).</summary>
[Collection(ClusterCollection.Name)]
public sealed class NodeAndSchedulingTests(ClusterFixture f)
{
    private static V1Pod Pod(string name, Action<V1PodSpec>? spec = null)
    {
        var s = new V1PodSpec { Containers = new List<V1Container> { new() { Name = "c", Image = "nginx" } } };
        spec?.Invoke(s);
        return new V1Pod { Metadata = new V1ObjectMeta { Name = name }, Spec = s };
    }

    private async Task<V1Pod> Unschedulable(string ns, string name)
    {
        V1Pod pod = null!;
        await ClusterFixture.Eventually(async () =>
        {
            pod = await f.Admin.CoreV1.ReadNamespacedPodAsync(name, ns);
            return pod.Status?.Conditions?.Any(c => c.Type == "PodScheduled" && c.Status == "False") == true;
        }, $"{name} is found unschedulable");
        return pod;
    }

    [Fact]
    public async Task UnschedulablePods_StayPending_WithUpstreamsReasons()
    {
        var ns = f.NewNamespace("unsched");
        await f.Admin.CoreV1.CreateNamespacedPodAsync(Pod("picky", s => s.NodeSelector = new Dictionary<string, string> { ["disktype"] = "ssd" }), ns);
        await f.Admin.CoreV1.CreateNamespacedPodAsync(Pod("greedy", s => s.Containers[0].Resources = new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("8") },
        }), ns);
        var picky = await Unschedulable(ns, "picky");
        var condition = picky.Status.Conditions.Single(c => c.Type == "PodScheduled");
        const string selectorMessage = "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
        Assert.Equal(("Unschedulable", selectorMessage), (condition.Reason, condition.Message));
        Assert.Equal("Pending", picky.Status.Phase);
        var describe = f.Kubectl.Ok("-n", ns, "describe", "pod", "picky");
        Assert.Matches(@"Warning\s+FailedScheduling\s+\S+\s+default-scheduler\s+" + Regex.Escape(selectorMessage), describe);
        Assert.Matches(@"(?m)^picky\s+0/1\s+Pending\s+0\s", f.Kubectl.Ok("-n", ns, "get", "pods"));

        var greedy = await Unschedulable(ns, "greedy");
        Assert.Equal("0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
            greedy.Status.Conditions.Single(c => c.Type == "PodScheduled").Message);

        // A node that gets the label: the pending pod is scheduled there.
        f.Kubectl.Ok("label", "node", "sandbox-node-2", "disktype=ssd");
        try
        {
            await ClusterFixture.Eventually(async () => (await f.Admin.CoreV1.ReadNamespacedPodAsync("picky", ns)).Spec.NodeName == "sandbox-node-2", "picky lands on the labelled node");
            Assert.Contains(await f.Events(ns, "picky"), e => e.Reason == "Scheduled" && e.Message == $"Successfully assigned {ns}/picky to sandbox-node-2");
        }
        finally { f.Kubectl.Ok("label", "node", "sandbox-node-2", "disktype-"); }
    }

    [Fact]
    public async Task Taints_KeepPodsOff_UnlessTolerated()
    {
        var ns = f.NewNamespace("taints");
        foreach (var node in ClusterFixture.NodeNames) f.Kubectl.Ok("taint", "node", node, "dedicated=db:NoSchedule");
        try
        {
            await f.Admin.CoreV1.CreateNamespacedPodAsync(Pod("plain"), ns);
            await f.Admin.CoreV1.CreateNamespacedPodAsync(Pod("tolerant", s => s.Tolerations = new List<V1Toleration>
            {
                new() { Key = "dedicated", OperatorProperty = "Equal", Value = "db", Effect = "NoSchedule" },
            }), ns);
            var plain = await Unschedulable(ns, "plain");
            Assert.StartsWith("0/3 nodes are available: 3 node(s) had untolerated taint {dedicated: db}.",
                plain.Status.Conditions.Single(c => c.Type == "PodScheduled").Message);
            await ClusterFixture.Eventually(async () => !string.IsNullOrEmpty((await f.Admin.CoreV1.ReadNamespacedPodAsync("tolerant", ns)).Spec.NodeName),
                "the tolerating pod is scheduled");
        }
        finally
        {
            foreach (var node in ClusterFixture.NodeNames) f.Kubectl.Ok("taint", "node", node, "dedicated=db:NoSchedule-");
        }
        await ClusterFixture.Eventually(async () => !string.IsNullOrEmpty((await f.Admin.CoreV1.ReadNamespacedPodAsync("plain", ns)).Spec.NodeName),
            "with the taint gone the other pod is scheduled too");
    }

    [Fact]
    public async Task ANodeWhoseKubeletStops_GoesNotReady_WithUnreachableTaints_AndComesBack()
    {
        const string node = "sandbox-node-3";
        var lease = await f.Admin.CoordinationV1.ReadNamespacedLeaseAsync(node, "kube-node-lease");
        Assert.Equal(node, lease.Spec.HolderIdentity);
        await ClusterFixture.Eventually(async () =>
            (await f.Admin.CoordinationV1.ReadNamespacedLeaseAsync(node, "kube-node-lease")).Spec.RenewTime > lease.Spec.RenewTime, "the kubelet renews its lease");

        f.Kubectl.Ok("annotate", "node", node, "sandbox.practicek8s.io/kubelet=stopped");
        try
        {
            var notReady = f.Kubectl.WaitFor($@"(?m)^{node}\s+NotReady\s", TimeSpan.FromSeconds(20), "get", "nodes");
            // As on a real cluster, the taints follow the Ready condition in a separate write.
            await ClusterFixture.Eventually(async () => (await f.Admin.CoreV1.ReadNodeAsync(node)).Spec.Taints?.Count >= 2, "the unreachable taints are added");
            var n = await f.Admin.CoreV1.ReadNodeAsync(node);
            var ready = n.Status.Conditions.Single(c => c.Type == "Ready");
            Assert.Equal(("Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status."), (ready.Status, ready.Reason, ready.Message));
            Assert.Contains(n.Spec.Taints, t => t.Key == "node.kubernetes.io/unreachable" && t.Effect == "NoSchedule");
            Assert.Contains(n.Spec.Taints, t => t.Key == "node.kubernetes.io/unreachable" && t.Effect == "NoExecute" && t.TimeAdded is not null);
            // "(x2 over 40s)" when the node already flapped (4 s grace on a busy machine).
            Assert.Matches($@"Normal\s+NodeNotReady\s+\S+( \(x\d+ over \S+\))?\s+node-controller\s+Node {node} status is now: NodeNotReady", f.Kubectl.Ok("describe", "node", node));
            // Its pods are no longer ready (DaemonSet pods tolerate the taints and stay).
            var calico = (await f.Pods("kube-system", "k8s-app=calico-node")).Single(p => p.Spec.NodeName == node);
            Assert.Equal("False", calico.Status.Conditions.Single(c => c.Type == "Ready").Status);
        }
        finally
        {
            f.Kubectl.Ok("annotate", "node", node, "sandbox.practicek8s.io/kubelet-");
        }
        f.Kubectl.WaitFor($@"(?m)^{node}\s+Ready\s", "get", "nodes");
        await ClusterFixture.Eventually(async () => (await f.Admin.CoreV1.ReadNodeAsync(node)).Spec.Taints is null, "the taints are removed");
        await f.RunningPods("kube-system", "k8s-app=calico-node", 3);
    }
}
