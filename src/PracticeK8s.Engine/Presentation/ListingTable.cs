using System.Management.Automation;
using PracticeK8s.Engine.Yaml;
using PracticeK8s.Printing;

namespace PracticeK8s.Engine.Presentation;

/// <summary>
/// One kind's kubectl get table, printed as its objects arrive (list pages, then watch events):
/// returns, per object, the line to print for it. The first object written carries the header
/// line before its own (and, for the second kind of a get-all listing onwards, a blank line before
/// that). Column widths are computed over each batch and only grow, so no cell is ever cut.
/// </summary>
public sealed class ListingTable
{
    private readonly TableOptions _options;
    private readonly GrowingTabWriter _writer = new();
    private bool _blankLineFirst;
    private bool _headerWritten;

    public ListingTable(bool wide, bool withNamespace, bool showKind, bool blankLineFirst)
    {
        _options = new TableOptions { Wide = wide, WithNamespace = withNamespace, ShowKind = showKind };
        _blankLineFirst = blankLineFirst;
    }

    /// <summary>Whether any line has been returned yet.</summary>
    public bool Started => _headerWritten;

    /// <summary>The lines of a batch of objects of this table's kind, one per object.</summary>
    public IReadOnlyList<string> Lines(IReadOnlyList<object> objects, DateTime nowUtc)
    {
        if (objects.Count == 0)
            return [];
        // Objects of kinds without a model are PSCustomObjects; the printers read their JSON.
        var printable = objects.Select(o => o is PSObject { BaseObject: PSCustomObject } generic ? PSObjectJson.ToJson(generic) ?? o : o).ToList();
        var printer = KubePrinters.For(printable[0]);
        var rows = KubeTable.Rows(printer, printable, nowUtc, _options with { NoHeaders = _headerWritten });
        var lines = _writer.Format(rows);
        if (_headerWritten)
            return lines;
        var result = lines.Skip(1).ToArray();
        result[0] = (_blankLineFirst ? "\n" : "") + lines[0] + "\n" + result[0];
        _headerWritten = true;
        _blankLineFirst = false;
        return result;
    }
}
