using System.Management.Automation;
using PracticeK8s.Engine.Sandbox;

namespace PracticeK8s.Cmdlets.Sandbox;

/// <summary>Stops practice clusters if they run and deletes their state: objects, certificates, tokens, logs.</summary>
[Cmdlet(VerbsCommon.Remove, "KubeSandbox", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByName)]
[OutputType("None")]
public sealed class RemoveKubeSandboxCommand : SandboxLifecycleCmdlet
{
    protected override string Action => "Stop the practice cluster and delete its data (every object in it)";

    protected override async Task ActAsync(string name, CancellationToken cancel)
    {
        var stopped = await SandboxLauncher.StopAsync(name, remove: true, keepData: false, PostVerbose, cancel).ConfigureAwait(false);
        AfterStop(stopped);
    }
}
