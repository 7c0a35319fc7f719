using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>
/// PersistentVolumeClaim: NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE;
/// wide: VOLUMEMODE.
/// </summary>
internal sealed class PersistentVolumeClaimPrinter : ObjectTablePrinter<V1PersistentVolumeClaim>
{
    public const string BetaStorageClassAnnotation = "volume.beta.kubernetes.io/storage-class";

    public PersistentVolumeClaimPrinter() : base("", "PersistentVolumeClaim")
    {
        NameColumn();
        Column("Status", "Status", "string", 0, "The phase of the claim: Pending, Bound or Lost (Terminating while deleted).",
            c => c.Metadata?.DeletionTimestamp is not null ? "Terminating" : c.Status?.Phase ?? "");
        Column("Volume", "Volume", "string", 0, "The binding reference to the PersistentVolume backing this claim.",
            c => c.Spec?.VolumeName ?? "");
        Column("Capacity", "Capacity", "string", 0, "The actual storage of the bound volume.",
            c => Bound(c) ? KubeFormat.Quantity(c.Status?.Capacity, "storage") : "");
        Column("Access Modes", "AccessModes", "string", 0, "The access modes of the bound volume.",
            c => Bound(c) ? KubeFormat.AccessModes(c.Status?.AccessModes) : "");
        Column("StorageClass", "StorageClass", "string", 0, "StorageClass of the claim.", StorageClass);
        Column("VolumeAttributesClass", "VolumeAttributesClass", "string", 0, "VolumeAttributesClass of the claim.",
            c => KubeFormat.OrDefault(c.Spec?.VolumeAttributesClassName, KubeFormat.Unset));
        AgeColumn();
        Column("VolumeMode", "VolumeMode", "string", 1, "Whether the volume is a formatted filesystem or a raw block device.",
            c => c.Spec?.VolumeMode ?? KubeFormat.Unset);
    }

    private static bool Bound(V1PersistentVolumeClaim claim) => !string.IsNullOrEmpty(claim.Spec?.VolumeName);

    /// <summary>The beta storage-class annotation when present (even empty), else spec.storageClassName.</summary>
    public static string StorageClass(V1PersistentVolumeClaim claim) =>
        claim.Metadata?.Annotations is { } annotations && annotations.TryGetValue(BetaStorageClassAnnotation, out var value)
            ? value ?? ""
            : claim.Spec?.StorageClassName ?? "";
}
