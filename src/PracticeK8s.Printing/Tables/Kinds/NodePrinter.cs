using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>Node: NAME STATUS ROLES AGE VERSION; wide: INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME.</summary>
internal sealed class NodePrinter : ObjectTablePrinter<V1Node>
{
    public NodePrinter() : base("", "Node")
    {
        NameColumn();
        Column("Status", "Status", "string", 0, "The status of the node: its Ready condition, and whether it is cordoned.", NodeStatus);
        Column("Roles", "Roles", "string", 0, "The roles of the node.", n => KubeFormat.OrDefault(string.Join(",", Roles(n)), KubeFormat.None));
        AgeColumn();
        Column("Version", "Version", "string", 0, "Kubelet Version reported by the node.", n => n.Status?.NodeInfo?.KubeletVersion ?? "");
        Column("Internal-IP", "InternalIP", "string", 1, "The node's first internal IP address.", n => Address(n, "InternalIP"));
        Column("External-IP", "ExternalIP", "string", 1, "The node's first external IP address.", n => Address(n, "ExternalIP"));
        Column("OS-Image", "OSImage", "string", 1, "OS Image reported by the node from /etc/os-release.",
            n => KubeFormat.OrDefault(n.Status?.NodeInfo?.OsImage, KubeFormat.Unknown));
        Column("Kernel-Version", "KernelVersion", "string", 1, "Kernel Version reported by the node from 'uname -r'.",
            n => KubeFormat.OrDefault(n.Status?.NodeInfo?.KernelVersion, KubeFormat.Unknown));
        Column("Container-Runtime", "ContainerRuntime", "string", 1, "ContainerRuntime Version reported by the node through runtime remote API.",
            n => KubeFormat.OrDefault(n.Status?.NodeInfo?.ContainerRuntimeVersion, KubeFormat.Unknown));
    }

    /// <summary>"Ready", "NotReady" or "Unknown" from the Ready condition, plus ",SchedulingDisabled" when cordoned.</summary>
    internal static string NodeStatus(V1Node node)
    {
        var ready = node.Status?.Conditions?.LastOrDefault(c => c.Type == "Ready");
        var status = ready is null ? "Unknown" : ready.Status == "True" ? "Ready" : "NotReady";
        return node.Spec?.Unschedulable == true ? status + ",SchedulingDisabled" : status;
    }

    /// <summary>Sorted roles from node-role.kubernetes.io/&lt;role&gt; label keys and the kubernetes.io/role label value.</summary>
    public static IReadOnlyList<string> Roles(V1Node node)
    {
        const string rolePrefix = "node-role.kubernetes.io/";
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in node.Metadata?.Labels ?? new Dictionary<string, string>())
        {
            if (key.StartsWith(rolePrefix, StringComparison.Ordinal))
            {
                if (key.Length > rolePrefix.Length) roles.Add(key[rolePrefix.Length..]);
            }
            else if (key == "kubernetes.io/role" && !string.IsNullOrEmpty(value))
            {
                roles.Add(value);
            }
        }
        return roles.ToList();
    }

    private static string Address(V1Node node, string type) =>
        node.Status?.Addresses?.FirstOrDefault(a => a.Type == type)?.Address ?? KubeFormat.None;
}
