using k8s.Models;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Controllers.Volumes;

/// <summary>
/// Storage object in use protection: every claim carries <c>kubernetes.io/pvc-protection</c> and
/// every volume <c>kubernetes.io/pv-protection</c>; a deleted claim stays Terminating while a pod
/// that has not finished uses it, a deleted volume while a claim is bound to it.
/// </summary>
public sealed class ProtectionController(SandboxState state, ClusterAccess cluster, ILogger<ProtectionController> log) : ControllerLoop(state, log)
{
    public const string ClaimFinalizer = "kubernetes.io/pvc-protection", VolumeFinalizer = "kubernetes.io/pv-protection";

    protected override IReadOnlyCollection<string> WatchedKeys => new[] { VolumeController.ClaimKey, VolumeController.VolumeKey, "/pods" };

    protected override void Reconcile()
    {
        var inUse = cluster.List<V1Pod>("/pods").Where(p => !PodState.IsTerminal(p.Model))
            .SelectMany(p => (p.Model.Spec.Volumes ?? new List<V1Volume>()).Where(v => v.PersistentVolumeClaim is not null)
                .Select(v => (p.Namespace, v.PersistentVolumeClaim.ClaimName)))
            .ToHashSet();
        foreach (var claim in cluster.List<V1PersistentVolumeClaim>(VolumeController.ClaimKey))
        {
            var has = claim.Model.Metadata.Finalizers?.Contains(ClaimFinalizer) == true;
            if (!claim.IsBeingDeleted && !has)
                cluster.Mutate(claim.Stored, n => AddFinalizer(n, ClaimFinalizer));
            else if (claim.IsBeingDeleted && has && !inUse.Contains((claim.Namespace, claim.Name)))
                cluster.Mutate(claim.Stored, n => VolumeController.RemoveFinalizer(n, ClaimFinalizer));
        }
        foreach (var pv in cluster.List<V1PersistentVolume>(VolumeController.VolumeKey))
        {
            var has = pv.Model.Metadata.Finalizers?.Contains(VolumeFinalizer) == true;
            if (!pv.IsBeingDeleted && !has)
                cluster.Mutate(pv.Stored, n => AddFinalizer(n, VolumeFinalizer));
            else if (pv.IsBeingDeleted && has && pv.Model.Status?.Phase != "Bound")
                cluster.Mutate(pv.Stored, n => VolumeController.RemoveFinalizer(n, VolumeFinalizer));
        }
    }

    private static void AddFinalizer(System.Text.Json.Nodes.JsonObject node, string finalizer)
    {
        var meta = node.Ensure("metadata");
        var list = meta["finalizers"] as System.Text.Json.Nodes.JsonArray ?? new System.Text.Json.Nodes.JsonArray();
        if (list.Any(f => f?.GetValue<string>() == finalizer)) return;
        list.Add(finalizer);
        meta["finalizers"] = list;
    }
}
