using System.Management.Automation;
using PracticeK8s.Engine.Yaml;
using PracticeK8s.Printing;

namespace PracticeK8s.Engine.Presentation;

/// <summary>
/// One kind's kubectl get table, printed as its objects arrive (list pages, then watch events):
/// the line of each object, and the header line aligned with them. Column widths are computed over
/// each batch and only grow, so no cell is ever cut. The header is not part of any object's line: the
/// view prints it before the first row it shows, so a filtered or sorted listing still has one.
/// </summary>
public sealed class ListingTable
{
    private static int s_lastId;
    private readonly TableOptions _options;
    private readonly GrowingTabWriter _writer = new();

    public ListingTable(bool wide, bool withNamespace, bool showKind, bool blankLineFirst)
    {
        _options = new TableOptions { Wide = wide, WithNamespace = withNamespace, ShowKind = showKind };
        BlankLineFirst = blankLineFirst;
        Id = Interlocked.Increment(ref s_lastId).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Tells this table's rows from another's (the view starts a new table, with its header, when it changes).</summary>
    public string Id { get; }

    /// <summary>Whether a blank line goes before the header (the second kind of a get-all listing onwards).</summary>
    public bool BlankLineFirst { get; }

    /// <summary>The header line aligned as the last batch's lines; null before the first batch.</summary>
    public string? Header { get; private set; }

    /// <summary>The lines of a batch of objects of this table's kind, one per object.</summary>
    public IReadOnlyList<string> Lines(IReadOnlyList<object> objects, DateTime nowUtc)
    {
        if (objects.Count == 0)
            return [];
        // Objects of kinds without a model are PSCustomObjects; the printers read their JSON.
        var printable = objects.Select(o => o is PSObject { BaseObject: PSCustomObject } generic ? PSObjectJson.ToJson(generic) ?? o : o).ToList();
        var printer = KubePrinters.For(printable[0]);
        var rows = KubeTable.Rows(printer, printable, nowUtc, _options);
        var lines = _writer.Format(rows);
        Header = lines[0];
        return lines.Skip(1).ToArray();
    }
}
