using System.Management.Automation;

namespace PracticeK8s.Cmdlets.Cluster;

/// <summary>kubectl version: the module's version and the server's.</summary>
[Cmdlet(VerbsCommon.Get, "KubeVersion")]
[OutputType("PracticeK8s.Cmdlets.Cluster.KubeVersion")]
public sealed class GetKubeVersionCommand : KubeCmdlet
{
    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var target = ResolveTarget();
        var server = await target.Api.GetVersionAsync(cancel).ConfigureAwait(false);
        PostObject(new KubeVersion(
            typeof(GetKubeVersionCommand).Assembly.GetName().Version?.ToString(3) ?? "",
            server.GitVersion, server.Major, server.Minor, server.Platform,
            target.Connection.ContextName, target.Connection.Server));
    }
}

/// <summary>What Get-KubeVersion returns.</summary>
public sealed record KubeVersion(string ClientVersion, string ServerVersion, string Major, string Minor, string Platform,
    string Context, string Server);
