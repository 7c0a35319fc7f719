using k8s.Models;

namespace PracticeK8s.Printing.Describe.Kinds;

/// <summary>
/// describe persistentvolumeclaim. Related objects: <see cref="DescribeInput.Pods"/> (all pods of the namespace, for
/// "Used By"), <see cref="DescribeInput.Events"/>.
/// </summary>
internal static class PersistentVolumeClaimDescriber
{
    public static void Write(DescribeBuilder w, V1PersistentVolumeClaim claim, DescribeInput input, DateTime now)
    {
        ClaimFields(w, claim, fullClaim: true, indent: 0, now);
        w.MultiLine(0, "Used By", UsedBy(claim, input.Pods ?? []).Select(p => p.Metadata?.Name ?? "").Order(StringComparer.Ordinal).ToArray());
        if (claim.Status?.Conditions is { Count: > 0 } conditions)
            w.Table(0, "Conditions", ["Type", "Status", "LastProbeTime", "LastTransitionTime", "Reason", "Message"],
                conditions.Select(c => (IReadOnlyList<string>)
                [
                    c.Type ?? "", c.Status ?? "", DescribeTime.Format(c.LastProbeTime, input.TimeZone),
                    DescribeTime.Format(c.LastTransitionTime, input.TimeZone), c.Reason ?? "", c.Message ?? "",
                ]), rowIndent: 2, paddedColumns: 5,
                underlineCells: ["----", "------", "-----------------", "------------------", "------", "-------"]);
        EventsSection.Write(w, input.Events, now);
    }

    /// <summary>The claim's own fields; for a claim template inside an ephemeral volume the name, namespace, status and finalizers are left out.</summary>
    public static void ClaimFields(DescribeBuilder w, V1PersistentVolumeClaim claim, bool fullClaim, int indent, DateTime now = default)
    {
        var meta = claim.Metadata ?? new V1ObjectMeta();
        if (fullClaim)
        {
            w.Field(indent, "Name", meta.Name);
            w.Field(indent, "Namespace", meta.NamespaceProperty);
        }
        w.Field(indent, "StorageClass", Tables.Kinds.PersistentVolumeClaimPrinter.StorageClass(claim));
        if (fullClaim)
            w.Field(indent, "Status", meta.DeletionTimestamp is { } deleted
                ? $"Terminating (lasts {HumanDuration.Since(deleted, now)})" : claim.Status?.Phase ?? "");
        w.Field(indent, "Volume", claim.Spec?.VolumeName ?? "");
        w.MultiLine(indent, "Labels", Common.LabelLines(meta.Labels), continuationIndent: indent);
        Common.Annotations(w, "Annotations", meta.Annotations, indent);
        if (fullClaim) w.Field(indent, "Finalizers", Common.GoList(meta.Finalizers));
        bool bound = !string.IsNullOrEmpty(claim.Spec?.VolumeName);
        w.Field(indent, "Capacity", bound ? KubeFormat.Quantity(claim.Status?.Capacity, "storage") : "");
        w.Field(indent, "Access Modes", bound ? KubeFormat.AccessModes(claim.Status?.AccessModes) : "");
        if (claim.Spec?.VolumeMode is { } mode) w.Field(indent, "VolumeMode", mode);
        if (claim.Spec?.DataSource is { } source)
        {
            using var _ = w.Group(indent, "DataSource");
            if (source.ApiGroup is not null) w.Field(indent + 2, "APIGroup", source.ApiGroup);
            w.Field(indent + 2, "Kind", source.Kind);
            w.Field(indent + 2, "Name", source.Name);
        }
    }

    /// <summary>Pods that mount the claim, then pods that own it, without duplicates.</summary>
    private static IEnumerable<V1Pod> UsedBy(V1PersistentVolumeClaim claim, IReadOnlyList<V1Pod> pods)
    {
        var users = pods.Where(p => (p.Spec?.Volumes ?? []).Any(v => v.PersistentVolumeClaim?.ClaimName == claim.Metadata?.Name)).ToList();
        foreach (var owner in claim.Metadata?.OwnerReferences ?? [])
        {
            if (owner.Kind != "Pod") continue;
            var pod = pods.FirstOrDefault(p => p.Metadata?.Uid == owner.Uid);
            if (pod is not null && !users.Contains(pod)) users.Add(pod);
        }
        return users;
    }
}
