using System.Management.Automation;
using PracticeK8s.Engine.Sandbox;
using PracticeK8s.Session;

namespace PracticeK8s.Cmdlets.Sandbox;

/// <summary>Stops the practice cluster, takes its context out of the kubeconfig and switches this session back.</summary>
[Cmdlet(VerbsLifecycle.Stop, "KubeSandbox", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType("PracticeK8s.Engine.Sandbox.SandboxInfo")]
public sealed class StopKubeSandboxCommand : KubeAsyncCmdlet
{
    /// <summary>Keep a temporary data dir instead of deleting it.</summary>
    [Parameter]
    public SwitchParameter KeepData { get; set; }

    /// <summary>Return what was stopped.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private SessionSelection? _selection;

    protected override void OnPipelineThread() =>
        _selection = SessionSelection.For(System.Management.Automation.Runspaces.Runspace.DefaultRunspace);

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var current = SandboxLauncher.Current();
        if (current is null)
        {
            PostWarning("no sandbox is running");
            return;
        }
        if (!await ShouldProcessAsync(current.Url, "Stop the practice cluster and remove its context from " + current.Kubeconfig, cancel).ConfigureAwait(false))
            return;
        var stopped = await SandboxLauncher.StopAsync(KeepData, PostVerbose, cancel).ConfigureAwait(false);
        var selection = _selection!;
        if (selection.Context == SandboxRegistry.ContextName)
        {
            (selection.Context, selection.Namespace) = selection.BeforeSandbox ?? (null, null);
            selection.BeforeSandbox = null;
        }
        Engine.Session.KubeSession.Reset();
        if (PassThru && stopped is not null)
            PostObject(stopped);
    }
}
