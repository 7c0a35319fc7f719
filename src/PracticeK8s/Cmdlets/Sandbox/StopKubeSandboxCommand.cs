using System.Management.Automation;
using PracticeK8s.Engine.Sandbox;
using PracticeK8s.Session;

namespace PracticeK8s.Cmdlets.Sandbox;

/// <summary>Stops practice clusters, takes their contexts out of the kubeconfig and switches this session back.</summary>
[Cmdlet(VerbsLifecycle.Stop, "KubeSandbox", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByName)]
[OutputType("PracticeK8s.Engine.Sandbox.SandboxInfo")]
public sealed class StopKubeSandboxCommand : SandboxLifecycleCmdlet
{
    /// <summary>Keep a temporary instance's data instead of deleting it (it becomes a kept instance).</summary>
    [Parameter]
    public SwitchParameter KeepData { get; set; }

    /// <summary>Return what was stopped.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override string Action => "Stop the practice cluster and remove its contexts from the kubeconfig";

    protected override async Task ActAsync(string name, CancellationToken cancel)
    {
        var stopped = await SandboxLauncher.StopAsync(name, remove: false, KeepData, PostVerbose, cancel).ConfigureAwait(false);
        AfterStop(stopped);
        if (PassThru && stopped is not null)
            PostObject(stopped);
    }
}
