using k8s.Models;

namespace PracticeK8s.Printing.Describe.Kinds;

/// <summary>describe replicaset. Related objects: <see cref="DescribeInput.Pods"/> (by selector), <see cref="DescribeInput.Events"/>.</summary>
internal static class ReplicaSetDescriber
{
    public static void Write(DescribeBuilder w, V1ReplicaSet rs, DescribeInput input, DateTime now)
    {
        var meta = rs.Metadata ?? new V1ObjectMeta();
        w.Field(0, "Name", meta.Name);
        w.Field(0, "Namespace", meta.NamespaceProperty);
        w.Field(0, "Selector", KubeFormat.LabelSelector(rs.Spec?.Selector));
        Common.Labels(w, "Labels", meta.Labels);
        Common.Annotations(w, "Annotations", meta.Annotations);
        if (Common.ControlledBy(meta) is { } controller) w.Field(0, "Controlled By", controller);
        w.Field(0, "Replicas", $"{rs.Status?.Replicas ?? 0} current / {rs.Spec?.Replicas ?? 1} desired");
        w.Field(0, "Pods Status", Common.PodsStatus(input.Pods, meta, "ReplicaSet"));
        PodTemplate.Write(w, rs.Spec?.Template, input.TimeZone);
        if (rs.Status?.Conditions is { Count: > 0 } conditions)
            w.Table(0, "Conditions", ["Type", "Status", "Reason"],
                conditions.Select(c => (IReadOnlyList<string>)[c.Type ?? "", c.Status ?? "", c.Reason ?? ""]), rowIndent: 2, paddedColumns: 1);
        EventsSection.Write(w, input.Events, now);
    }
}
