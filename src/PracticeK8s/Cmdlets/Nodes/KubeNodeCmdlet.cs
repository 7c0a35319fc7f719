using System.Management.Automation;
using PracticeK8s.Cmdlets.Write;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Drain;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Cmdlets.Nodes;

/// <summary>
/// What Suspend-KubeNode and Resume-KubeNode share: nodes by name or from the pipeline (other kinds
/// are skipped like kubectl's "KIND/NAME skipped"), -PassThru, and one cordon/uncordon whose failure
/// is kubectl's "unable to cordon node" error while the other nodes go on.
/// </summary>
public abstract class KubeNodeCmdlet : KubeWriteCmdlet
{
    /// <summary>Node names.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ByName")]
    [ArgumentCompleter(typeof(NodeNameCompleter))]
    public string[] Name { get; set; } = [];

    /// <summary>Nodes from Get-KubeNode (or names); other objects are skipped.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "ByObject")]
    public PSObject? InputObject { get; set; }

    /// <summary>Write the updated Node instead of the result line.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The nodes this record names.</summary>
    protected IReadOnlyList<string> Targets()
    {
        if (InputObject is null)
            return Name;
        var (node, skipped) = NodeNames.Of(InputObject);
        if (skipped is not null)
            PostWarning(skipped);
        return string.IsNullOrEmpty(node) ? [] : [node];
    }

    /// <summary>Cordons or uncordons one node; null (error written) when that failed.</summary>
    protected async Task<CordonResult?> SetAsync(NodeCordon cordon, string node, bool unschedulable, bool emit, CancellationToken cancel)
    {
        try
        {
            var result = await cordon.SetAsync(node, unschedulable, dryRun: false, cancel).ConfigureAwait(false);
            if (emit)
                PostObject(PassThru && result.NodeObject is not null ? result.NodeObject : result);
            else
                PostVerbose(result.Message);
            return result;
        }
        catch (KubeException e)
        {
            var error = new KubeException($"unable to {(unschedulable ? "cordon" : "uncordon")} node \"{node}\": {e.Message}", e.ErrorId, e.Category, node, e);
            PostError(error.ToErrorRecord(node));
            return null;
        }
    }
}
