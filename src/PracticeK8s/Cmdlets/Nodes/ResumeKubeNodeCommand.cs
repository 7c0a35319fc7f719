using System.Management.Automation;
using PracticeK8s.Engine.Drain;

namespace PracticeK8s.Cmdlets.Nodes;

/// <summary>kubectl uncordon: makes nodes schedulable again (spec.unschedulable removed); idempotent.</summary>
[Cmdlet(VerbsLifecycle.Resume, "KubeNode", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "ByName")]
[OutputType("PracticeK8s.Engine.Drain.CordonResult", "k8s.Models.V1Node")]
public sealed class ResumeKubeNodeCommand : KubeNodeCmdlet
{
    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var cordon = new NodeCordon(ResolveTarget().Connection);
        foreach (var node in Targets())
        {
            if (await ShouldProcessAsync($"node/{node}", "Uncordon (mark schedulable)", cancel).ConfigureAwait(false))
                await SetAsync(cordon, node, unschedulable: false, emit: true, cancel).ConfigureAwait(false);
        }
    }
}
