using k8s.Models;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Controllers.Workloads;

/// <summary>
/// The controller-ref manager of upstream's workload controllers: an owner adopts orphans its
/// selector matches and releases the pods it owns that no longer match; it never touches pods
/// another controller owns.
/// </summary>
public static class PodOwnership
{
    public static List<Live<V1Pod>> Claim(ClusterAccess cluster, StoredObject owner, V1LabelSelector? selector, IEnumerable<Live<V1Pod>> candidates)
    {
        var claimed = new List<Live<V1Pod>>();
        foreach (var pod in candidates)
        {
            var controller = OwnerReferences.ControllerOf(pod.Model.Metadata);
            var matches = Selectors.Matches(selector, pod.Labels);
            if (controller?.Uid == owner.Uid)
            {
                if (matches || owner.IsBeingDeleted) { claimed.Add(pod); continue; }
                cluster.Mutate(pod.Stored, n => OwnerReferences.Release(n, owner.Uid));
                continue;
            }
            if (controller is not null || !matches || owner.IsBeingDeleted || pod.IsBeingDeleted) continue;
            if (cluster.Mutate(pod.Stored, n => OwnerReferences.Adopt(n, owner)) is { } adopted)
                claimed.Add(cluster.Typed<V1Pod>(adopted));
        }
        return claimed;
    }
}
