using k8s.Models;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Events;

namespace PracticeK8s.Sandbox.Controllers.Volumes;

/// <summary>
/// The attach/detach controller's visible part: when a scheduled pod's claim is bound, its volume is
/// "attached" to the node and the pod gets <c>SuccessfulAttachVolume</c>
/// (<c>AttachVolume.Attach succeeded for volume "pvc-…"</c>), as the course's describe shows.
/// </summary>
public sealed class AttachDetachController(SandboxState state, ClusterAccess cluster, EventRecorder events, ILogger<AttachDetachController> log)
    : ControllerLoop(state, log)
{
    private static readonly EventSource Source = new("attachdetach-controller");
    private readonly HashSet<(string Pod, string Volume)> _attached = new();

    protected override IReadOnlyCollection<string> WatchedKeys => new[] { "/pods", VolumeController.ClaimKey };

    protected override void Reconcile()
    {
        var live = new HashSet<(string, string)>();
        foreach (var pod in cluster.List<V1Pod>("/pods"))
        {
            if (!PodState.IsScheduled(pod.Model) || PodState.IsTerminal(pod.Model)) continue;
            foreach (var v in pod.Model.Spec.Volumes ?? new List<V1Volume>())
            {
                if (v.PersistentVolumeClaim?.ClaimName is not { } claimName) continue;
                var claim = cluster.Get<V1PersistentVolumeClaim>(VolumeController.ClaimKey, pod.Namespace, claimName);
                if (claim?.Model.Status?.Phase != "Bound" || claim.Model.Spec.VolumeName is not { } volume) continue;
                live.Add((pod.Uid, volume));
                if (_attached.Add((pod.Uid, volume)))
                    events.Normal(Source, pod.Stored, "SuccessfulAttachVolume", $"AttachVolume.Attach succeeded for volume \"{volume}\"");
            }
        }
        _attached.IntersectWith(live);
    }
}
