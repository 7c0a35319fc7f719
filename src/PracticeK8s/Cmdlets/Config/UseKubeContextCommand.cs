using System.Management.Automation;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Config;
using PracticeK8s.Engine.Session;
using PracticeK8s.Session;

namespace PracticeK8s.Cmdlets.Config;

/// <summary>kubectl config use-context, for this PowerShell session only unless -Scope CurrentUser.</summary>
[Cmdlet(VerbsOther.Use, "KubeContext", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType("PracticeK8s.Engine.Config.KubeContextInfo")]
public sealed class UseKubeContextCommand : KubeAsyncCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ContextNameCompleter))]
    public string Name { get; set; } = "";

    /// <summary>The session's default namespace from now on (with -Scope CurrentUser also written to the context).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(NamespaceCompleter))]
    public string? Namespace { get; set; }

    /// <summary>Process: this session only (default). CurrentUser: also record current-context in the kubeconfig file, like kubectl.</summary>
    [Parameter]
    [ValidateSet("Process", "CurrentUser")]
    public string Scope { get; set; } = "Process";

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private SessionSelection? _selection;

    protected override void OnPipelineThread() =>
        _selection = SessionSelection.For(System.Management.Automation.Runspaces.Runspace.DefaultRunspace);

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var set = KubeSession.LoadConfig().RequireAny();
        var context = set.FindContext(Name) ?? throw set.ContextNotFound(Name);
        var nsText = string.IsNullOrEmpty(Namespace) ? "" : $" with namespace \"{Namespace}\"";

        if (Scope == "CurrentUser")
        {
            var file = set.CurrentContextFile;
            if (await ShouldProcessAsync(file, $"Set current-context to \"{Name}\"{nsText}", cancel).ConfigureAwait(false))
            {
                var document = File.Exists(file) ? KubeConfigDocument.Load(file) : KubeConfigDocument.CreateEmpty(file);
                document.CurrentContext = Name;
                document.Save();
                if (!string.IsNullOrEmpty(Namespace))
                {
                    // The namespace belongs to the context entry, in the file that defines it.
                    var owner = context.SourceFile == file ? document : KubeConfigDocument.Load(context.SourceFile);
                    owner.SetContextNamespace(Name, Namespace!);
                    owner.Save();
                }
                PostVerbose($"current-context in {file} is now \"{Name}\"");
            }
            else
            {
                return;
            }
        }
        else if (!await ShouldProcessAsync("this PowerShell session", $"Switch to context \"{Name}\"{nsText}", cancel).ConfigureAwait(false))
        {
            return;
        }

        var selection = _selection!;
        selection.Context = Name;
        selection.Namespace = string.IsNullOrEmpty(Namespace) ? null : Namespace;
        if (PassThru)
            PostObject(KubeSession.LoadConfig().FindContext(Name, Name)?.InSession(selection.Namespace));
    }
}
