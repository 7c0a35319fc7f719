using System.Management.Automation;
using PracticeK8s.Engine.Rollout;
using PracticeK8s.Engine.Targets;

namespace PracticeK8s.Cmdlets.Rollout;

/// <summary>kubectl rollout restart: stamps the pod template with kubectl.kubernetes.io/restartedAt so every pod is replaced.</summary>
[Cmdlet(VerbsLifecycle.Restart, "KubeDeployment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
[OutputType("PracticeK8s.Engine.Changes.ChangeResult", "k8s.Models.V1Deployment")]
public sealed class RestartKubeDeploymentCommand : DeploymentCommand
{
    /// <summary>Ask the server to validate the change without storing it.</summary>
    [Parameter]
    public SwitchParameter DryRun { get; set; }

    /// <summary>Write the updated Deployment instead of the result line (pipe it to Wait-KubeDeployment).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override async Task ProcessDeploymentAsync(KubeTarget session, ObjectTarget deployment, CancellationToken cancel)
    {
        if (!await ShouldProcessAsync(deployment.Describe(), "Restart (replace every pod)", cancel).ConfigureAwait(false))
            return;
        PostResult(await new DeploymentRollouts(session.Connection).RestartAsync(deployment, DateTimeOffset.Now, DryRun, cancel).ConfigureAwait(false), PassThru);
    }
}
