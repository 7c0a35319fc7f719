using k8s.Models;
using PracticeK8s.Printing;
using static PracticeK8s.Tests.Printing.Build;

namespace PracticeK8s.Tests.Printing;

public sealed class StoragePrinterTests
{
    private static V1PersistentVolumeClaim Claim(string? volume) => new()
    {
        Metadata = Meta("data", MinutesAgo(26)),
        Spec = new V1PersistentVolumeClaimSpec
        {
            VolumeName = volume, StorageClassName = "linode-block-storage", AccessModes = ["ReadWriteOnce"],
            Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("10Gi") } },
        },
        Status = volume is null
            ? new V1PersistentVolumeClaimStatus { Phase = "Pending" }
            : new V1PersistentVolumeClaimStatus
            {
                Phase = "Bound", AccessModes = ["ReadWriteOnce"],
                Capacity = new Dictionary<string, ResourceQuantity> { ["storage"] = new("10240Mi") },
            },
    };

    [Fact]
    public void Claim_Columns()
    {
        var printer = KubePrinters.ForKind("", "PersistentVolumeClaim")!;
        Assert.Equal(["NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS MODES", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "AGE", "VOLUMEMODE"],
            printer.Columns.Select(c => c.Header));
        Assert.Equal("AccessModes", printer.Columns[4].Property);
        Assert.Equal(1, printer.Columns[8].Priority);
    }

    [Fact]
    public void Claim_Bound_ShowsCapacityInCanonicalForm()
    {
        var claim = Claim("pvc-5126d452623e4c2d");
        Assert.Equal(["data", "Bound", "pvc-5126d452623e4c2d", "10Gi", "RWO", "linode-block-storage", "<unset>", "26m", "<unset>"],
            KubePrinters.For(claim).Cells(claim, Now));
    }

    [Fact]
    public void Claim_Unbound_LeavesVolumeCapacityAccessModesBlank()
    {
        var claim = Claim(null);
        claim.Spec.VolumeMode = "Filesystem";
        claim.Spec.VolumeAttributesClassName = "gold";
        Assert.Equal(["data", "Pending", "", "", "", "linode-block-storage", "gold", "26m", "Filesystem"], KubePrinters.For(claim).Cells(claim, Now));
    }

    [Fact]
    public void Claim_Terminating_AndBetaAnnotationWinsEvenWhenEmpty()
    {
        var claim = Claim("pv-1");
        claim.Metadata.DeletionTimestamp = Now;
        Assert.Equal("Terminating", Cell(claim, "Status"));
        claim.Metadata.Annotations = new Dictionary<string, string> { ["volume.beta.kubernetes.io/storage-class"] = "old-class" };
        Assert.Equal("old-class", Cell(claim, "StorageClass"));
        claim.Metadata.Annotations["volume.beta.kubernetes.io/storage-class"] = "";
        Assert.Equal("", Cell(claim, "StorageClass"));
        claim.Metadata.Annotations.Clear();
        claim.Spec.StorageClassName = null;
        Assert.Equal("", Cell(claim, "StorageClass"));
    }

    [Fact]
    public void Claim_BoundWithoutCapacity_ShowsZero()
    {
        var claim = Claim("pv-1");
        claim.Status.Capacity = null;
        Assert.Equal("0", Cell(claim, "Capacity"));
    }

    [Fact]
    public void Volume_Row()
    {
        var volume = new V1PersistentVolume
        {
            Metadata = Meta("pvc-5126d452623e4c2d", MinutesAgo(26)),
            Spec = new V1PersistentVolumeSpec
            {
                Capacity = new Dictionary<string, ResourceQuantity> { ["storage"] = new("10Gi") },
                AccessModes = ["ReadWriteMany", "ReadWriteOnce", "ReadWriteOnce", "ReadWriteOncePod", "ReadOnlyMany"],
                PersistentVolumeReclaimPolicy = "Delete", StorageClassName = "linode-block-storage",
                ClaimRef = new V1ObjectReference { NamespaceProperty = "default", Name = "csi-pvc-my-csi-app-set-0" },
                VolumeMode = "Block",
            },
            Status = new V1PersistentVolumeStatus { Phase = "Bound" },
        };
        var printer = KubePrinters.For(volume);
        Assert.Equal(["NAME", "CAPACITY", "ACCESS MODES", "RECLAIM POLICY", "STATUS", "CLAIM", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "REASON", "AGE", "VOLUMEMODE"],
            printer.Columns.Select(c => c.Header));
        Assert.Equal(["pvc-5126d452623e4c2d", "10Gi", "RWO,ROX,RWX,RWOP", "Delete", "Bound", "default/csi-pvc-my-csi-app-set-0",
            "linode-block-storage", "<unset>", "", "26m", "Block"], printer.Cells(volume, Now));

        volume.Spec.ClaimRef = null;
        volume.Metadata.DeletionTimestamp = Now;
        volume.Status.Reason = "Recycled";
        Assert.Equal("", Cell(volume, "Claim"));
        Assert.Equal("Terminating", Cell(volume, "Status"));
        Assert.Equal("Recycled", Cell(volume, "Reason"));
    }

    [Fact]
    public void StorageClass_DefaultMarkedInName_DefaultsForUnsetFields()
    {
        var storageClass = new V1StorageClass
        {
            Metadata = Meta("standard", HoursAgo(240), annotations: new Dictionary<string, string> { ["storageclass.kubernetes.io/is-default-class"] = "true" }),
            Provisioner = "rancher.io/local-path",
        };
        var printer = KubePrinters.For(storageClass);
        Assert.Equal(["NAME", "PROVISIONER", "RECLAIMPOLICY", "VOLUMEBINDINGMODE", "ALLOWVOLUMEEXPANSION", "AGE"], printer.Columns.Select(c => c.Header));
        Assert.Equal(["standard (default)", "rancher.io/local-path", "Delete", "Immediate", "false", "10d"], printer.Cells(storageClass, Now));

        storageClass.Metadata.Annotations = null;
        storageClass.ReclaimPolicy = "Retain";
        storageClass.VolumeBindingMode = "WaitForFirstConsumer";
        storageClass.AllowVolumeExpansion = true;
        Assert.Equal(["standard", "rancher.io/local-path", "Retain", "WaitForFirstConsumer", "true", "10d"], printer.Cells(storageClass, Now));
    }
}
