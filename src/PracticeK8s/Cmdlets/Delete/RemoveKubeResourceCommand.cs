using System.Management.Automation;
using PracticeK8s.Cmdlets.Write;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Targets;

namespace PracticeK8s.Cmdlets.Delete;

/// <summary>kubectl delete for any kind: by kind and name, by label selector, from manifest files, or piped objects of any Get cmdlet.</summary>
[Cmdlet(VerbsCommon.Remove, "KubeResource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
[OutputType("PracticeK8s.Engine.Changes.ChangeResult")]
public sealed class RemoveKubeResourceCommand : RemoveKubeObjectCommand
{
    private const string NameSet = "Name";
    private const string SelectorSet = "Selector";
    private const string PathSet = "Path";
    private const string ObjectSet = "Object";

    private readonly ManifestInput _input = new("delete");
    private string[]? _resolvedPaths;
    private bool _warnedClusterScoped;

    /// <summary>The kind: kind, plural, short name, optionally group-qualified ("deployments.apps").</summary>
    [Parameter(ParameterSetName = NameSet, Mandatory = true, Position = 0)]
    [Parameter(ParameterSetName = SelectorSet, Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(KindCompleter))]
    public string Kind { get; set; } = "";

    /// <summary>Names to delete; wildcards match against the current list.</summary>
    [Parameter(ParameterSetName = NameSet, Mandatory = true, Position = 1)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ObjectNameCompleter))]
    public string[] Name { get; set; } = [];

    /// <summary>A label selector: "app=web,tier!=db" or a hashtable of labels.</summary>
    [Parameter(ParameterSetName = SelectorSet, Mandatory = true)]
    [Alias("l", "LabelSelector")]
    public object? Selector { get; set; }

    /// <summary>A field selector that further narrows a selector delete ("status.phase=Failed").</summary>
    [Parameter(ParameterSetName = SelectorSet)]
    public object? FieldSelector { get; set; }

    /// <summary>Manifest files or directories (wildcards allowed; "-" is standard input): delete the objects they describe.</summary>
    [Parameter(ParameterSetName = PathSet, Mandatory = true)]
    [Alias("f", "Filename")]
    [SupportsWildcards]
    public string[] Path { get; set; } = [];

    /// <summary>With directories: also read their subdirectories.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = ObjectSet)]
    [Alias("R")]
    public SwitchParameter Recurse { get; set; }

    /// <summary>Objects to delete, from any Get cmdlet or ConvertFrom-KubeYaml; piped files (Get-ChildItem) are read as manifests.</summary>
    [Parameter(ParameterSetName = ObjectSet, Mandatory = true, ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    protected override void OnPipelineThread()
    {
        base.OnPipelineThread();
        if (ParameterSetName == PathSet && !ReferenceEquals(Path, _resolvedPaths))
        {
            _resolvedPaths = Path;
            _input.ResolvePaths(this, Path);
        }
    }

    private readonly List<ObjectTarget> _piped = [];

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var session = ResolveTarget();
        switch (ParameterSetName)
        {
            case NameSet:
            {
                var kind = await ResolveKindAsync(session, Kind, cancel).ConfigureAwait(false);
                WarnClusterScoped(kind);
                var exact = Name.Where(n => !WildcardPattern.ContainsWildcardCharacters(n)).ToList();
                var wild = Name.Where(WildcardPattern.ContainsWildcardCharacters).ToList();
                var targets = exact.Select(n => new ObjectTarget(kind, kind.Namespaced ? session.Namespace : null, n)).ToList();
                await DeleteAsync(session, targets, asGroup: false, null, cancel).ConfigureAwait(false);
                if (wild.Count > 0)
                {
                    var matched = await MatchAsync(session, kind, session.Namespace, null, null, wild, cancel).ConfigureAwait(false);
                    await DeleteAsync(session, matched, asGroup: true, null, cancel).ConfigureAwait(false);
                }
                break;
            }
            case SelectorSet:
            {
                var kind = await ResolveKindAsync(session, Kind, cancel).ConfigureAwait(false);
                WarnClusterScoped(kind);
                var matched = await MatchAsync(session, kind, session.Namespace, Selectors.FromArgument(Selector), Selectors.FromArgument(FieldSelector), null, cancel).ConfigureAwait(false);
                if (matched.Count == 0)
                    PostVerbose(kind.Namespaced ? $"No resources found in {session.Namespace} namespace." : "No resources found");
                await DeleteAsync(session, matched, asGroup: true, null, cancel).ConfigureAwait(false);
                break;
            }
            case PathSet:
            {
                _input.ReadPendingFiles(Recurse);
                foreach (var error in _input.TakeErrors())
                    PostError(error);
                break;
            }
            case ObjectSet when InputObject?.BaseObject is FileSystemInfo file:
            {
                _input.AddFile(file.FullName);
                _input.ReadPendingFiles(Recurse);
                foreach (var error in _input.TakeErrors())
                    PostError(error);
                break;
            }
            case ObjectSet when InputObject is not null:
            {
                try
                {
                    var reference = InputReference.From(InputObject);
                    if (reference.Kind is null || reference.ApiVersion is null)
                        throw new KubeException("the input object has no apiVersion and kind; use a typed cmdlet such as Remove-KubePod, or -Kind and -Name",
                            "KubeInputInvalid", ErrorCategory.InvalidArgument, InputObject);
                    var kind = await Discovery.For(session.Connection).ForObjectAsync(reference.ApiVersion, reference.Kind, cancel).ConfigureAwait(false);
                    // Deleted at the end of the pipeline: several piped objects are asked about once, as a group.
                    _piped.Add(new ObjectTarget(kind, kind.Namespaced ? reference.Namespace ?? session.Namespace : null, reference.Name));
                }
                catch (KubeException e)
                {
                    PostError(e.ToErrorRecord(InputObject));
                }
                break;
            }
        }
    }

    protected override async Task EndProcessingAsync(CancellationToken cancel)
    {
        if (_piped.Count > 0)
            await DeleteAsync(ResolveTarget(), _piped, asGroup: true, null, cancel).ConfigureAwait(false);
        if (ParameterSetName is PathSet or ObjectSet)
        {
            _input.ReadPendingFiles(Recurse);
            foreach (var error in _input.TakeErrors())
                PostError(error);
            var session = ResolveTarget();
            var discovery = Discovery.For(session.Connection);
            foreach (var manifest in _input.Objects)
            {
                try
                {
                    var kind = await discovery.ForObjectAsync(manifest.ApiVersion, manifest.Kind, cancel).ConfigureAwait(false);
                    var ns = Engine.Apply.NamespacePlacement.Place((System.Text.Json.Nodes.JsonObject)manifest.Object.DeepClone(), kind.Namespaced,
                        session.Namespace, ExplicitNamespace, manifest.Source);
                    await DeleteAsync(session, [new ObjectTarget(kind, ns, manifest.Name)], asGroup: false, manifest.Source.ToString(), cancel).ConfigureAwait(false);
                }
                catch (KubeException e)
                {
                    PostError(new KubeException($"error when deleting {manifest.Describe()}: {e.Message}", e.ErrorId, e.Category, manifest.Source.ToString(), e)
                        .ToErrorRecord());
                }
            }
        }
        await base.EndProcessingAsync(cancel).ConfigureAwait(false);
    }

    private static async Task<ResourceKind> ResolveKindAsync(KubeTarget session, string name, CancellationToken cancel)
    {
        var kinds = await Discovery.For(session.Connection).ResolveAsync(name, cancel).ConfigureAwait(false);
        if (kinds.Count != 1)
            throw new KubeException($"\"{name}\" names several kinds ({string.Join(", ", kinds)}); delete one kind at a time", "KubeInvalidArguments", ErrorCategory.InvalidArgument, name);
        return kinds[0];
    }

    private void WarnClusterScoped(ResourceKind kind)
    {
        if (!kind.Namespaced && ExplicitNamespace is not null && !_warnedClusterScoped)
        {
            _warnedClusterScoped = true;
            PostWarning("deleting cluster-scoped resources, not scoped to the provided namespace");
        }
    }
}
