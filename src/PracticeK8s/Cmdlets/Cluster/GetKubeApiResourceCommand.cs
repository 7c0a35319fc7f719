using System.Management.Automation;
using PracticeK8s.Engine.Resources;

namespace PracticeK8s.Cmdlets.Cluster;

/// <summary>
/// kubectl api-resources: the resource types the server serves (preferred versions), filtered and
/// sorted as kubectl does; -Wide adds the verbs and categories.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KubeApiResource")]
[OutputType(typeof(ResourceKind))]
public sealed class GetKubeApiResourceCommand : KubeCmdlet
{
    /// <summary>Only this API group ("" for the core group, "apps", …).</summary>
    [Parameter]
    public string? ApiGroup { get; set; }

    /// <summary>Only namespaced types; -Namespaced:$false for cluster-scoped ones (kubectl --namespaced=false).</summary>
    [Parameter]
    public SwitchParameter Namespaced { get; set; }

    /// <summary>Only types that support all of these verbs (kubectl --verbs).</summary>
    [Parameter]
    public string[]? Verbs { get; set; }

    /// <summary>Only types in one of these categories (kubectl --categories), such as all.</summary>
    [Parameter]
    public string[]? Categories { get; set; }

    /// <summary>Sort by Name or Kind instead of API group.</summary>
    [Parameter]
    [ValidateSet("Name", "Kind")]
    public string? SortBy { get; set; }

    /// <summary>Add the VERBS and CATEGORIES columns (kubectl -o wide).</summary>
    [Parameter]
    public SwitchParameter Wide { get; set; }

    /// <summary>Ask the server again instead of using the session's cached discovery (a CRD just created).</summary>
    [Parameter]
    public SwitchParameter Refresh { get; set; }

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var target = ResolveTarget();
        var all = await Discovery.For(target.Connection).ResourcesAsync(cancel, refresh: Refresh).ConfigureAwait(false);
        var query = new ApiResourceQuery
        {
            ApiGroup = ApiGroup,
            Namespaced = MyInvocation.BoundParameters.ContainsKey(nameof(Namespaced)) ? Namespaced.IsPresent : null,
            Verbs = SplitList(Verbs),
            Categories = SplitList(Categories),
            SortBy = SortBy,
        };
        // Copies: the session's discovery cache keeps the originals, and each listing prints its own lines.
        var resources = query.Apply(all).Select(r => r with { }).ToList();
        string[] headers = Wide ? [.. Headers, "VERBS", "CATEGORIES"] : Headers;
        var decorations = Formatting.PlainTable.Decorations(headers, resources.Select(r => Cells(r, Wide)).ToList());
        for (int i = 0; i < resources.Count; i++)
            PostObject(resources[i], decorations[i]);
    }

    private static readonly string[] Headers = ["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"];

    /// <summary>kubectl's cells: short names comma-separated, namespaced as true/false, verbs and categories sorted.</summary>
    private static IReadOnlyList<string> Cells(ResourceKind r, bool wide)
    {
        List<string> cells = [r.Plural, string.Join(',', r.ShortNames), r.ApiVersion, r.Namespaced ? "true" : "false", r.Kind];
        if (wide)
        {
            cells.Add(string.Join(',', r.Verbs.Distinct().Order(StringComparer.Ordinal)));
            cells.Add(string.Join(',', r.Categories.Order(StringComparer.Ordinal)));
        }
        return cells;
    }

    private static IReadOnlyList<string> SplitList(string[]? values) =>
        values?.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList() ?? [];
}
