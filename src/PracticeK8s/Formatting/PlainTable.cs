using System.Management.Automation;
using PracticeK8s.Cmdlets.Get;
using PracticeK8s.Engine.Presentation;

namespace PracticeK8s.Formatting;

/// <summary>
/// kubectl's table style for a cmdlet's whole, small output (api-resources, can-i --list): each object
/// gets its aligned line, the header and the table's identity, printed by the same default view as the
/// Get cmdlets' rows (KubeTableRow), so every table reads alike and no cell is cut.
/// </summary>
public static class PlainTable
{
    /// <summary>One decoration per row, in order, to give <c>PostObject</c>.</summary>
    public static IReadOnlyList<Action<PSObject>> Decorations(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var (header, lines) = AlignedTable.Align(headers, rows);
        var id = "plain-" + Guid.NewGuid().ToString("N");
        return lines.Select(line => (Action<PSObject>)(ps =>
        {
            ps.TypeNames.Insert(0, GetKubeObjectCommand.TableRowTypeName);
            ApiObjectAdapter.AddTableLine(ps, "KubeTableText", line);
            ApiObjectAdapter.AddTableLine(ps, "KubeTableHeader", header);
            ApiObjectAdapter.AddTableLine(ps, "KubeTableId", id);
        })).ToList();
    }
}
