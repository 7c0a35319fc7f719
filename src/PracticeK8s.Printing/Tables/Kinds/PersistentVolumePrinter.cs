using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>
/// PersistentVolume: NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS VOLUMEATTRIBUTESCLASS
/// REASON AGE; wide: VOLUMEMODE.
/// </summary>
internal sealed class PersistentVolumePrinter : ObjectTablePrinter<V1PersistentVolume>
{
    public PersistentVolumePrinter() : base("", "PersistentVolume")
    {
        NameColumn();
        Column("Capacity", "Capacity", "string", 0, "The storage capacity of the volume.",
            v => KubeFormat.Quantity(v.Spec?.Capacity, "storage"));
        Column("Access Modes", "AccessModes", "string", 0, "The ways the volume can be mounted.",
            v => KubeFormat.AccessModes(v.Spec?.AccessModes));
        Column("Reclaim Policy", "ReclaimPolicy", "string", 0, "What happens to the volume when released from its claim.",
            v => v.Spec?.PersistentVolumeReclaimPolicy ?? "");
        Column("Status", "Status", "string", 0, "The phase of the volume (Terminating while deleted).",
            v => v.Metadata?.DeletionTimestamp is not null ? "Terminating" : v.Status?.Phase ?? "");
        Column("Claim", "Claim", "string", 0, "The claim bound to this volume, as namespace/name.",
            v => v.Spec?.ClaimRef is { } claim ? $"{claim.NamespaceProperty}/{claim.Name}" : "");
        Column("StorageClass", "StorageClass", "string", 0, "StorageClass of the volume.", StorageClass);
        Column("VolumeAttributesClass", "VolumeAttributesClass", "string", 0, "VolumeAttributesClass of the volume.",
            v => v.Spec?.VolumeAttributesClassName ?? KubeFormat.Unset);
        Column("Reason", "Reason", "string", 0, "A brief reason for a failed volume.", v => v.Status?.Reason ?? "");
        AgeColumn();
        Column("VolumeMode", "VolumeMode", "string", 1, "Whether the volume is a formatted filesystem or a raw block device.",
            v => v.Spec?.VolumeMode ?? KubeFormat.Unset);
    }

    /// <summary>The beta storage-class annotation when present, else spec.storageClassName.</summary>
    public static string StorageClass(V1PersistentVolume volume) =>
        volume.Metadata?.Annotations is { } annotations
        && annotations.TryGetValue(PersistentVolumeClaimPrinter.BetaStorageClassAnnotation, out var value)
            ? value ?? ""
            : volume.Spec?.StorageClassName ?? "";
}
