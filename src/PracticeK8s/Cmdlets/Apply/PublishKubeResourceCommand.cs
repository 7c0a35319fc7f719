using System.Management.Automation;
using PracticeK8s.Cmdlets.Write;
using PracticeK8s.Engine.Apply;
using PracticeK8s.Engine.Changes;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Resources;

namespace PracticeK8s.Cmdlets.Apply;

/// <summary>
/// kubectl apply: creates or updates objects from files, YAML text or piped objects. Client-side
/// apply (last-applied annotation, three-way patch) by default, server-side apply with
/// -ServerSide. Objects go in dependency order (namespaces, CRDs, the rest); one failing object
/// does not stop the others.
/// </summary>
[Cmdlet(VerbsData.Publish, "KubeResource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PathSet)]
[OutputType("PracticeK8s.Engine.Changes.ChangeResult")]
public sealed class PublishKubeResourceCommand : KubeWriteCmdlet
{
    private const string PathSet = "Path";
    private const string YamlSet = "Yaml";
    private const string ObjectSet = "Object";

    private readonly ManifestInput _input = new("apply");
    private string[]? _resolvedPaths;

    /// <summary>Files or directories (wildcards allowed); "-" reads standard input. Piped files bind to -InputObject.</summary>
    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0)]
    [Alias("f", "Filename")]
    [SupportsWildcards]
    public string[] Path { get; set; } = [];

    /// <summary>With directories: also read their subdirectories (kubectl -R).</summary>
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = ObjectSet)]
    [Alias("R")]
    public SwitchParameter Recurse { get; set; }

    /// <summary>YAML (or JSON) text, one or more documents per string.</summary>
    [Parameter(ParameterSetName = YamlSet, Mandatory = true)]
    public string[] Yaml { get; set; } = [];

    /// <summary>Objects to apply: API objects, files (Get-ChildItem), or lines of YAML text.</summary>
    [Parameter(ParameterSetName = ObjectSet, Mandatory = true, ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>Namespace of objects that name none; an object naming another namespace is an error.</summary>
    [Parameter]
    [Alias("Ns")]
    [ArgumentCompleter(typeof(Completion.NamespaceCompleter))]
    public override string? Namespace { get; set; }

    /// <summary>Server-side apply (PATCH application/apply-patch+yaml) instead of kubectl's client-side apply.</summary>
    [Parameter]
    public SwitchParameter ServerSide { get; set; }

    /// <summary>The field manager name; default kubectl-client-side-apply, or kubectl with -ServerSide.</summary>
    [Parameter]
    public string? FieldManager { get; set; }

    /// <summary>Server-side apply: take over fields other managers own instead of failing with a conflict.</summary>
    [Parameter]
    public SwitchParameter ForceConflicts { get; set; }

    /// <summary>Client: compute locally and send no change; Server: the server checks everything but stores nothing.</summary>
    [Parameter]
    [ValidateSet("None", "Client", "Server")]
    public string DryRun { get; set; } = "None";

    /// <summary>Write the objects as the server returned them instead of the result lines.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void OnPipelineThread()
    {
        base.OnPipelineThread();
        if (ParameterSetName == PathSet && !ReferenceEquals(Path, _resolvedPaths))
        {
            _resolvedPaths = Path;
            _input.ResolvePaths(this, Path);
        }
    }

    protected override Task BeginProcessingAsync(CancellationToken cancel)
    {
        if (ForceConflicts && !ServerSide)
            throw new KubeException("-ForceConflicts only applies with -ServerSide", "KubeInvalidArguments", ErrorCategory.InvalidArgument);
        if (ServerSide && DryRun == "Client")
            throw new KubeException("-DryRun Client cannot be used with -ServerSide; use -DryRun Server", "KubeInvalidArguments", ErrorCategory.InvalidArgument);
        return Task.CompletedTask;
    }

    protected override Task ProcessRecordAsync(CancellationToken cancel)
    {
        if (ParameterSetName == YamlSet)
        {
            for (int i = 0; i < Yaml.Length; i++)
                _input.AddYaml(Yaml[i], Yaml.Length == 1 ? "the -Yaml text" : $"-Yaml text {i + 1}");
        }
        else if (ParameterSetName == ObjectSet && InputObject is not null)
        {
            _input.AddPiped(InputObject);
        }
        _input.ReadPendingFiles(Recurse);
        foreach (var error in _input.TakeErrors())
            PostError(error);
        return Task.CompletedTask;
    }

    protected override async Task EndProcessingAsync(CancellationToken cancel)
    {
        _input.FinishPipedText();
        _input.ReadPendingFiles(Recurse);
        foreach (var error in _input.TakeErrors())
            PostError(error);
        var objects = ApplyOrder.Sort(_input.Objects);
        if (objects.Count == 0)
        {
            if (_input.ErrorCount == 0)
                throw new KubeException("no objects passed to apply", "KubeNoObjects", ErrorCategory.InvalidArgument);
            return;
        }

        var target = ResolveTarget();
        var mode = Enum.Parse<DryRunMode>(DryRun);
        var applier = new Applier(target.Connection, new ApplyOptions
        {
            ServerSide = ServerSide,
            FieldManager = FieldManager,
            ForceConflicts = ForceConflicts,
            DryRun = mode,
            DefaultNamespace = target.Namespace,
            ExplicitNamespace = ExplicitNamespace,
        }, PostWarning);
        var action = ServerSide ? "Server-side apply" : "Apply (create or update)";
        var progress = objects.Count > 1 ? new Progress(this, "Applying objects") : null;
        try
        {
            for (int i = 0; i < objects.Count; i++)
            {
                var manifest = objects[i];
                var what = Describe(manifest, target.Namespace);
                progress?.Update($"{i} of {objects.Count} applied", i * 100 / objects.Count, what);
                if (!await ShouldProcessAsync(what, action, cancel).ConfigureAwait(false))
                    continue;
                try
                {
                    PostResult(await applier.ApplyAsync(manifest, cancel).ConfigureAwait(false), PassThru);
                }
                catch (KubeException e)
                {
                    PostError(e.ToErrorRecord());
                }
            }
        }
        finally
        {
            progress?.Complete();
        }
    }

    /// <summary>"deployment.apps/web in namespace demo", known without asking the server (-WhatIf sends nothing).</summary>
    private string Describe(ManifestObject manifest, string defaultNamespace)
    {
        var slash = manifest.ApiVersion.IndexOf('/');
        var group = slash < 0 ? "" : manifest.ApiVersion[..slash];
        var kind = manifest.Kind.ToLowerInvariant() + (group.Length == 0 ? "" : "." + group);
        var builtin = KindCatalog.All.FirstOrDefault(k => k.ApiVersion == manifest.ApiVersion && k.Kind == manifest.Kind);
        var clusterScoped = builtin is { Namespaced: false } || manifest.Kind is "CustomResourceDefinition" or "ClusterRole" or "ClusterRoleBinding" or "StorageClass";
        var ns = manifest.Namespace ?? ExplicitNamespace ?? defaultNamespace;
        return clusterScoped ? $"{kind}/{manifest.Name}" : $"{kind}/{manifest.Name} in namespace {ns}";
    }
}
