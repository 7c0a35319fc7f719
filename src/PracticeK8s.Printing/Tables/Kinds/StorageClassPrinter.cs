using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>StorageClass (storage.k8s.io): NAME PROVISIONER RECLAIMPOLICY VOLUMEBINDINGMODE ALLOWVOLUMEEXPANSION AGE.</summary>
internal sealed class StorageClassPrinter : ObjectTablePrinter<V1StorageClass>
{
    public StorageClassPrinter() : base("storage.k8s.io", "StorageClass")
    {
        // The default class is marked in the name cell: "standard (default)".
        NameColumn(s => IsDefault(s) ? $"{s.Metadata?.Name} (default)" : s.Metadata?.Name, decorates: true);
        Column("Provisioner", "Provisioner", "string", 0, "The type of the provisioner.", s => s.Provisioner ?? "");
        Column("ReclaimPolicy", "ReclaimPolicy", "string", 0, "The reclaim policy of volumes provisioned for this class.",
            s => s.ReclaimPolicy ?? "Delete");
        Column("VolumeBindingMode", "VolumeBindingMode", "string", 0, "When volumes are provisioned and bound.",
            s => s.VolumeBindingMode ?? "Immediate");
        // The server sends a JSON boolean here, which kubectl prints in lower case.
        Column("AllowVolumeExpansion", "AllowVolumeExpansion", "string", 0, "Whether the class allows volume expansion.",
            s => s.AllowVolumeExpansion == true ? "true" : "false");
        AgeColumn();
    }

    /// <summary>The is-default-class annotation (GA or beta) is "true".</summary>
    public static bool IsDefault(V1StorageClass storageClass)
    {
        var annotations = storageClass.Metadata?.Annotations;
        if (annotations is null) return false;
        return (annotations.TryGetValue("storageclass.kubernetes.io/is-default-class", out var ga) && ga == "true")
            || (annotations.TryGetValue("storageclass.beta.kubernetes.io/is-default-class", out var beta) && beta == "true");
    }
}
