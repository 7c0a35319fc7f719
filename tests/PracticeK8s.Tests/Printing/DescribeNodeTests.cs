using k8s.Models;
using PracticeK8s.Printing;
using static PracticeK8s.Tests.Printing.Build;

namespace PracticeK8s.Tests.Printing;

public sealed class DescribeNodeTests
{
    private static string Aligned(string raw) => TabWriter.FormatText(raw, TabWriter.DescribeMinWidth, TabWriter.DescribePadding);

    private static readonly DateTime Created = new(2024, 4, 1, 8, 0, 0, DateTimeKind.Utc);

    private static Dictionary<string, ResourceQuantity> Resources() => new()
    {
        ["pods"] = new("110"), ["memory"] = new("4030000Ki"), ["hugepages-2Mi"] = new("0"), ["cpu"] = new("2"), ["ephemeral-storage"] = new("41152812Ki"),
    };

    private static V1Node Node() => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "node-1", Uid = "n-1", CreationTimestamp = Created,
            Labels = Labels("kubernetes.io/hostname=node-1", "node-role.kubernetes.io/control-plane=", "beta.kubernetes.io/arch=amd64"),
            Annotations = new Dictionary<string, string> { ["node.alpha.kubernetes.io/ttl"] = "0" },
        },
        Spec = new V1NodeSpec
        {
            PodCIDR = "10.244.0.0/24", PodCIDRs = ["10.244.0.0/24", "fd00:10:244::/64"], ProviderID = "linode://123",
            Taints =
            [
                new V1Taint { Key = "node-role.kubernetes.io/control-plane", Effect = "NoSchedule" },
                new V1Taint { Key = "example", Value = "x", Effect = "NoExecute" },
            ],
        },
        Status = new V1NodeStatus
        {
            Conditions =
            [
                new V1NodeCondition { Type = "MemoryPressure", Status = "False", Reason = "KubeletHasSufficientMemory", Message = "kubelet has sufficient memory available", LastHeartbeatTime = Created.AddDays(29), LastTransitionTime = Created },
                new V1NodeCondition { Type = "Ready", Status = "True", Reason = "KubeletReady", Message = "kubelet is posting ready status", LastHeartbeatTime = Created.AddDays(29), LastTransitionTime = Created.AddMinutes(1) },
            ],
            Addresses = [new V1NodeAddress { Type = "InternalIP", Address = "192.168.49.2" }, new V1NodeAddress { Type = "Hostname", Address = "node-1" }],
            Capacity = Resources(), Allocatable = Resources(),
            NodeInfo = new V1NodeSystemInfo
            {
                MachineID = "m1", SystemUUID = "u1", BootID = "b1", KernelVersion = "6.1.0", OsImage = "Debian GNU/Linux 12 (bookworm)",
                OperatingSystem = "linux", Architecture = "amd64", ContainerRuntimeVersion = "containerd://1.7.0", KubeletVersion = "v1.32.0", KubeProxyVersion = "",
            },
        },
    };

    private static V1Pod CoreDns() => new()
    {
        Metadata = Meta("coredns-abc", HoursAgo(120), "kube-system"),
        Spec = new V1PodSpec
        {
            Containers =
            [
                new V1Container
                {
                    Name = "coredns",
                    Resources = new V1ResourceRequirements
                    {
                        Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("70Mi") },
                        Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("170Mi") },
                    },
                },
            ],
        },
    };

    [Fact]
    public void Node_WithLeasePodsAllocationAndEvents()
    {
        var lease = new V1Lease { Spec = new V1LeaseSpec { HolderIdentity = "node-1", RenewTime = Created.AddDays(29) } };
        var pods = new[] { CoreDns(), new V1Pod { Metadata = Meta("nginx", MinutesAgo(3), "default"), Spec = new V1PodSpec { Containers = [new V1Container { Name = "nginx" }] } } };
        var events = new[]
        {
            new Corev1Event { Type = "Normal", Reason = "NodeReady", Message = "Node node-1 status is now: NodeReady", Source = new V1EventSource { Component = "kubelet", Host = "node-1" }, FirstTimestamp = MinutesAgo(20), LastTimestamp = MinutesAgo(5), Count = 3 },
        };
        var raw =
            "Name:\tnode-1\nRoles:\tcontrol-plane\nLabels:\tbeta.kubernetes.io/arch=amd64\n\tkubernetes.io/hostname=node-1\n\tnode-role.kubernetes.io/control-plane=\n" +
            "Annotations:\tnode.alpha.kubernetes.io/ttl: 0\nCreationTimestamp:\tMon, 01 Apr 2024 08:00:00 +0000\n" +
            "Taints:\texample=x:NoExecute\n\tnode-role.kubernetes.io/control-plane:NoSchedule\nUnschedulable:\tfalse\n" +
            "Lease:\n  HolderIdentity:\tnode-1\n  AcquireTime:\t<unset>\n  RenewTime:\tTue, 30 Apr 2024 08:00:00 +0000\n" +
            "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n" +
            "  ----\t------\t-----------------\t------------------\t------\t-------\n" +
            "  MemoryPressure \tFalse \tTue, 30 Apr 2024 08:00:00 +0000 \tMon, 01 Apr 2024 08:00:00 +0000 \tKubeletHasSufficientMemory \tkubelet has sufficient memory available\n" +
            "  Ready \tTrue \tTue, 30 Apr 2024 08:00:00 +0000 \tMon, 01 Apr 2024 08:01:00 +0000 \tKubeletReady \tkubelet is posting ready status\n" +
            "Addresses:\n  InternalIP:\t192.168.49.2\n  Hostname:\tnode-1\n" +
            "Capacity:\n  cpu:\t2\n  ephemeral-storage:\t41152812Ki\n  hugepages-2Mi:\t0\n  memory:\t4030000Ki\n  pods:\t110\n" +
            "Allocatable:\n  cpu:\t2\n  ephemeral-storage:\t41152812Ki\n  hugepages-2Mi:\t0\n  memory:\t4030000Ki\n  pods:\t110\n" +
            "System Info:\n  Machine ID:\tm1\n  System UUID:\tu1\n  Boot ID:\tb1\n  Kernel Version:\t6.1.0\n  OS Image:\tDebian GNU/Linux 12 (bookworm)\n" +
            "  Operating System:\tlinux\n  Architecture:\tamd64\n  Container Runtime Version:\tcontainerd://1.7.0\n  Kubelet Version:\tv1.32.0\n  Kube-Proxy Version:\t\n" +
            "PodCIDR:\t10.244.0.0/24\nPodCIDRs:\t10.244.0.0/24,fd00:10:244::/64\nProviderID:\tlinode://123\n" +
            "Non-terminated Pods:\t(2 in total)\n" +
            "  Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n" +
            "  ---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n" +
            "  kube-system\tcoredns-abc\t\t100m (5%)\t0 (0%)\t70Mi (1%)\t170Mi (4%)\t5d\n" +
            "  default\tnginx\t\t0 (0%)\t0 (0%)\t0 (0%)\t0 (0%)\t3m\n" +
            "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n" +
            "  Resource\tRequests\tLimits\n  --------\t--------\t------\n" +
            "  cpu\t100m (5%)\t0 (0%)\n  memory\t70Mi (1%)\t170Mi (4%)\n  ephemeral-storage\t0 (0%)\t0 (0%)\n  hugepages-2Mi\t0 (0%)\t0 (0%)\n" +
            "Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n" +
            "  Normal\tNodeReady\t5m (x3 over 20m)\tkubelet\tNode node-1 status is now: NodeReady\n";
        var input = new DescribeInput { Resource = Node(), Lease = lease, Pods = pods, Events = events, TimeZone = TimeZoneInfo.Utc };
        Assert.Equal(Aligned(raw), Describer.Describe(input, Now));
    }

    [Fact]
    public void PodsTable_SharesTheSystemInfoColumn_AndHasTwoExtraSpacesAfterName()
    {
        // Every line from "System Info:"'s fields down to the pod rows has a tab, so they form one block:
        // the first column is as wide as "  Container Runtime Version:" plus two.
        var text = Describer.Describe(new DescribeInput { Resource = Node(), Pods = [CoreDns()], TimeZone = TimeZoneInfo.Utc }, Now);
        Assert.Contains("  Kube-Proxy Version:         \nPodCIDR:                      10.244.0.0/24\n", text);
        Assert.Contains("Non-terminated Pods:          (1 in total)\n", text);
        Assert.Contains("  Namespace                   Name           CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age\n", text);
        Assert.Contains("  kube-system                 coredns-abc    100m (5%)     0 (0%)      70Mi (1%)        170Mi (4%)     5d\n", text);
    }

    [Fact]
    public void UnreadablePodsAndLease_AreReportedInline()
    {
        var node = Node();
        node.Spec.Unschedulable = true;
        var text = Describer.Describe(new DescribeInput { Resource = node, LeaseError = "leases.coordination.k8s.io \"node-1\" is forbidden", TimeZone = TimeZoneInfo.Utc }, Now);
        Assert.Contains("Unschedulable:      true\nLease:              Failed to get lease: leases.coordination.k8s.io \"node-1\" is forbidden\n", text);
        Assert.Contains("ProviderID:                   linode://123\nPods:                         not authorized\n", text);
        Assert.DoesNotContain("Events", text);
    }

    [Fact]
    public void MissingLease_PrintsUnsetTimes()
    {
        var text = Describer.Describe(new DescribeInput { Resource = Node(), Pods = [], TimeZone = TimeZoneInfo.Utc }, Now);
        Assert.Contains("Lease:\n  HolderIdentity:  <unset>\n  AcquireTime:     <unset>\n  RenewTime:       <unset>\n", text);
        Assert.Contains("Non-terminated Pods:          (0 in total)\n", text);
    }
}
