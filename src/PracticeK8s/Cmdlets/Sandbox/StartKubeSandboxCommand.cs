using System.Management.Automation;
using PracticeK8s.Engine.Config;
using PracticeK8s.Engine.Sandbox;
using PracticeK8s.Session;

namespace PracticeK8s.Cmdlets.Sandbox;

/// <summary>Starts the local practice cluster, adds its context to the kubeconfig and switches this session to it.</summary>
[Cmdlet(VerbsLifecycle.Start, "KubeSandbox", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType("PracticeK8s.Engine.Sandbox.SandboxInfo")]
public sealed class StartKubeSandboxCommand : KubeAsyncCmdlet
{
    /// <summary>Keep the cluster's state here between runs; default: a new temporary folder removed by Stop-KubeSandbox.</summary>
    [Parameter(Position = 0)]
    public string? DataDir { get; set; }

    /// <summary>The port to listen on (127.0.0.1 only); 0 picks a free one.</summary>
    [Parameter]
    [ValidateRange(0, 65535)]
    public int Port { get; set; }

    /// <summary>Add the context but do not switch this session to it.</summary>
    [Parameter]
    public SwitchParameter NoUse { get; set; }

    /// <summary>How many seconds to wait for the server to answer.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int Timeout { get; set; } = 60;

    private string _currentDirectory = "";
    private SessionSelection? _selection;

    protected override void OnPipelineThread()
    {
        _currentDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
        _selection = SessionSelection.For(System.Management.Automation.Runspaces.Runspace.DefaultRunspace);
    }

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var kubeconfig = KubeConfigPaths.Resolve()[0];
        var dataDir = DataDir is null ? null : Path.GetFullPath(KubeConfigPaths.ExpandHome(DataDir), _currentDirectory);
        if (!await ShouldProcessAsync(kubeconfig, $"Start the practice cluster{(dataDir is null ? "" : $" on {dataDir}")} and add context \"{SandboxRegistry.ContextName}\"", cancel).ConfigureAwait(false))
            return;
        var moduleDirectory = Path.GetDirectoryName(typeof(StartKubeSandboxCommand).Assembly.Location)!;
        var progress = new ProgressRecord(1, "Starting the PracticeK8s sandbox", "Waiting for the API server");
        PostProgress(progress);
        try
        {
            var info = await SandboxLauncher.StartAsync(moduleDirectory, dataDir, Port, kubeconfig, TimeSpan.FromSeconds(Timeout), PostVerbose, cancel).ConfigureAwait(false);
            if (!NoUse)
            {
                var selection = _selection!;
                selection.BeforeSandbox = (selection.Context, selection.Namespace);
                selection.Context = SandboxRegistry.ContextName;
                selection.Namespace = null;
            }
            PostObject(info);
        }
        finally
        {
            progress.RecordType = ProgressRecordType.Completed;
            PostProgress(progress);
        }
    }
}
