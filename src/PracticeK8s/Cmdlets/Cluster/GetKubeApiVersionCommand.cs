using System.Management.Automation;
using PracticeK8s.Engine.Resources;

namespace PracticeK8s.Cmdlets.Cluster;

/// <summary>kubectl api-versions: every group/version the server serves, one string each, sorted.</summary>
[Cmdlet(VerbsCommon.Get, "KubeApiVersion")]
[OutputType(typeof(string))]
public sealed class GetKubeApiVersionCommand : KubeCmdlet
{
    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        foreach (var version in await Discovery.For(ResolveTarget().Connection).GroupVersionsAsync(cancel).ConfigureAwait(false))
            PostObject(version);
    }
}
