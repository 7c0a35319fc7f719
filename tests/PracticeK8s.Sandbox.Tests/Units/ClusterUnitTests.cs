using System.Text.Json.Nodes;
using k8s.Models;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Controllers.Workloads;
using PracticeK8s.Sandbox.Events;
using PracticeK8s.Sandbox.Hosting;
using PracticeK8s.Sandbox.Kubelet;
using PracticeK8s.Sandbox.Lifecycle;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Runtime;
using PracticeK8s.Sandbox.Scheduling;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Tests.Units;

/// <summary>The cluster's pure parts: rollout arithmetic, template hashes, node matching, pod status, events, addresses, flags.</summary>
public sealed class ClusterUnitTests
{
    private static V1Deployment Deployment(int replicas, string? surge, string? unavailable) => new()
    {
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Strategy = new V1DeploymentStrategy
            {
                Type = "RollingUpdate",
                RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = surge, MaxUnavailable = unavailable },
            },
        },
    };

    [Theory]
    [InlineData(4, "25%", "25%", 1, 1)]
    [InlineData(3, "25%", "25%", 1, 0)]   // surge rounds up, unavailable down
    [InlineData(10, "3", "30%", 3, 3)]
    [InlineData(2, "0", "0", 0, 1)]       // both zero would stall: one may be unavailable
    public void Fenceposts_RoundAsUpstream(int replicas, string surge, string unavailable, int expectedSurge, int expectedUnavailable) =>
        Assert.Equal((expectedSurge, expectedUnavailable), RolloutMath.Fenceposts(Deployment(replicas, surge, unavailable)));

    [Fact]
    public void RollingSteps_StayWithinTheBudgets()
    {
        Assert.Equal(1, RolloutMath.NewReplicaSetReplicas(replicas: 3, surge: 1, allSpecReplicas: 3, newSpecReplicas: 0));
        Assert.Equal(1, RolloutMath.NewReplicaSetReplicas(3, 1, allSpecReplicas: 4, newSpecReplicas: 1)); // at the surge limit: wait
        Assert.Equal(3, RolloutMath.NewReplicaSetReplicas(3, 1, allSpecReplicas: 0, newSpecReplicas: 0)); // a new deployment
        // 3 wanted, 0 unavailable allowed: with the new pod not yet available nothing old may go; once it is, one may.
        Assert.Equal(0, RolloutMath.MaxScaleDown(3, 0, allSpecReplicas: 4, newSpecReplicas: 1, newAvailable: 0));
        Assert.Equal(1, RolloutMath.MaxScaleDown(3, 0, allSpecReplicas: 4, newSpecReplicas: 1, newAvailable: 1));
    }

    [Fact]
    public void TemplateHash_IsStable_NameSafe_AndIgnoresKeyOrderAndNulls()
    {
        var a = JsonNode.Parse("""{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}""");
        var b = JsonNode.Parse("""{"spec":{"containers":[{"image":"nginx","name":"c"}]},"metadata":{"creationTimestamp":null,"labels":{"app":"web"}}}""");
        var c = JsonNode.Parse("""{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"nginx:1.27"}]}}""");
        Assert.Equal(PodTemplates.Hash(a), PodTemplates.Hash(b));
        Assert.NotEqual(PodTemplates.Hash(a), PodTemplates.Hash(c));
        Assert.NotEqual(PodTemplates.Hash(a), PodTemplates.Hash(a, collisionCount: 1));
        Assert.Matches("^[bcdfghjklmnpqrstvwxz2456789]{1,10}$", PodTemplates.Hash(a));
        var withHash = a!.DeepClone().AsObject();
        withHash["metadata"]!["labels"]![PodTemplates.HashLabel] = "xyz";
        Assert.True(PodTemplates.EqualIgnoringHash(withHash, b));
    }

    private static V1Node Node(string name, Dictionary<string, string>? labels = null, params V1Taint[] taints) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = labels ?? new Dictionary<string, string>() },
        Spec = new V1NodeSpec { Taints = taints.ToList() },
    };

    [Fact]
    public void NodeMatching_SelectorAffinityFieldsAndTolerations()
    {
        var ssd = Node("n1", new() { ["disk"] = "ssd", ["zone"] = "a" });
        Assert.True(NodeMatching.MatchesNodeSelectorAndAffinity(new V1PodSpec { NodeSelector = new Dictionary<string, string> { ["disk"] = "ssd" } }, ssd));
        Assert.False(NodeMatching.MatchesNodeSelectorAndAffinity(new V1PodSpec { NodeSelector = new Dictionary<string, string> { ["disk"] = "hdd" } }, ssd));
        V1PodSpec Pinned(string op, params string[] values) => new()
        {
            Affinity = new V1Affinity { NodeAffinity = new V1NodeAffinity { RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector
            {
                NodeSelectorTerms = new List<V1NodeSelectorTerm>
                {
                    new() { MatchFields = new List<V1NodeSelectorRequirement> { new() { Key = "metadata.name", OperatorProperty = op, Values = values.ToList() } } },
                },
            } } },
        };
        Assert.True(NodeMatching.MatchesNodeSelectorAndAffinity(Pinned("In", "n1"), ssd));
        Assert.False(NodeMatching.MatchesNodeSelectorAndAffinity(Pinned("In", "n2"), ssd));
        Assert.True(NodeMatching.MatchesNodeSelectorAndAffinity(Pinned("NotIn", "n2"), ssd));

        var taint = new V1Taint { Key = "dedicated", Value = "db", Effect = "NoSchedule" };
        Assert.True(NodeMatching.Tolerates(new V1Toleration { OperatorProperty = "Exists" }, taint));
        Assert.True(NodeMatching.Tolerates(new V1Toleration { Key = "dedicated", OperatorProperty = "Equal", Value = "db" }, taint));
        Assert.False(NodeMatching.Tolerates(new V1Toleration { Key = "dedicated", OperatorProperty = "Equal", Value = "web" }, taint));
        Assert.False(NodeMatching.Tolerates(new V1Toleration { Key = "dedicated", OperatorProperty = "Exists", Effect = "NoExecute" }, taint));
        var tainted = Node("n2", null, taint, new V1Taint { Key = "soft", Effect = "PreferNoSchedule" });
        Assert.Equal("{dedicated: db}", NodeMatching.Describe(NodeMatching.FirstUntoleratedTaint(null, tainted, "NoSchedule", "NoExecute")!));
        Assert.Null(NodeMatching.FirstUntoleratedTaint(null, tainted, "NoExecute"));
        // A node no kubelet has registered yet counts as not-ready for scheduling.
        Assert.Equal("node.kubernetes.io/not-ready", NodeMatching.FirstUntoleratedTaint(null, Node("fresh"), "NoSchedule")!.Key);
        var registered = Node("up");
        registered.Status = new V1NodeStatus { Conditions = new List<V1NodeCondition> { new() { Type = "Ready", Status = "True" } } };
        Assert.Null(NodeMatching.FirstUntoleratedTaint(null, registered, "NoSchedule"));
        Assert.Contains(DaemonSetController.DaemonTolerations(hostNetwork: false),
            t => t.Key == "node.kubernetes.io/unschedulable" && t.Effect == "NoSchedule" && t.OperatorProperty == "Exists");
    }

    [Fact]
    public void PodRequests_SumContainers_TakeTheLargestInit_AndDefaultToLimits()
    {
        var spec = new V1PodSpec
        {
            Containers = new List<V1Container>
            {
                new() { Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("250m"), ["memory"] = new("64Mi") } } },
                new() { Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("1") } } },
            },
            InitContainers = new List<V1Container>
            {
                new() { Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("2") } } },
            },
        };
        Assert.Equal(new PodRequests(2000, 64 * 1024 * 1024), PodRequests.Of(spec));
    }

    private static ContainerState Running(string name, int restarts = 0) =>
        new(name, false, "nginx", "", "containerd://1", ContainerPhase.Running, null, null, null, null, DateTime.UtcNow, null, restarts, null);

    private static ContainerState Exited(string name, int code) =>
        new(name, false, "busybox", "", "containerd://2", ContainerPhase.Terminated, code == 0 ? "Completed" : "Error", null, code, null,
            DateTime.UtcNow, DateTime.UtcNow, 0, null);

    private static V1Pod Pod(string restartPolicy, params string[] containers) => new()
    {
        Metadata = new V1ObjectMeta { Name = "p" },
        Spec = new V1PodSpec { RestartPolicy = restartPolicy, Containers = containers.Select(c => new V1Container { Name = c, Image = "busybox" }).ToList() },
        Status = new V1PodStatus { QosClass = "BestEffort" },
    };

    private static PodRuntimeState State(params ContainerState[] containers) => new("uid", "ns", "p", new List<ContainerState>(), containers, false);

    [Fact]
    public void PodStatus_PhasesAndConditionsAsTheKubeletReportsThem()
    {
        var now = DateTime.UtcNow;
        var creating = PodStatusBuilder.Build(Pod("Always", "a"), null, "127.0.0.101", null, now, now);
        Assert.Equal("Pending", creating.Phase);
        Assert.Equal("ContainerCreating", creating.ContainerStatuses[0].State.Waiting.Reason);
        Assert.Equal(new[] { "PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled" }, creating.Conditions.Select(c => c.Type));
        Assert.Equal("False", creating.Conditions[0].Status);

        var half = PodStatusBuilder.Build(Pod("Always", "a", "b"), State(Running("a"), Exited("b", 1)), "127.0.0.101", "10.244.0.5", now, now);
        Assert.Equal("Running", half.Phase);
        var ready = half.Conditions.Single(c => c.Type == "Ready");
        Assert.Equal(("False", "ContainersNotReady", "containers with unready status: [b]"), (ready.Status, ready.Reason, ready.Message));
        Assert.Equal("10.244.0.5", half.PodIPs.Single().Ip);

        Assert.Equal("Succeeded", PodStatusBuilder.Build(Pod("Never", "a"), State(Exited("a", 0)), "h", "i", now, now).Phase);
        Assert.Equal("Failed", PodStatusBuilder.Build(Pod("Never", "a"), State(Exited("a", 2)), "h", "i", now, now).Phase);
        Assert.Equal("Running", PodStatusBuilder.Build(Pod("OnFailure", "a"), State(Exited("a", 2)), "h", "i", now, now).Phase);
        var done = PodStatusBuilder.Build(Pod("Never", "a"), State(Exited("a", 0)), "h", "i", now, now);
        Assert.Equal("PodCompleted", done.Conditions.Single(c => c.Type == "Ready").Reason);
        Assert.Equal("Completed", done.ContainerStatuses[0].State.Terminated.Reason);
    }

    [Fact]
    public void Events_AreAggregated_ByObjectReasonAndMessage()
    {
        using var store = new ObjectStore(null);
        var state = new SandboxState(store, new ResourceRegistry(BuiltinResources.List));
        Bootstrap.Run(state);
        var node = store.Write("/nodes", "", "n1", _ => Mutation.Store(new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Node", ["metadata"] = new JsonObject { ["name"] = "n1", ["uid"] = "node-uid" },
        })).Object!;
        var recorder = new EventRecorder(state);
        var source = new EventSource("kubelet", "n1");
        recorder.Normal(source, node, "NodeReady", "Node n1 status is now: NodeReady");
        recorder.Normal(source, node, "NodeReady", "Node n1 status is now: NodeReady");
        recorder.Warning(source, node, "Rebooted", "Node n1 has been rebooted");
        var events = store.List(EventRecorder.Key, "default").Items.Select(e => e.ToNode()).ToList();
        Assert.Equal(2, events.Count);
        var ready = events.Single(e => e.Str("reason") == "NodeReady");
        Assert.Equal(2, ready.Long("count"));
        Assert.Equal(("Normal", "kubelet", "n1"), (ready.Str("type"), ready.Obj("source").Str("component"), ready.Obj("source").Str("host")));
        Assert.Equal(("Node", "n1", "node-uid"), (ready.Obj("involvedObject").Str("kind"), ready.Obj("involvedObject").Str("name"), ready.Obj("involvedObject").Str("uid")));
        Assert.Matches("^n1\\.[0-9a-f]{16}$", ready.Obj("metadata").Str("name"));
        Assert.Equal("Warning", events.Single(e => e.Str("reason") == "Rebooted").Str("type"));
    }

    [Fact]
    public void PodAddresses_ComeFromTheNodesCidr_SkippingUsedOnes_RoundRobin()
    {
        var addresses = new PodAddresses();
        Assert.Equal("10.244.2.2", addresses.Allocate("n3", "10.244.2.0/24", new HashSet<string>()));
        Assert.Equal("10.244.2.4", addresses.Allocate("n3", "10.244.2.0/24", new HashSet<string> { "10.244.2.3" }));
        Assert.Equal("10.244.2.5", addresses.Allocate("n3", "10.244.2.0/24", new HashSet<string>()));
        Assert.Null(addresses.Allocate("n3", null, new HashSet<string>()));
    }

    [Fact]
    public void ClusterFlags_AndDurations()
    {
        var o = SandboxOptions.Parse(new[] { "--data-dir", "/tmp/x", "--pod-start-delay", "250ms", "--node-monitor-grace-period", "2s", "--nodes", "5",
            "--load-balancer-delay", "0.5" });
        Assert.Equal((TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2), 5, TimeSpan.FromSeconds(0.5)),
            (o.Cluster.PodStartDelay, o.Cluster.NodeMonitorGracePeriod, o.Cluster.NodeCount, o.Cluster.LoadBalancerDelay));
        Assert.Equal(TimeSpan.FromMilliseconds(500), o.Cluster.LeaseRenewInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(500), new ClusterSettings().PodStartDelay);
        Assert.Equal(TimeSpan.FromSeconds(10), new ClusterSettings().LeaseRenewInterval);
        Assert.Throws<ArgumentException>(() => SandboxOptions.Parse(new[] { "--data-dir", "/tmp/x", "--pod-start-delay", "soon" }));
        Assert.Equal("812ms", ImagePulls.Go(TimeSpan.FromMilliseconds(812)));
        Assert.Equal("1.2s", ImagePulls.Go(TimeSpan.FromMilliseconds(1200)));
    }
}
