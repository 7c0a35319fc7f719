using System.Management.Automation;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Rollout;
using PracticeK8s.Engine.Targets;

namespace PracticeK8s.Cmdlets.Rollout;

/// <summary>kubectl rollout history for Deployments: one object per revision (its ReplicaSet, change cause and pod template).</summary>
[Cmdlet(VerbsCommon.Get, "KubeRolloutHistory", DefaultParameterSetName = NameSet)]
[OutputType("PracticeK8s.Engine.Rollout.RolloutRevision")]
public sealed class GetKubeRolloutHistoryCommand : DeploymentCommand
{
    /// <summary>Only this revision.</summary>
    [Parameter]
    [ValidateRange(1, long.MaxValue)]
    public long? Revision { get; set; }

    protected override async Task ProcessDeploymentAsync(KubeTarget session, ObjectTarget deployment, CancellationToken cancel)
    {
        var revisions = await new DeploymentRollouts(session.Connection).HistoryAsync(deployment, cancel).ConfigureAwait(false);
        if (Revision is long wanted)
        {
            var one = revisions.FirstOrDefault(r => r.Revision == wanted)
                ?? throw new KubeException($"unable to find the specified revision {wanted} of deployment \"{deployment.Name}\"", "KubeRevisionNotFound",
                    ErrorCategory.ObjectNotFound, wanted);
            PostObject(one);
            return;
        }
        foreach (var revision in revisions)
            PostObject(revision);
    }
}
