using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Controllers;
using PracticeK8s.Sandbox.Lifecycle;
using PracticeK8s.Sandbox.Networking;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Kubelet;

/// <summary>
/// What a kubelet writes about its node when it registers and on each heartbeat: the labels it owns,
/// the pod CIDR (upstream: node-ipam), capacity and allocatable of a 2-CPU/4-GiB machine, addresses
/// from the <see cref="NodeAddresses"/> plan, nodeInfo (containerd, kubelet v1.32.4) and the
/// pressure/Ready conditions.
/// </summary>
public static class NodeRegistration
{
    public const string KubeletVersion = "v1.32.4";
    public const int KubeletPort = 10250;

    /// <summary>Fills in a node's labels, pod CIDR and status for node number <paramref name="index"/>; keeps what is already right.</summary>
    public static void Register(JsonObject node, int index)
    {
        var meta = node.Ensure("metadata");
        var name = meta.Str("name")!;
        var labels = meta.Ensure("labels");
        labels["kubernetes.io/hostname"] = name;
        labels.Default("kubernetes.io/os", "linux");
        labels.Default("kubernetes.io/arch", BootstrapNodes.Arch);
        labels.Default("beta.kubernetes.io/os", "linux");
        labels.Default("beta.kubernetes.io/arch", BootstrapNodes.Arch);
        var spec = node.Ensure("spec");
        if (string.IsNullOrEmpty(spec.Str("podCIDR")))
        {
            spec["podCIDR"] = NodeAddresses.PodCidr(index);
            spec["podCIDRs"] = new JsonArray(NodeAddresses.PodCidr(index));
        }
        var status = node.Ensure("status");
        status["capacity"] = new JsonObject
        {
            ["cpu"] = "2", ["ephemeral-storage"] = "81106868Ki", ["hugepages-1Gi"] = "0", ["hugepages-2Mi"] = "0",
            ["memory"] = "4020012Ki", ["pods"] = "110",
        };
        status["allocatable"] = new JsonObject
        {
            ["cpu"] = "2", ["ephemeral-storage"] = "74748555548", ["hugepages-1Gi"] = "0", ["hugepages-2Mi"] = "0",
            ["memory"] = "3917612Ki", ["pods"] = "110",
        };
        status["addresses"] = new JsonArray(
            new JsonObject { ["type"] = "Hostname", ["address"] = name },
            new JsonObject { ["type"] = "ExternalIP", ["address"] = NodeAddresses.ExternalIP(index) },
            new JsonObject { ["type"] = "InternalIP", ["address"] = NodeAddresses.InternalIP(index) });
        status["daemonEndpoints"] = new JsonObject { ["kubeletEndpoint"] = new JsonObject { ["Port"] = KubeletPort } };
        var info = status.Obj("nodeInfo");
        status["nodeInfo"] = new JsonObject
        {
            ["architecture"] = BootstrapNodes.Arch,
            ["bootID"] = info.Str("bootID") ?? Guid.NewGuid().ToString(),
            ["containerRuntimeVersion"] = "containerd://1.7.24",
            ["kernelVersion"] = "6.1.0-28-cloud-amd64",
            ["kubeProxyVersion"] = KubeletVersion,
            ["kubeletVersion"] = KubeletVersion,
            ["machineID"] = info.Str("machineID") ?? Hex(name + "/machine", 32),
            ["operatingSystem"] = "linux",
            ["osImage"] = "Debian GNU/Linux 12 (bookworm)",
            ["systemUUID"] = info.Str("systemUUID") ?? Guid.NewGuid().ToString(),
        };
        status.Default("images", new JsonArray());
        Heartbeat(status, Clock.Stamp());
    }

    /// <summary>The conditions a healthy kubelet reports, stamped with this heartbeat (transition times kept while unchanged).</summary>
    public static void Heartbeat(JsonObject status, string now)
    {
        var old = status.Arr("conditions").Objects().ToDictionary(c => c.Str("type") ?? "");
        JsonObject Condition(string type, string value, string reason, string message) => new()
        {
            ["type"] = type,
            ["status"] = value,
            ["lastHeartbeatTime"] = type == "NetworkUnavailable" ? old.GetValueOrDefault(type)?.Str("lastHeartbeatTime") ?? now : now,
            ["lastTransitionTime"] = old.TryGetValue(type, out var o) && o.Str("status") == value ? o.Str("lastTransitionTime") : now,
            ["reason"] = reason,
            ["message"] = message,
        };
        status["conditions"] = new JsonArray(
            Condition("NetworkUnavailable", "False", "CalicoIsUp", "Calico is running on this node"),
            Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
            Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
            Condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
            Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"));
    }

    public static bool IsReadyReported(JsonObject? status) =>
        status.Arr("conditions").Objects().Any(c => c.Str("type") == "Ready" && c.Str("status") == "True");

    private static string Hex(string seed, int length) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed))).ToLowerInvariant()[..length];
}
