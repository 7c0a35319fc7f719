using k8s;
using k8s.Models;

namespace PracticeK8s.Printing.Describe.Kinds;

/// <summary>describe pod. Related objects: <see cref="DescribeInput.Events"/> only.</summary>
internal static class PodDescriber
{
    public static void Write(DescribeBuilder w, V1Pod pod, DescribeInput input, DateTime now)
    {
        var zone = input.TimeZone;
        var meta = pod.Metadata ?? new V1ObjectMeta();
        var spec = pod.Spec ?? new V1PodSpec();
        var status = pod.Status ?? new V1PodStatus();

        w.Field(0, "Name", meta.Name);
        w.Field(0, "Namespace", meta.NamespaceProperty);
        if (spec.Priority is int priority) w.Field(0, "Priority", priority.ToString());
        if (!string.IsNullOrEmpty(spec.PriorityClassName)) w.Field(0, "Priority Class Name", spec.PriorityClassName);
        if (!string.IsNullOrEmpty(spec.RuntimeClassName)) w.Field(0, "Runtime Class Name", spec.RuntimeClassName);
        if (!string.IsNullOrEmpty(spec.ServiceAccountName)) w.Field(0, "Service Account", spec.ServiceAccountName);
        w.Field(0, "Node", string.IsNullOrEmpty(spec.NodeName) ? KubeFormat.None : $"{spec.NodeName}/{status.HostIP}");
        if (status.StartTime is { } start) w.Field(0, "Start Time", DescribeTime.Format(start, zone));
        Common.Labels(w, "Labels", meta.Labels);
        Common.Annotations(w, "Annotations", meta.Annotations);
        if (meta.DeletionTimestamp is { } deleted && status.Phase is not ("Failed" or "Succeeded"))
        {
            w.Field(0, "Status", $"Terminating (lasts {HumanDuration.Since(deleted, now)})");
            w.Field(0, "Termination Grace Period", $"{meta.DeletionGracePeriodSeconds ?? 0}s");
        }
        else
        {
            w.Field(0, "Status", status.Phase);
        }
        if (!string.IsNullOrEmpty(status.Reason)) w.Field(0, "Reason", status.Reason);
        if (!string.IsNullOrEmpty(status.Message)) w.Field(0, "Message", status.Message);
        if (spec.SecurityContext?.SeccompProfile is { } seccomp)
        {
            w.Field(0, "SeccompProfile", seccomp.Type);
            if (seccomp.Type == "Localhost") w.Field(0, "LocalhostProfile", seccomp.LocalhostProfile);
        }
        w.Field(0, "IP", status.PodIP);
        if (status.PodIPs is { Count: > 0 } ips)
        {
            using var _ = w.Group(0, "IPs");
            foreach (var ip in ips) w.Field(2, "IP", ip.Ip);
        }
        else
        {
            w.Field(0, "IPs", KubeFormat.None);
        }
        if (Common.ControlledBy(meta) is { } controller) w.Field(0, "Controlled By", controller);
        if (!string.IsNullOrEmpty(status.NominatedNodeName)) w.Field(0, "NominatedNodeName", status.NominatedNodeName);
        if (spec.Resources is { } podResources)
        {
            using var _ = w.Group(0, "Resources");
            Containers.Resources(w, podResources, 2);
        }

        if (spec.InitContainers is { Count: > 0 })
            Containers.Write(w, "Init Containers", spec.InitContainers, status.InitContainerStatuses, pod, "", zone);
        Containers.Write(w, "Containers", spec.Containers, status.ContainerStatuses, pod, "", zone);
        if (spec.EphemeralContainers is { Count: > 0 } ephemeral)
        {
            var asContainers = ephemeral.Select(e => KubernetesJson.Deserialize<V1Container>(KubernetesJson.Serialize(e))).ToList();
            Containers.Write(w, "Ephemeral Containers", asContainers, status.EphemeralContainerStatuses, pod, "", zone);
        }

        if (spec.ReadinessGates is { Count: > 0 } gates)
        {
            var rows = gates.Select(g => (IReadOnlyList<string>)
                [g.ConditionType ?? "", status.Conditions?.FirstOrDefault(c => c.Type == g.ConditionType)?.Status ?? KubeFormat.None]);
            w.Table(0, "Readiness Gates", ["Type", "Status"], rows, rowIndent: 2, underline: false, paddedColumns: 2);
        }
        if (status.Conditions is { Count: > 0 } conditions)
        {
            var rows = conditions.Select(c => (IReadOnlyList<string>)[c.Type ?? "", c.Status ?? ""]);
            w.Table(0, "Conditions", ["Type", "Status"], rows, rowIndent: 2, underline: false, paddedColumns: 2);
        }
        Volumes.Write(w, spec.Volumes, "");
        w.Field(0, "QoS Class", PodParts.QosClass(pod));
        Common.Labels(w, "Node-Selectors", spec.NodeSelector);
        Common.Tolerations(w, "Tolerations", spec.Tolerations);
        PodParts.TopologySpreadConstraints(w, spec.TopologySpreadConstraints, "");
        EventsSection.Write(w, input.Events, now);
    }
}
