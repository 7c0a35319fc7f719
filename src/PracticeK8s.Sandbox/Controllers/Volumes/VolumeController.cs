using System.Text.Json.Nodes;
using k8s.Models;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Events;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Controllers.Volumes;

/// <summary>
/// Claims and volumes: the persistentvolume-controller (bind a claim to a fitting Available volume,
/// Released when the claim goes, then Delete or Retain per reclaim policy) together with the CSI
/// external provisioner of the storage class (a new volume <c>pvc-&lt;claim uid&gt;</c> of the requested
/// size; WaitForFirstConsumer classes wait for the scheduler's selected node). Events as upstream:
/// ExternalProvisioning, Provisioning, ProvisioningSucceeded, WaitForFirstConsumer, FailedBinding.
/// </summary>
public sealed class VolumeController(SandboxState state, ClusterAccess cluster, EventRecorder events, ILogger<VolumeController> log)
    : ControllerLoop(state, log)
{
    public const string ClaimKey = "/persistentvolumeclaims", VolumeKey = "/persistentvolumes", ClassKey = "storage.k8s.io/storageclasses";
    public const string ProvisionerFinalizer = "external-provisioner.volume.kubernetes.io/finalizer";
    private static readonly EventSource Controller = new("persistentvolume-controller");
    private readonly HashSet<string> _announced = new();

    protected override IReadOnlyCollection<string> WatchedKeys => new[] { ClaimKey, VolumeKey, ClassKey };

    protected override void Reconcile()
    {
        var claims = cluster.List<V1PersistentVolumeClaim>(ClaimKey);
        var volumes = cluster.List<V1PersistentVolume>(VolumeKey);
        foreach (var claim in claims.Where(c => c.Model.Status?.Phase != "Bound" && !c.IsBeingDeleted))
            SyncClaim(claim, volumes);
        var claimUids = claims.ToDictionary(c => (c.Namespace, c.Name), c => c.Uid);
        foreach (var pv in cluster.List<V1PersistentVolume>(VolumeKey)) SyncVolume(pv, claimUids);
    }

    private void SyncClaim(Live<V1PersistentVolumeClaim> claim, List<Live<V1PersistentVolume>> volumes)
    {
        var spec = claim.Model.Spec;
        var fit = !string.IsNullOrEmpty(spec.VolumeName)
            ? volumes.FirstOrDefault(v => v.Name == spec.VolumeName && IsFree(v, claim))
            : volumes.Where(v => IsFree(v, claim) && Fits(v.Model, spec)).OrderBy(v => Storage(v.Model.Spec.Capacity)).FirstOrDefault();
        if (fit is not null)
        {
            Bind(claim, fit);
            return;
        }
        var className = spec.StorageClassName;
        var sc = string.IsNullOrEmpty(className) ? null : cluster.Get<V1StorageClass>(ClassKey, "", className);
        if (sc is null)
        {
            // As the persistentvolume-controller reports them: a claim without a class waits for a
            // volume (a Normal event); a class that does not exist is a provisioning failure (a Warning).
            if (!_announced.Add(claim.Uid + "/nobinding")) return;
            if (string.IsNullOrEmpty(className))
                events.Normal(Controller, claim.Stored, "FailedBinding", "no persistent volumes available for this claim and no storage class is set");
            else
                events.Warning(Controller, claim.Stored, "ProvisioningFailed", $"storageclass.storage.k8s.io \"{className}\" not found");
            return;
        }
        var selectedNode = claim.Model.Metadata.Annotation("volume.kubernetes.io/selected-node");
        if (sc.Model.VolumeBindingMode == "WaitForFirstConsumer" && selectedNode is null)
        {
            if (_announced.Add(claim.Uid + "/wait"))
                events.Normal(Controller, claim.Stored, "WaitForFirstConsumer", "waiting for first consumer to be created before binding");
            return;
        }
        Provision(claim, sc);
    }

    private static bool IsFree(Live<V1PersistentVolume> v, Live<V1PersistentVolumeClaim> claim) =>
        !v.IsBeingDeleted && v.Model.Status?.Phase is null or "Available" or "Pending"
        && (v.Model.Spec.ClaimRef is null || v.Model.Spec.ClaimRef.Name == claim.Name && v.Model.Spec.ClaimRef.NamespaceProperty == claim.Namespace
            && (string.IsNullOrEmpty(v.Model.Spec.ClaimRef.Uid) || v.Model.Spec.ClaimRef.Uid == claim.Uid));

    private static bool Fits(V1PersistentVolume v, V1PersistentVolumeClaimSpec claim) =>
        (v.Spec.StorageClassName ?? "") == (claim.StorageClassName ?? "")
        && Storage(v.Spec.Capacity) >= Storage(claim.Resources?.Requests)
        && (claim.AccessModes ?? new List<string>()).All(m => v.Spec.AccessModes?.Contains(m) == true)
        && (v.Spec.VolumeMode ?? "Filesystem") == (claim.VolumeMode ?? "Filesystem")
        && (claim.Selector is null || Selectors.Matches(claim.Selector, (v.Metadata.Labels ?? new Dictionary<string, string>()).AsReadOnly()));

    private static decimal Storage(IDictionary<string, ResourceQuantity>? resources) =>
        resources?.TryGetValue("storage", out var q) == true ? q.ToDecimal() : 0;

    private void Provision(Live<V1PersistentVolumeClaim> claim, Live<V1StorageClass> sc)
    {
        var provisioner = sc.Model.Provisioner;
        var pvName = $"pvc-{claim.Uid}";
        if (State.Store.Get(VolumeKey, "", pvName) is not null) return; // made already; binding follows
        var stored = cluster.Mutate(claim.Stored, n =>
        {
            var a = n.Ensure("metadata").Ensure("annotations");
            a["volume.beta.kubernetes.io/storage-provisioner"] = provisioner;
            a["volume.kubernetes.io/storage-provisioner"] = provisioner;
        }) ?? claim.Stored;
        events.Normal(Controller, stored, "ExternalProvisioning",
            $"Waiting for a volume to be created either by the external provisioner '{provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.");
        var provisionerSource = new EventSource($"{provisioner}_csi-linode-controller-0_{Guid.NewGuid()}");
        events.Normal(provisionerSource, stored, "Provisioning", $"External provisioner is provisioning volume for claim \"{claim.Namespace}/{claim.Name}\"");
        var claimNode = claim.Stored.ToNode();
        var requested = claimNode.Obj("spec")?.Obj("resources")?.Obj("requests")?.Str("storage") ?? "1Gi";
        var pv = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "PersistentVolume",
            ["metadata"] = new JsonObject
            {
                ["name"] = pvName,
                ["annotations"] = new JsonObject { ["pv.kubernetes.io/provisioned-by"] = provisioner },
                ["finalizers"] = new JsonArray("kubernetes.io/pv-protection", ProvisionerFinalizer),
            },
            ["spec"] = new JsonObject
            {
                ["accessModes"] = claimNode.Obj("spec")?.Arr("accessModes")?.DeepClone() ?? new JsonArray("ReadWriteOnce"),
                ["capacity"] = new JsonObject { ["storage"] = requested },
                ["claimRef"] = new JsonObject
                {
                    ["apiVersion"] = "v1", ["kind"] = "PersistentVolumeClaim", ["name"] = claim.Name, ["namespace"] = claim.Namespace,
                    ["resourceVersion"] = stored.ResourceVersion.ToString(), ["uid"] = claim.Uid,
                },
                ["csi"] = new JsonObject
                {
                    ["driver"] = provisioner,
                    ["fsType"] = "ext4",
                    ["volumeAttributes"] = new JsonObject { ["storage.kubernetes.io/csiProvisionerIdentity"] = $"1700000000000-8081-{provisioner}" },
                    ["volumeHandle"] = VolumeHandle(claim.Uid),
                },
                ["persistentVolumeReclaimPolicy"] = sc.Model.ReclaimPolicy ?? "Delete",
                ["storageClassName"] = sc.Name,
                ["volumeMode"] = claimNode.Obj("spec")?.Str("volumeMode") ?? "Filesystem",
            },
        };
        if (cluster.Create(VolumeKey, pv) is null) return;
        events.Normal(provisionerSource, stored, "ProvisioningSucceeded", $"Successfully provisioned volume {pvName}");
        Wake();
    }

    private void Bind(Live<V1PersistentVolumeClaim> claim, Live<V1PersistentVolume> pv)
    {
        var boundPv = cluster.Mutate(pv.Stored, n =>
        {
            var spec = n.Ensure("spec");
            var claimRef = spec.Obj("claimRef") ?? new JsonObject();
            claimRef["apiVersion"] = "v1";
            claimRef["kind"] = "PersistentVolumeClaim";
            claimRef["name"] = claim.Name;
            claimRef["namespace"] = claim.Namespace;
            claimRef["uid"] = claim.Uid;
            claimRef["resourceVersion"] = claim.Stored.ResourceVersion.ToString();
            spec["claimRef"] = claimRef;
            if (pv.Model.Spec.ClaimRef is null) n.Ensure("metadata").Ensure("annotations")["pv.kubernetes.io/bound-by-controller"] = "yes";
            n.Ensure("status")["phase"] = "Bound";
        });
        if (boundPv is null) return;
        var pvNode = boundPv.ToNode();
        cluster.Mutate(claim.Stored, n =>
        {
            n.Ensure("spec")["volumeName"] = pv.Name;
            var a = n.Ensure("metadata").Ensure("annotations");
            a["pv.kubernetes.io/bind-completed"] = "yes";
            if (string.IsNullOrEmpty(claim.Model.Spec.VolumeName)) a["pv.kubernetes.io/bound-by-controller"] = "yes";
            var status = n.Ensure("status");
            status["phase"] = "Bound";
            status["accessModes"] = pvNode.Obj("spec")?.Arr("accessModes")?.DeepClone();
            status["capacity"] = pvNode.Obj("spec")?.Obj("capacity")?.DeepClone();
        });
    }

    /// <summary>Available/Released phases, reclaiming released volumes, and the provisioner's finalizer on deletion.</summary>
    private void SyncVolume(Live<V1PersistentVolume> pv, Dictionary<(string, string), string> claimUids)
    {
        var claimRef = pv.Model.Spec.ClaimRef;
        if (pv.IsBeingDeleted)
        {
            if (pv.Model.Metadata.Finalizers?.Contains(ProvisionerFinalizer) == true)
                cluster.Mutate(pv.Stored, n => RemoveFinalizer(n, ProvisionerFinalizer));
            return;
        }
        var claimGone = claimRef is not null && !string.IsNullOrEmpty(claimRef.Uid)
                        && (!claimUids.TryGetValue((claimRef.NamespaceProperty ?? "", claimRef.Name ?? ""), out var uid) || uid != claimRef.Uid);
        var phase = pv.Model.Status?.Phase;
        if (claimGone)
        {
            if (phase != "Released") cluster.Mutate(pv.Stored, n => n.Ensure("status")["phase"] = "Released");
            if (pv.Model.Spec.PersistentVolumeReclaimPolicy == "Delete") cluster.Delete(pv.Stored);
            return;
        }
        if (claimRef is null && phase is null or "Pending")
            cluster.Mutate(pv.Stored, n => n.Ensure("status")["phase"] = "Available");
    }

    /// <summary>The block storage driver's handle: a volume number and a label from the claim's uid (<c>1234567-pvc5126d452623e4c2d</c>).</summary>
    private static string VolumeHandle(string claimUid)
    {
        var hex = claimUid.Replace("-", "");
        var number = 1_000_000 + Convert.ToInt64(hex[..6], 16) % 9_000_000;
        return $"{number}-pvc{hex[..16]}";
    }

    public static bool RemoveFinalizer(JsonObject node, string finalizer)
    {
        var list = node.Obj("metadata")?.Arr("finalizers");
        var match = list?.FirstOrDefault(f => f?.GetValue<string>() == finalizer);
        if (match is null) return false;
        list!.Remove(match);
        return true;
    }
}
