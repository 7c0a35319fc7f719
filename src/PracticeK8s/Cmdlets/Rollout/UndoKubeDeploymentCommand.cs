using System.Management.Automation;
using PracticeK8s.Engine.Rollout;
using PracticeK8s.Engine.Targets;

namespace PracticeK8s.Cmdlets.Rollout;

/// <summary>kubectl rollout undo for Deployments: back to the previous revision, or to -ToRevision.</summary>
[Cmdlet(VerbsCommon.Undo, "KubeDeployment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
[OutputType("PracticeK8s.Engine.Changes.ChangeResult", "k8s.Models.V1Deployment")]
public sealed class UndoKubeDeploymentCommand : DeploymentCommand
{
    /// <summary>The revision to go back to (Get-KubeRolloutHistory lists them); default: the one before the current.</summary>
    [Parameter]
    [ValidateRange(0, long.MaxValue)]
    public long ToRevision { get; set; }

    /// <summary>Ask the server to validate the change without storing it.</summary>
    [Parameter]
    public SwitchParameter DryRun { get; set; }

    /// <summary>Write the updated Deployment instead of the result line.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override async Task ProcessDeploymentAsync(KubeTarget session, ObjectTarget deployment, CancellationToken cancel)
    {
        var what = ToRevision == 0 ? "Roll back to the previous revision" : $"Roll back to revision {ToRevision}";
        if (!await ShouldProcessAsync(deployment.Describe(), what, cancel).ConfigureAwait(false))
            return;
        PostResult(await new DeploymentRollouts(session.Connection).UndoAsync(deployment, ToRevision, DryRun, cancel).ConfigureAwait(false), PassThru);
    }
}
