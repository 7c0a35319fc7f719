using System.Management.Automation;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Presentation;
using PracticeK8s.Engine.Presentation.Views;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Formatting;

namespace PracticeK8s.Cmdlets.Get;

/// <summary>
/// kubectl get for one or more kinds: names with wildcards, label and field selectors, all
/// namespaces, and -Watch. Lists stream page by page, each object written as its page arrives.
/// Piped objects narrow the scope (a Deployment's pods, a Node's pods, a Namespace's objects).
/// </summary>
public abstract class GetKubeObjectCommand : KubeCmdlet
{
    /// <summary>Names to get; wildcards filter the list.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(Completion.ObjectNameCompleter))]
    public virtual string[]? Name { get; set; }

    /// <summary>List across all namespaces (kubectl -A).</summary>
    [Parameter]
    [Alias("A")]
    public SwitchParameter AllNamespaces { get; set; }

    /// <summary>A label selector: a string ("app=web,tier!=db") or a hashtable of labels.</summary>
    [Parameter]
    [Alias("l", "LabelSelector")]
    public object? Selector { get; set; }

    /// <summary>A field selector ("status.phase=Running"; several conditions as a comma list).</summary>
    [Parameter]
    public object? FieldSelector { get; set; }

    /// <summary>After listing, keep streaming changes until Ctrl+C (kubectl get -w).</summary>
    [Parameter]
    [Alias("w")]
    public SwitchParameter Watch { get; set; }

    /// <summary>With several kinds (-Kind all): print kubectl's -o wide columns in each kind's table.</summary>
    protected bool WideMixedTables { get; set; }

    /// <summary>Objects from the pipeline: names, or objects whose related objects to get.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>The kinds this call lists (one for the typed cmdlets).</summary>
    protected abstract Task<IReadOnlyList<ResourceKind>> KindsAsync(KubeTarget target, CancellationToken cancel);

    /// <summary>Extra field selector a cmdlet adds (e.g. Get-KubePod -Node).</summary>
    protected virtual string? ExtraFieldSelector => null;

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var target = ResolveTarget();
        var kinds = await KindsAsync(target, cancel).ConfigureAwait(false);
        var scope = PipelineScope.From(InputObject, kinds.Count == 1 ? kinds[0] : null);
        if (scope.Skip)
            return;
        var names = NameFilter.Of(scope.Names ?? Name);
        var labelSelector = Join(Selectors.FromArgument(Selector), scope.LabelSelector);
        var fieldSelector = Join(Join(Selectors.FromArgument(FieldSelector), ExtraFieldSelector), scope.FieldSelector);
        var allNamespaces = AllNamespaces || scope.AllNamespaces;
        var ns = scope.Namespace ?? target.Namespace;
        var client = new KubeResourceClient(target.Connection);
        bool several = kinds.Count > 1;
        bool firstKindPrinted = false;
        int listed = 0;

        foreach (var kind in kinds)
        {
            var listNs = kind.Namespaced && !allNamespaces ? ns : null;
            var decoration = Decoration(kind, allNamespaces && kind.Namespaced, several);
            var exact = names?.Exact ?? [];
            if (names is { OnlyExact: true } && labelSelector is null && fieldSelector is null && !Watch && !allNamespaces)
            {
                foreach (var name in exact)
                {
                    try
                    {
                        PostObject(await client.GetAsync(kind, listNs, name, cancel).ConfigureAwait(false), ps => Decorate(ps, decoration));
                    }
                    catch (KubeApiException e) when (e.IsNotFound)
                    {
                        PostError(NotFound(kind, name, e));
                    }
                    catch (KubeApiException e)
                    {
                        // One name failing (forbidden, a server error) does not stop the others.
                        PostError(e.ToErrorRecord(name));
                    }
                }
                continue;
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var options = new ListOptions { LabelSelector = labelSelector, FieldSelector = fieldSelector };
            // Several kinds print as kubectl's table per kind, which needs the kind's whole list for its widths.
            var buffered = several && !Watch ? new List<object>() : null;
            var position = new ListPosition();
            await foreach (var obj in client.ListAsync(kind, listNs, options, cancel, position).ConfigureAwait(false))
            {
                var objName = ObjectCells.Name(obj) ?? ObjectFacts.Of(obj)?.Name ?? "";
                if (names is null || names.Matches(objName))
                {
                    seen.Add(objName);
                    listed++;
                    if (buffered is not null)
                        buffered.Add(obj);
                    else
                        PostObject(obj, ps => Decorate(ps, decoration));
                }
            }
            if (buffered is { Count: > 0 })
            {
                var lines = MixedTable.Lines(buffered, WideMixedTables, allNamespaces && kind.Namespaced, !firstKindPrinted);
                firstKindPrinted = true;
                for (int i = 0; i < buffered.Count; i++)
                {
                    var line = lines[i];
                    PostObject(buffered[i], ps =>
                    {
                        Decorate(ps, decoration);
                        ps.TypeNames.Insert(0, MixedTableTypeName);
                        ApiObjectAdapter.AddNote(ps, "KubeTableText", line);
                    });
                }
            }
            foreach (var name in exact.Where(n => !seen.Contains(n)))
                PostError(NotFound(kind, name, null));

            if (kind == kinds[^1] && listed == 0 && names is null && InputObject is null && !Watch)
                PostNotice(NoResourcesFound(kinds, allNamespaces, ns));

            if (Watch)
            {
                await foreach (var change in client.WatchAsync(kind, listNs, options, position.ResourceVersion, cancel).ConfigureAwait(false))
                {
                    var objName = ObjectCells.Name(change.Object) ?? ObjectFacts.Of(change.Object)?.Name ?? "";
                    if (names is not null && !names.Matches(objName))
                        continue;
                    var type = change.Type;
                    PostObject(change.Object, ps =>
                    {
                        Decorate(ps, decoration);
                        ApiObjectAdapter.AddNote(ps, "WatchEvent", type);
                    });
                }
            }
        }
    }

    /// <summary>The type name of objects printed as part of a several-kinds listing (a custom view prints KubeTableText).</summary>
    public const string MixedTableTypeName = "PracticeK8s.KubeTableRow";

    /// <summary>kubectl's line for an empty listing (it writes it to stderr; here the information stream).</summary>
    private static string NoResourcesFound(IReadOnlyList<ResourceKind> kinds, bool allNamespaces, string? ns) =>
        !allNamespaces && kinds.Any(k => k.Namespaced) && !string.IsNullOrEmpty(ns)
            ? $"No resources found in {ns} namespace."
            : "No resources found";

    private static ErrorRecord NotFound(ResourceKind kind, string name, KubeApiException? inner) => ObjectNotFound.Of(kind, name, inner).ToErrorRecord(name);

    private static string? Join(string? a, string? b) =>
        string.IsNullOrEmpty(a) ? (string.IsNullOrEmpty(b) ? null : b) : string.IsNullOrEmpty(b) ? a : $"{a},{b}";

    /// <summary>The type name inserted first so the format file picks the right view.</summary>
    private static string? Decoration(ResourceKind kind, bool allNamespaces, bool several) => (allNamespaces, several) switch
    {
        (true, true) => "#WithKindAllNamespaces",
        (true, false) => "#AllNamespaces",
        (false, true) => "#WithKind",
        _ => null,
    };

    private static void Decorate(PSObject ps, string? decoration)
    {
        // Views are keyed by their model's name (k8s.Models.V1Pod#AllNamespaces), the type after the view's own.
        var typeName = ps.TypeNames.FirstOrDefault(n => !n.StartsWith(ApiObjectViews.Namespace + ".", StringComparison.Ordinal));
        if (decoration is not null && typeName is not null)
            ps.TypeNames.Insert(0, typeName + decoration);
    }
}
