using k8s.Models;

namespace PracticeK8s.Printing.Describe.Kinds;

/// <summary>describe storageclass. Related objects: <see cref="DescribeInput.Events"/>.</summary>
internal static class StorageClassDescriber
{
    public static void Write(DescribeBuilder w, V1StorageClass storageClass, DescribeInput input, DateTime now)
    {
        var meta = storageClass.Metadata ?? new V1ObjectMeta();
        w.Field(0, "Name", meta.Name);
        w.Field(0, "IsDefaultClass", Tables.Kinds.StorageClassPrinter.IsDefault(storageClass) ? "Yes" : "No");
        w.Field(0, "Annotations", KubeFormat.Labels(meta.Annotations));
        w.Field(0, "Provisioner", storageClass.Provisioner);
        w.Field(0, "Parameters", KubeFormat.Labels(storageClass.Parameters));
        w.Field(0, "AllowVolumeExpansion", KubeFormat.Bool(storageClass.AllowVolumeExpansion));
        if (storageClass.MountOptions is not { Count: > 0 } options) w.Field(0, "MountOptions", KubeFormat.None);
        else
        {
            using var _ = w.Group(0, "MountOptions");
            foreach (var option in options) w.Text(2, option);
        }
        if (storageClass.ReclaimPolicy is { } reclaim) w.Field(0, "ReclaimPolicy", reclaim);
        if (storageClass.VolumeBindingMode is { } binding) w.Field(0, "VolumeBindingMode", binding);
        if (storageClass.AllowedTopologies is { } topologies)
        {
            using var _ = w.Group(0, "AllowedTopologies", topologies.Count == 0 ? KubeFormat.None : "");
            for (int i = 0; i < topologies.Count; i++)
            {
                var expressions = (topologies[i].MatchLabelExpressions ?? []).Select(r =>
                    r.Values is { Count: > 0 } values ? $"{r.Key} in [{string.Join(", ", values)}]" : $"{r.Key} in").ToArray();
                w.MultiLine(2, $"Term {i}", expressions, continuationIndent: 2);
            }
        }
        EventsSection.Write(w, input.Events, now);
    }
}
