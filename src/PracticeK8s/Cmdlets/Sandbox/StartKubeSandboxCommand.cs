using System.Management.Automation;
using PracticeK8s.Engine.Config;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Sandbox;
using PracticeK8s.Session;

namespace PracticeK8s.Cmdlets.Sandbox;

/// <summary>Starts a local practice cluster (or returns it when it runs), adds its contexts to the kubeconfig and makes it current.</summary>
[Cmdlet(VerbsLifecycle.Start, "KubeSandbox", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType("PracticeK8s.Engine.Sandbox.SandboxInfo")]
public sealed class StartKubeSandboxCommand : KubeAsyncCmdlet
{
    /// <summary>The instance's name, which is also its kubeconfig context.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SandboxNameCompleter))]
    public string Name { get; set; } = SandboxHome.DefaultName;

    /// <summary>Keep the cluster's state in this folder instead of the instance's own folder.</summary>
    [Parameter]
    public string? DataDir { get; set; }

    /// <summary>The port to listen on (127.0.0.1 only); 0 picks a free one.</summary>
    [Parameter]
    [ValidateRange(0, 65535)]
    public int Port { get; set; }

    /// <summary>Add the contexts but keep the kubeconfig's current-context and this session's context.</summary>
    [Parameter]
    [Alias("NoUse")]
    public SwitchParameter NoSwitch { get; set; }

    /// <summary>Remove the instance and its data when it stops.</summary>
    [Parameter]
    public SwitchParameter Temporary { get; set; }

    /// <summary>Start even though the stored objects have a damaged record: keep the records before it (the original file is kept beside it).</summary>
    [Parameter]
    public SwitchParameter Recover { get; set; }

    /// <summary>How pods run: Namespaces (each container in Linux namespaces of its own), None (as your own processes), Auto (Namespaces where the system allows it).</summary>
    [Parameter]
    [ValidateSet("Auto", "Namespaces", "None")]
    public string? Isolation { get; set; }

    /// <summary>How many seconds to wait for the server to answer.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int Timeout { get; set; } = 60;

    /// <summary>The instances this process has told that pods run unisolated: the warning comes once per session.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> s_warnedNoIsolation = new();

    private string _currentDirectory = "";
    private SessionSelection? _selection;

    protected override void OnPipelineThread()
    {
        _currentDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
        _selection = SessionSelection.For(System.Management.Automation.Runspaces.Runspace.DefaultRunspace);
    }

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        SandboxHome.ValidateName(Name);
        var kubeconfig = KubeConfigPaths.Resolve()[0];
        var dataDir = DataDir is null ? null : Path.GetFullPath(KubeConfigPaths.ExpandHome(DataDir), _currentDirectory);
        if (!await ShouldProcessAsync(kubeconfig, $"Start the practice cluster '{Name}'{(dataDir is null ? "" : $" on {dataDir}")} and add context \"{Name}\"", cancel).ConfigureAwait(false))
            return;
        var moduleDirectory = Path.GetDirectoryName(typeof(StartKubeSandboxCommand).Assembly.Location)!;
        var progress = new Progress(this, $"Starting the practice cluster '{Name}'");
        progress.Update("Waiting for the API server", force: true);
        try
        {
            var request = new SandboxStartRequest(Name, kubeconfig)
            {
                DataDir = dataDir, Port = Port, Temporary = Temporary, MakeCurrent = !NoSwitch, Recover = Recover, Isolation = Isolation, Timeout = TimeSpan.FromSeconds(Timeout),
            };
            var (info, wasRunning) = await SandboxLauncher.StartAsync(moduleDirectory, request, PostVerbose, cancel).ConfigureAwait(false);
            if (info.Isolation == "None" && s_warnedNoIsolation.TryAdd(info.Name, 0))
                PostWarning("pods in this practice cluster run as your own processes, not in containers: a pod can read and change whatever your user can. Practise with manifests you trust (README: 'Pod isolation').");
            if (wasRunning)
                PostWarning($"the sandbox '{info.Name}' is already running at {info.Url} (process {info.ProcessId}); this is it");
            if (!NoSwitch)
            {
                var selection = _selection!;
                if (selection.Context != info.Context)
                    selection.BeforeSandbox = (selection.Context, selection.Namespace);
                selection.Context = info.Context;
                selection.Namespace = null;
            }
            Engine.Session.KubeSession.Reset();
            PostNotice(NoSwitch
                ? $"kubectl reaches it with: kubectl --context {info.Context} get nodes (kubeconfig {info.Kubeconfig})"
                : $"kubectl reaches it now: current-context is \"{info.Context}\" in {info.Kubeconfig} (try: kubectl get nodes)");
            PostObject(info);
        }
        finally
        {
            progress.Complete();
        }
    }
}
