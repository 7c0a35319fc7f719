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

    /// <summary>kubectl's -o wide columns in the printed table (the objects are the same).</summary>
    [Parameter]
    public SwitchParameter Wide { get; set; }

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
        // Namespaces piped in (Get-KubeNamespace | Get-KubePod) make one listing across namespaces, as -A does.
        var withNamespace = allNamespaces || scope.SpansNamespaces;
        var ns = scope.Namespace ?? target.Namespace;
        var client = new KubeResourceClient(target.Connection);
        bool several = kinds.Count > 1;
        int listed = 0;

        foreach (var kind in kinds)
        {
            var listNs = kind.Namespaced && !allNamespaces ? ns : null;
            var decoration = Decoration(kind, withNamespace && kind.Namespaced, several);
            var tables = Tables(kind, withNamespace && kind.Namespaced, several);
            var exact = names?.Exact ?? [];
            if (names is { OnlyExact: true } && labelSelector is null && fieldSelector is null && !Watch && !allNamespaces)
            {
                var found = new List<object>();
                foreach (var name in exact)
                {
                    try
                    {
                        found.Add(await client.GetAsync(kind, listNs, name, cancel).ConfigureAwait(false));
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
                PostRows(found, tables, decoration, null);
                continue;
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var options = new ListOptions { LabelSelector = labelSelector, FieldSelector = fieldSelector };
            var position = new ListPosition();
            await foreach (var page in client.ListPagesAsync(kind, listNs, options, cancel, position).ConfigureAwait(false))
            {
                var matching = new List<object>(page.Count);
                foreach (var obj in page)
                {
                    var objName = ObjectCells.Name(obj) ?? ObjectFacts.Of(obj)?.Name ?? "";
                    if (names is null || names.Matches(objName))
                    {
                        seen.Add(objName);
                        matching.Add(obj);
                    }
                }
                listed += matching.Count;
                PostRows(matching, tables, decoration, null);
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
                    PostRows([change.Object], tables, decoration, change.Type);
                }
            }
        }
    }

    /// <summary>The tables this call prints into, kept across piped records so a pipeline prints one table per kind.</summary>
    private readonly Dictionary<(ResourceKind Kind, bool WithNamespace), (ListingTable Shown, ListingTable? Wide)> _tables = [];

    private (ListingTable Shown, ListingTable? Wide) Tables(ResourceKind kind, bool withNamespace, bool several)
    {
        if (!_tables.TryGetValue((kind, withNamespace), out var tables))
        {
            // In a get-all listing, each kind's table after the first starts with a blank line.
            bool blankLine = several && _tables.Values.Any(t => t.Shown.Header is not null);
            tables = (new ListingTable(Wide, withNamespace, several, blankLine),
                several ? new ListingTable(true, withNamespace, several, blankLine) : null);
            _tables[(kind, withNamespace)] = tables;
        }
        return tables;
    }

    /// <summary>
    /// Writes a batch of objects, each carrying its line of kubectl's table (KubeTableText), its table's
    /// header line and identity (KubeTableHeader, KubeTableId: the view prints the header when a table
    /// starts) and, in a several-kinds listing, the same for -o wide (for Format-Table -View Wide).
    /// </summary>
    private void PostRows(IReadOnlyList<object> objects, (ListingTable Shown, ListingTable? Wide) tables, string? decoration, string? watchEvent)
    {
        if (objects.Count == 0)
            return;
        var now = DateTime.UtcNow;
        var lines = tables.Shown.Lines(objects, now);
        var header = HeaderText(tables.Shown);
        var wideLines = tables.Wide?.Lines(objects, now);
        var wideHeader = tables.Wide is null ? null : HeaderText(tables.Wide);
        for (int i = 0; i < objects.Count; i++)
        {
            var line = lines[i];
            var wideLine = wideLines?[i];
            PostObject(objects[i], ps =>
            {
                Decorate(ps, decoration);
                if (wideLine is not null)
                {
                    ps.TypeNames.Insert(0, MixedTableTypeName);
                    ApiObjectAdapter.AddTableLine(ps, "KubeTableWideText", wideLine);
                    ApiObjectAdapter.AddTableLine(ps, "KubeTableWideHeader", wideHeader!);
                }
                ps.TypeNames.Insert(0, TableRowTypeName);
                ApiObjectAdapter.AddTableLine(ps, "KubeTableText", line);
                ApiObjectAdapter.AddTableLine(ps, "KubeTableHeader", header);
                ApiObjectAdapter.AddTableLine(ps, "KubeTableId", tables.Shown.Id);
                if (watchEvent is not null)
                    ApiObjectAdapter.AddNote(ps, "WatchEvent", watchEvent);
            });
        }
    }

    private static string HeaderText(ListingTable table) => (table.BlankLineFirst ? "\n" : "") + table.Header;

    /// <summary>The type name of every listed object: its default view prints its KubeTableText line.</summary>
    public const string TableRowTypeName = "PracticeK8s.KubeTableRow";

    /// <summary>
    /// The type name of objects of a several-kinds listing: its table views (Default, Wide) print the
    /// pre-aligned lines, so Format-Table -View Wide shows every kind as its own table.
    /// </summary>
    public const string MixedTableTypeName = "PracticeK8s.KubeMixedTableRow";

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
