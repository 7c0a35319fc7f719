using System.Management.Automation;
using PracticeK8s.Engine.Drain;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Objects;

namespace PracticeK8s.Cmdlets.Nodes;

/// <summary>
/// kubectl cordon (spec.unschedulable=true; idempotent) and, with -Drain, kubectl drain: cordon,
/// then evict the node's pods through the Eviction API, refusing (and naming the pods) unless the
/// switch for DaemonSet pods, emptyDir data or controller-less pods is given; retries pods a
/// PodDisruptionBudget protects until -Timeout; waits until evicted pods are gone. Writes a
/// DrainResult per node. Stopping (Ctrl+C) leaves the node cordoned, and says so.
/// </summary>
[Cmdlet(VerbsLifecycle.Suspend, "KubeNode", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "ByName")]
[OutputType("PracticeK8s.Engine.Drain.CordonResult", "PracticeK8s.Engine.Drain.DrainResult", "k8s.Models.V1Node")]
public sealed class SuspendKubeNodeCommand : KubeNodeCmdlet
{
    /// <summary>After cordoning, evict every pod of the node (kubectl drain). Confirmed like a High-impact change.</summary>
    [Parameter]
    public SwitchParameter Drain { get; set; }

    /// <summary>-Drain: leave DaemonSet pods in place instead of refusing.</summary>
    [Parameter]
    public SwitchParameter IgnoreDaemonSets { get; set; }

    /// <summary>-Drain: evict pods with emptyDir volumes (their data is lost).</summary>
    [Parameter]
    [Alias("DeleteLocalData")]
    public SwitchParameter DeleteEmptyDirData { get; set; }

    /// <summary>-Drain: also evict pods no controller will recreate (and pods of DaemonSets that no longer exist).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>-Drain: seconds each pod gets to stop (-1: the pod's own terminationGracePeriodSeconds).</summary>
    [Parameter]
    [ValidateRange(-1, int.MaxValue)]
    public int GracePeriod { get; set; } = -1;

    /// <summary>-Drain: give up on a node after this many seconds (evicting and waiting); 0 or absent: wait for ever.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? Timeout { get; set; }

    /// <summary>-Drain: delete pods instead of evicting them (bypasses PodDisruptionBudgets).</summary>
    [Parameter]
    public SwitchParameter DisableEviction { get; set; }

    /// <summary>-Drain: only pods with these labels (a selector string or a hashtable).</summary>
    [Parameter]
    public object? PodSelector { get; set; }

    /// <summary>-Drain: do not wait for pods whose deletion started more than this many seconds ago (0: always wait).</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int SkipWaitForDeleteTimeout { get; set; }

    protected override Task BeginProcessingAsync(CancellationToken cancel)
    {
        if (!Drain && (IgnoreDaemonSets || DeleteEmptyDirData || Force || DisableEviction || PodSelector is not null || Timeout is not null
            || GracePeriod != -1 || SkipWaitForDeleteTimeout != 0))
        {
            throw new KubeException("the drain options (-IgnoreDaemonSets, -DeleteEmptyDirData, -Force, -GracePeriod, -Timeout, -DisableEviction, -PodSelector, -SkipWaitForDeleteTimeout) need -Drain",
                "KubeInvalidArguments", ErrorCategory.InvalidArgument, null);
        }
        return Task.CompletedTask;
    }

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var kube = ResolveTarget();
        var cordon = new NodeCordon(kube.Connection);
        var nodes = Targets();
        if (!Drain)
        {
            foreach (var node in nodes)
            {
                if (await ShouldProcessAsync($"node/{node}", "Cordon (mark unschedulable)", cancel).ConfigureAwait(false))
                    await SetAsync(cordon, node, unschedulable: true, emit: true, cancel).ConfigureAwait(false);
            }
            return;
        }

        // kubectl cordons every node first, then drains them one by one.
        var cordoned = new List<string>();
        foreach (var node in nodes)
        {
            if (!await ShouldProcessAsync($"node/{node}", "Drain (cordon, then evict every pod)", cancel).ConfigureAwait(false))
                continue;
            // Draining is riskier than the cmdlet's Medium impact (cordoning alone).
            if (!await ConfirmBeyondImpactAsync($"Drain node {node}: mark it unschedulable and evict its pods?", "Confirm drain", cancel).ConfigureAwait(false))
                continue;
            if (await SetAsync(cordon, node, unschedulable: true, emit: false, cancel).ConfigureAwait(false) is not null)
                cordoned.Add(node);
        }
        var settings = new DrainSettings
        {
            IgnoreDaemonSets = IgnoreDaemonSets,
            DeleteEmptyDirData = DeleteEmptyDirData,
            Force = Force,
            GracePeriodSeconds = GracePeriod >= 0 ? GracePeriod : null,
            Timeout = Timeout is int seconds && seconds > 0 ? TimeSpan.FromSeconds(seconds) : null,
            DisableEviction = DisableEviction,
            PodSelector = Selectors.FromArgument(PodSelector),
            SkipWaitForDeleteTimeoutSeconds = SkipWaitForDeleteTimeout,
        };
        foreach (var node in cordoned)
            await DrainNodeAsync(kube, node, settings, cancel).ConfigureAwait(false);
    }

    private async Task DrainNodeAsync(KubeTarget kube, string node, DrainSettings settings, CancellationToken cancel)
    {
        var progress = new Progress(this, $"Draining node {node}");
        var drainer = new NodeDrainer(kube.Connection, settings)
        {
            Report = new DrainReport
            {
                Info = PostVerbose,
                Warning = PostWarning,
                Progress = (done, total) =>
                    progress.Update($"{total - done} of {total} pods remaining", total == 0 ? 100 : done * 100 / total, force: done == total),
            },
        };
        try
        {
            progress.Update("Listing pods", force: true);
            var result = await drainer.DrainAsync(node, cancel).ConfigureAwait(false);
            PostObject(result);
            if (!result.Drained)
            {
                var reasons = string.Join("; ", result.Errors);
                PostError(new KubeException($"unable to drain node \"{node}\": {reasons}; node/{node} stays cordoned",
                    result.Outcome == DrainOutcome.Refused ? "KubeDrainRefused" : "KubeDrainFailed",
                    ErrorCategory.InvalidOperation, node).ToErrorRecord(node));
            }
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            Post(() =>
            {
                var text = $"drain of node/{node} stopped: the node stays cordoned (Resume-KubeNode {node} makes it schedulable again)";
                try { WriteWarning(text); }
                catch (PipelineStoppedException) { Host.UI.WriteWarningLine(text); }
            });
            throw;
        }
        finally
        {
            progress.Complete();
        }
    }
}
