using System.Management.Automation;
using PracticeK8s.Engine.ClusterInfo;

namespace PracticeK8s.Cmdlets.Cluster;

/// <summary>kubectl cluster-info: the control plane's address and the cluster's add-on Services (cluster DNS, …) with theirs.</summary>
[Cmdlet(VerbsCommon.Get, "KubeClusterInfo")]
[OutputType(typeof(ClusterEndpoint))]
public sealed class GetKubeClusterInfoCommand : KubeCmdlet
{
    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        foreach (var endpoint in await ClusterEndpoints.ListAsync(ResolveTarget().Connection, cancel).ConfigureAwait(false))
            PostObject(endpoint);
    }
}
