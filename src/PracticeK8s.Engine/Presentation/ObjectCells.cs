using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Printing;

namespace PracticeK8s.Engine.Presentation;

/// <summary>
/// The kubectl cells of an API object, for the module's type data: each row is computed once by
/// the printing library and kept for a second (AGE text moves with the clock), so a table of
/// 10,000 pods costs one printer call per pod.
/// </summary>
public static class ObjectCells
{
    private sealed record Row(DateTime Computed, IReadOnlyList<string> Cells, IKindPrinter Printer);

    private static readonly ConditionalWeakTable<object, Row> s_rows = new();
    private static readonly TimeSpan s_fresh = TimeSpan.FromSeconds(1);

    /// <summary>The text of column <paramref name="index"/>; integer columns as numbers so they sort as numbers.</summary>
    public static object? Cell(object model, int index)
    {
        var row = RowOf(model);
        if (index >= row.Cells.Count)
            return null;
        var column = row.Printer.Columns[index];
        return column.Type == "integer" && long.TryParse(row.Cells[index], out var number) ? number : row.Cells[index];
    }

    private static Row RowOf(object model)
    {
        var now = DateTime.UtcNow;
        if (s_rows.TryGetValue(model, out var row) && now - row.Computed < s_fresh)
            return row;
        var printer = KubePrinters.For(model);
        row = new Row(now, printer.Cells(model, now), printer);
        s_rows.AddOrUpdate(model, row);
        return row;
    }

    public static string? Name(object model) => (model as IMetadata<V1ObjectMeta>)?.Metadata?.Name;

    /// <summary>The object's namespace; a Namespace object's is its own name (so it pipes into -Namespace).</summary>
    public static string? Namespace(object model) => model switch
    {
        V1Namespace ns => ns.Metadata?.Name,
        IMetadata<V1ObjectMeta> m => m.Metadata?.NamespaceProperty,
        _ => null,
    };

    public static TimeSpan? Age(object model) =>
        (model as IMetadata<V1ObjectMeta>)?.Metadata?.CreationTimestamp is DateTime created
            ? DateTime.UtcNow - DateTime.SpecifyKind(created, DateTimeKind.Utc)
            : null;

    public static string AgeText(object model) =>
        HumanDuration.Since((model as IMetadata<V1ObjectMeta>)?.Metadata?.CreationTimestamp, DateTime.UtcNow);

    /// <summary>The total restart count of a pod's containers.</summary>
    public static int Restarts(object model) =>
        model is V1Pod pod ? (pod.Status?.ContainerStatuses?.Sum(c => c.RestartCount) ?? 0) : 0;

    /// <summary>The label selector of a workload or service as text ("app=web"), so it pipes into -Selector; null for kinds that select nothing.</summary>
    public static string? LabelSelector(object model) => KindCatalog.Of(model)?.Selector?.Invoke(model);

    /// <summary>"pod/web-1", "deployment.apps/web": kubectl's name when several kinds are listed.</summary>
    public static string? KindName(object model)
    {
        if (model is not IKubernetesObject<V1ObjectMeta> obj)
            return null;
        var apiVersion = obj.ApiVersion ?? "";
        var slash = apiVersion.IndexOf('/');
        var group = slash < 0 ? "" : apiVersion[..slash];
        var kind = (obj.Kind ?? model.GetType().Name).ToLowerInvariant();
        return (group.Length == 0 ? kind : $"{kind}.{group}") + "/" + obj.Metadata?.Name;
    }

    /// <summary>The API's own status object (the Status property of the module's objects is kubectl's STATUS text where a kind has one).</summary>
    public static object? ApiStatus(object model) => model.GetType().GetProperty("Status")?.GetValue(model);
}
