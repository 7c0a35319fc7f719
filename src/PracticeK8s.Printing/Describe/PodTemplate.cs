using k8s.Models;

namespace PracticeK8s.Printing.Describe;

/// <summary>The "Pod Template:" block of workload descriptions.</summary>
internal static class PodTemplate
{
    public static void Write(DescribeBuilder w, V1PodTemplateSpec? template, TimeZoneInfo zone)
    {
        using var _ = w.Group(0, "Pod Template");
        if (template is null)
        {
            w.Text(2, KubeFormat.Unset);
            return;
        }
        var spec = template.Spec ?? new V1PodSpec();
        w.MultiLine(2, "Labels", Common.LabelLines(template.Metadata?.Labels));
        if (template.Metadata?.Annotations is { Count: > 0 } annotations) Common.Annotations(w, "Annotations", annotations, indent: 2);
        if (!string.IsNullOrEmpty(spec.ServiceAccountName)) w.Field(2, "Service Account", spec.ServiceAccountName);
        if (spec.InitContainers is { Count: > 0 }) Containers.Write(w, "Init Containers", spec.InitContainers, null, null, "  ", zone);
        Containers.Write(w, "Containers", spec.Containers, null, null, "  ", zone);
        Volumes.Write(w, spec.Volumes, "  ");
        PodParts.TopologySpreadConstraints(w, spec.TopologySpreadConstraints, "  ");
        if (!string.IsNullOrEmpty(spec.PriorityClassName)) w.Field(2, "Priority Class Name", spec.PriorityClassName);
        w.MultiLine(2, "Node-Selectors", Common.LabelLines(spec.NodeSelector));
        Common.Tolerations(w, "Tolerations", spec.Tolerations, indent: 2);
    }
}
