using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace PracticeK8s.Sandbox.Lifecycle;

/// <summary>
/// The worker nodes of a new sandbox, as registered Node objects: names, the labels a kubelet and
/// the cloud provider put on them, the annotations upstream shows. Their status (capacity,
/// addresses, conditions) comes from the simulated kubelet.
/// </summary>
public static class BootstrapNodes
{
    public const string NamePrefix = "sandbox-node-";

    public static IEnumerable<JsonObject> Create(int count)
    {
        for (int i = 1; i <= count; i++)
        {
            var name = NamePrefix + i;
            yield return new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Node",
                ["metadata"] = new JsonObject
                {
                    ["name"] = name,
                    ["labels"] = Labels(name),
                    ["annotations"] = new JsonObject
                    {
                        ["node.alpha.kubernetes.io/ttl"] = "0",
                        ["volumes.kubernetes.io/controller-managed-attach-detach"] = "true",
                    },
                },
                ["spec"] = new JsonObject { ["providerID"] = $"sandbox://{name}" },
            };
        }
    }

    public static string Arch => RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "amd64";

    /// <summary>The labels of a registered node (kubelet: hostname/os/arch; cloud provider: instance type, region, zone).</summary>
    public static JsonObject Labels(string name) => new()
    {
        ["beta.kubernetes.io/arch"] = Arch,
        ["beta.kubernetes.io/instance-type"] = "g6-standard-2",
        ["beta.kubernetes.io/os"] = "linux",
        ["failure-domain.beta.kubernetes.io/region"] = "sandbox-central",
        ["kubernetes.io/arch"] = Arch,
        ["kubernetes.io/hostname"] = name,
        ["kubernetes.io/os"] = "linux",
        ["node.kubernetes.io/instance-type"] = "g6-standard-2",
        ["topology.kubernetes.io/region"] = "sandbox-central",
        ["topology.linode.com/region"] = "sandbox-central",
    };
}
