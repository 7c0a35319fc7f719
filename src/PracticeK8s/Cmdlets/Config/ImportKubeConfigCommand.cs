using System.Management.Automation;
using PracticeK8s.Engine.Config;
using PracticeK8s.Engine.Session;
using PracticeK8s.Session;

namespace PracticeK8s.Cmdlets.Config;

/// <summary>Puts a downloaded cluster config (as a cloud provider hands it out) into ~/.kube/config.</summary>
[Cmdlet(VerbsData.Import, "KubeConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Refuse")]
[OutputType("PracticeK8s.Engine.Config.ImportedEntry")]
public sealed class ImportKubeConfigCommand : KubeAsyncCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    public string Path { get; set; } = "";

    /// <summary>The kubeconfig to merge into; default ~/.kube/config.</summary>
    [Parameter(Position = 1)]
    public string? Destination { get; set; }

    /// <summary>Replace entries of the same name that differ.</summary>
    [Parameter(ParameterSetName = "Force")]
    public SwitchParameter Force { get; set; }

    /// <summary>Import entries whose names are taken under new names (name-2, ...).</summary>
    [Parameter(ParameterSetName = "Rename")]
    public SwitchParameter Rename { get; set; }

    /// <summary>Switch this session (and current-context of the destination) to the imported context.</summary>
    [Parameter]
    public SwitchParameter Use { get; set; }

    /// <summary>Output what was imported, entry by entry.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private string _currentDirectory = "";
    private SessionSelection? _selection;

    protected override void OnPipelineThread()
    {
        _currentDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
        _selection = SessionSelection.For(System.Management.Automation.Runspaces.Runspace.DefaultRunspace);
    }

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var sourcePath = System.IO.Path.GetFullPath(KubeConfigPaths.ExpandHome(Path), _currentDirectory);
        var destinationPath = Destination is null ? KubeConfigPaths.DefaultPath
            : System.IO.Path.GetFullPath(KubeConfigPaths.ExpandHome(Destination), _currentDirectory);
        var source = KubeConfigDocument.Load(sourcePath);
        var destination = File.Exists(destinationPath) ? KubeConfigDocument.Load(destinationPath) : KubeConfigDocument.CreateEmpty(destinationPath);
        var mode = Force ? ImportClashMode.Overwrite : Rename ? ImportClashMode.Rename : ImportClashMode.Refuse;
        var plan = KubeConfigImport.Plan(source, destination, mode);
        var context = KubeConfigImport.ImportedContext(source, plan);
        var changes = plan.Where(p => p.Action != "unchanged").ToList();

        var summary = changes.Count == 0 ? "nothing new" : string.Join(", ", changes.Select(c =>
            $"{c.Action} {KubeConfigDocument.Singular(c.Section)} \"{c.ImportedAs}\""));
        var useText = Use && context is not null ? $"; use context \"{context}\"" : "";
        if (!await ShouldProcessAsync(destinationPath, $"Import {sourcePath}: {summary}{useText}", cancel).ConfigureAwait(false))
            return;

        if (changes.Count > 0 || Use)
        {
            if (File.Exists(destinationPath))
            {
                var backup = $"{destinationPath}.{DateTime.Now:yyyyMMdd-HHmmss-fff}.bak";
                // Created with the original's mode (0600 at most), never readable by others for an instant.
                Engine.Files.PrivateFiles.WriteAllBytes(backup, File.ReadAllBytes(destinationPath),
                    OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(destinationPath) & Engine.Files.PrivateFiles.FileMode);
                PostVerbose($"backed up {destinationPath} to {backup}");
            }
            KubeConfigImport.Apply(source, destination, plan);
            if (Use && context is not null)
                destination.CurrentContext = context;
            destination.Save();
        }
        if (Use)
        {
            if (context is null)
            {
                PostWarning($"{sourcePath} names no current context and has several contexts; use Use-KubeContext to pick one.");
            }
            else
            {
                _selection!.Context = context;
                _selection.Namespace = null;
            }
        }
        if (PassThru)
        {
            foreach (var entry in plan)
                PostObject(entry);
        }
    }
}
