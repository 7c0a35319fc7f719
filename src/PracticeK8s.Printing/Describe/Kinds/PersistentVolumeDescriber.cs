using k8s.Models;

namespace PracticeK8s.Printing.Describe.Kinds;

/// <summary>describe persistentvolume. Related objects: <see cref="DescribeInput.Events"/>.</summary>
internal static class PersistentVolumeDescriber
{
    public static void Write(DescribeBuilder w, V1PersistentVolume volume, DescribeInput input, DateTime now)
    {
        var meta = volume.Metadata ?? new V1ObjectMeta();
        var spec = volume.Spec ?? new V1PersistentVolumeSpec();
        w.Field(0, "Name", meta.Name);
        Common.Labels(w, "Labels", meta.Labels);
        Common.Annotations(w, "Annotations", meta.Annotations);
        w.Field(0, "Finalizers", Common.GoList(meta.Finalizers));
        w.Field(0, "StorageClass", Tables.Kinds.PersistentVolumePrinter.StorageClass(volume));
        w.Field(0, "Status", meta.DeletionTimestamp is { } deleted
            ? $"Terminating (lasts {HumanDuration.Since(deleted, now)})" : volume.Status?.Phase ?? "");
        w.Field(0, "Claim", spec.ClaimRef is { } claim ? $"{claim.NamespaceProperty}/{claim.Name}" : "");
        w.Field(0, "Reclaim Policy", spec.PersistentVolumeReclaimPolicy ?? "");
        w.Field(0, "Access Modes", KubeFormat.AccessModes(spec.AccessModes));
        if (spec.VolumeMode is { } mode) w.Field(0, "VolumeMode", mode);
        w.Field(0, "Capacity", KubeFormat.Quantity(spec.Capacity, "storage"));
        NodeAffinity(w, spec.NodeAffinity);
        w.Field(0, "Message", volume.Status?.Message ?? "");
        using (w.Group(0, "Source"))
        {
            if (spec.HostPath is { } hostPath) Volumes.HostPath(w, hostPath);
            else if (spec.Nfs is { } nfs) Volumes.Nfs(w, nfs.Server, nfs.Path, nfs.ReadOnlyProperty);
            else if (spec.Local is { } local)
            {
                w.Field(4, "Type", "LocalVolume (a persistent volume backed by local storage on a node)");
                w.Field(4, "Path", local.Path);
            }
            else if (spec.Csi is { } csi)
            {
                w.Field(4, "Type", "CSI (a Container Storage Interface (CSI) volume source)");
                w.Field(4, "Driver", csi.Driver);
                w.Field(4, "FSType", csi.FsType ?? "");
                w.Field(4, "VolumeHandle", csi.VolumeHandle);
                w.Field(4, "ReadOnly", Common.GoBool(csi.ReadOnlyProperty == true));
                Volumes.VolumeAttributes(w, csi.VolumeAttributes);
            }
            else w.Text(2, "<unknown>");
        }
        EventsSection.Write(w, input.Events, now);
    }

    private static void NodeAffinity(DescribeBuilder w, V1VolumeNodeAffinity? affinity)
    {
        if (affinity?.Required is not { } required)
        {
            w.Field(0, "Node Affinity", KubeFormat.None);
            return;
        }
        using var _ = w.Group(0, "Node Affinity", "");
        var terms = required.NodeSelectorTerms ?? [];
        using var __ = w.Group(2, "Required Terms", terms.Count == 0 ? KubeFormat.None : "");
        for (int i = 0; i < terms.Count; i++)
        {
            var expressions = (terms[i].MatchExpressions ?? []).Select(r =>
            {
                var text = $"{r.Key} {(r.OperatorProperty ?? "").ToLowerInvariant()}";
                return r.Values is { Count: > 0 } values ? $"{text} [{string.Join(", ", values)}]" : text;
            }).ToArray();
            w.MultiLine(4, $"Term {i}", expressions, continuationIndent: 4);
        }
    }
}
