using k8s.Models;

namespace PracticeK8s.Printing.Describe.Kinds;

/// <summary>
/// describe node. Related objects: <see cref="DescribeInput.Lease"/> (or <see cref="DescribeInput.LeaseError"/>),
/// <see cref="DescribeInput.Pods"/> (non-terminated pods on the node; null = not authorized), <see cref="DescribeInput.Events"/>.
/// </summary>
internal static class NodeDescriber
{
    public static void Write(DescribeBuilder w, V1Node node, DescribeInput input, DateTime now)
    {
        var zone = input.TimeZone;
        var meta = node.Metadata ?? new V1ObjectMeta();
        var status = node.Status ?? new V1NodeStatus();
        w.Field(0, "Name", meta.Name);
        w.Field(0, "Roles", KubeFormat.OrDefault(string.Join(",", Tables.Kinds.NodePrinter.Roles(node)), KubeFormat.None));
        Common.Labels(w, "Labels", meta.Labels);
        Common.Annotations(w, "Annotations", meta.Annotations);
        w.Field(0, "CreationTimestamp", DescribeTime.Format(meta.CreationTimestamp, zone));
        Common.Taints(w, "Taints", node.Spec?.Taints);
        w.Field(0, "Unschedulable", Common.GoBool(node.Spec?.Unschedulable == true));
        if (input.LeaseError is not null)
        {
            w.Field(0, "Lease", $"Failed to get lease: {input.LeaseError}");
        }
        else
        {
            using var _ = w.Group(0, "Lease");
            var lease = input.Lease?.Spec;
            w.Field(2, "HolderIdentity", lease?.HolderIdentity ?? KubeFormat.Unset);
            w.Field(2, "AcquireTime", lease?.AcquireTime is { } acquired ? DescribeTime.Format(acquired, zone) : KubeFormat.Unset);
            w.Field(2, "RenewTime", lease?.RenewTime is { } renewed ? DescribeTime.Format(renewed, zone) : KubeFormat.Unset);
        }
        if (status.Conditions is { Count: > 0 } conditions)
            w.Table(0, "Conditions", ["Type", "Status", "LastHeartbeatTime", "LastTransitionTime", "Reason", "Message"],
                conditions.Select(c => (IReadOnlyList<string>)
                [
                    c.Type ?? "", c.Status ?? "", DescribeTime.Format(c.LastHeartbeatTime, zone),
                    DescribeTime.Format(c.LastTransitionTime, zone), c.Reason ?? "", c.Message ?? "",
                ]), rowIndent: 2, paddedColumns: 5);
        using (w.Group(0, "Addresses"))
            foreach (var address in status.Addresses ?? []) w.Field(2, address.Type, address.Address);
        ResourceList(w, "Capacity", status.Capacity);
        ResourceList(w, "Allocatable", status.Allocatable);
        using (w.Group(0, "System Info"))
        {
            var info = status.NodeInfo ?? new V1NodeSystemInfo();
            w.Field(2, "Machine ID", info.MachineID);
            w.Field(2, "System UUID", info.SystemUUID);
            w.Field(2, "Boot ID", info.BootID);
            w.Field(2, "Kernel Version", info.KernelVersion);
            w.Field(2, "OS Image", info.OsImage);
            w.Field(2, "Operating System", info.OperatingSystem);
            w.Field(2, "Architecture", info.Architecture);
            w.Field(2, "Container Runtime Version", info.ContainerRuntimeVersion);
            w.Field(2, "Kubelet Version", info.KubeletVersion);
            w.Field(2, "Kube-Proxy Version", info.KubeProxyVersion);
        }
        if (!string.IsNullOrEmpty(node.Spec?.PodCIDR)) w.Field(0, "PodCIDR", node.Spec.PodCIDR);
        if (node.Spec?.PodCIDRs is { Count: > 0 } cidrs) w.Field(0, "PodCIDRs", string.Join(",", cidrs));
        if (!string.IsNullOrEmpty(node.Spec?.ProviderID)) w.Field(0, "ProviderID", node.Spec.ProviderID);
        if (input.Pods is { } pods) NodeResources.Write(w, node, pods, now);
        else w.Field(0, "Pods", "not authorized");
        EventsSection.Write(w, input.Events, now);
    }

    private static void ResourceList(DescribeBuilder w, string label, IDictionary<string, ResourceQuantity>? list)
    {
        if (list is null || list.Count == 0) return;
        using var _ = w.Group(0, label);
        foreach (var (name, quantity) in list.OrderBy(r => r.Key, StringComparer.Ordinal))
            w.Field(2, name, KubeFormat.Quantity(quantity));
    }
}
