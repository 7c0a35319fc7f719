using System.Management.Automation;
using PracticeK8s.Engine.Rollout;
using PracticeK8s.Engine.Targets;

namespace PracticeK8s.Cmdlets.Rollout;

/// <summary>kubectl rollout status for Deployments: waits until the latest rollout is complete, with progress.</summary>
[Cmdlet(VerbsLifecycle.Wait, "KubeDeployment", DefaultParameterSetName = NameSet)]
[OutputType("PracticeK8s.Engine.Changes.ChangeResult", "k8s.Models.V1Deployment")]
public sealed class WaitKubeDeploymentCommand : DeploymentCommand
{
    /// <summary>Give up after this many seconds (default: wait until the rollout completes or fails, or Ctrl+C).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? Timeout { get; set; }

    /// <summary>Write the Deployment once rolled out instead of the result line.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override async Task ProcessDeploymentAsync(KubeTarget session, ObjectTarget deployment, CancellationToken cancel)
    {
        var progress = new Progress(this, $"Waiting for the rollout of {deployment.Slashed}");
        string? last = null;
        try
        {
            var result = await new DeploymentRollouts(session.Connection).WaitAsync(deployment, Timeout is int t ? TimeSpan.FromSeconds(t) : null, state =>
            {
                if (state.Message != last)
                {
                    last = state.Message;
                    PostVerbose(state.Message);
                    progress.Update(state.Message, state.Desired == 0 ? 100 : (int)(Math.Min(state.Available, state.Desired) * 100 / state.Desired), force: true);
                }
            }, cancel).ConfigureAwait(false);
            PostResult(result, PassThru);
        }
        finally
        {
            progress.Complete();
        }
    }
}
