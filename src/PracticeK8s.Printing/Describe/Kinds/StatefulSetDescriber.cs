using k8s.Models;

namespace PracticeK8s.Printing.Describe.Kinds;

/// <summary>describe statefulset. Related objects: <see cref="DescribeInput.Pods"/> (by selector), <see cref="DescribeInput.Events"/>.</summary>
internal static class StatefulSetDescriber
{
    public static void Write(DescribeBuilder w, V1StatefulSet sts, DescribeInput input, DateTime now)
    {
        var meta = sts.Metadata ?? new V1ObjectMeta();
        var spec = sts.Spec ?? new V1StatefulSetSpec();
        w.Field(0, "Name", meta.Name);
        w.Field(0, "Namespace", meta.NamespaceProperty);
        w.Field(0, "CreationTimestamp", DescribeTime.Format(meta.CreationTimestamp, input.TimeZone));
        w.Field(0, "Selector", Common.Selector(spec.Selector));
        Common.Labels(w, "Labels", meta.Labels);
        Common.Annotations(w, "Annotations", meta.Annotations);
        w.Field(0, "Replicas", $"{spec.Replicas ?? 1} desired | {sts.Status?.Replicas ?? 0} total");
        w.Field(0, "Update Strategy", spec.UpdateStrategy?.Type ?? "");
        if (spec.UpdateStrategy?.RollingUpdate?.Partition is int partition)
        {
            w.Field(2, "Partition", partition.ToString());
            if (spec.UpdateStrategy.RollingUpdate.MaxUnavailable is { } maxUnavailable) w.Field(2, "MaxUnavailable", maxUnavailable.Value);
        }
        w.Field(0, "Pods Status", Common.PodsStatus(input.Pods, meta, "StatefulSet"));
        PodTemplate.Write(w, spec.Template, input.TimeZone);
        VolumeClaimTemplates(w, spec.VolumeClaimTemplates);
        EventsSection.Write(w, input.Events, now);
    }

    private static void VolumeClaimTemplates(DescribeBuilder w, IList<V1PersistentVolumeClaim>? templates)
    {
        if (templates is null || templates.Count == 0)
        {
            w.Field(0, "Volume Claims", KubeFormat.None);
            return;
        }
        using var _ = w.Group(0, "Volume Claims");
        foreach (var claim in templates)
        {
            w.Field(2, "Name", claim.Metadata?.Name);
            w.Field(2, "StorageClass", Tables.Kinds.PersistentVolumeClaimPrinter.StorageClass(claim));
            w.MultiLine(2, "Labels", Common.LabelLines(claim.Metadata?.Labels), continuationIndent: 2);
            w.MultiLine(2, "Annotations", Common.LabelLines(claim.Metadata?.Annotations), continuationIndent: 2);
            w.Field(2, "Capacity", claim.Spec?.Resources?.Requests?.TryGetValue("storage", out var storage) == true
                ? KubeFormat.Quantity(storage) : "<default>");
            w.Field(2, "Access Modes", Common.GoList(claim.Spec?.AccessModes));
        }
    }
}
