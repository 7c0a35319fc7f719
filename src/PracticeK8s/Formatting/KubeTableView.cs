using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace PracticeK8s.Formatting;

/// <summary>
/// What the default view prints for a listed object: its line of kubectl's table, after the table's
/// header when a table starts. A table starts where the previous object the view printed belonged to
/// another table, or where an object is printed again (a variable shown twice, a sorted copy of a
/// listing already shown), so a filtered or sorted listing gets its header before its first row.
/// </summary>
/// <remarks>
/// The header cannot be one object's line (filtering could drop it, sorting would move it) and the
/// formatter's GroupBy prints a blank line under a group's header, which kubectl does not.
/// </remarks>
public static class KubeTableView
{
    private sealed class State
    {
        public string? TableId;
        // Weak, so a long -Watch or a large listing printed once is not kept alive by the view.
        public ConditionalWeakTable<object, object?> Printed = new();
    }

    private static readonly ConditionalWeakTable<Runspace, State> s_states = new();

    /// <summary>The text of one row (the -o wide row of a get-all listing with <paramref name="wide"/>).</summary>
    public static string Text(PSObject row, bool wide = false)
    {
        var line = ApiObjectAdapter.TableLine(row, wide ? "KubeTableWideText" : "KubeTableText") ?? "";
        var id = ApiObjectAdapter.TableLine(row, "KubeTableId");
        var runspace = Runspace.DefaultRunspace;
        if (runspace is null || id is null)
            return line;
        var state = s_states.GetValue(runspace, _ => new State());
        lock (state)
        {
            var key = (object)row.BaseObject is PSCustomObject ? row : row.BaseObject;
            if (state.TableId == id && state.Printed.TryAdd(key, null))
                return line;
            state.TableId = id;
            state.Printed.Clear();
            state.Printed.TryAdd(key, null);
        }
        var header = ApiObjectAdapter.TableLine(row, wide ? "KubeTableWideHeader" : "KubeTableHeader");
        return header is null ? line : header + "\n" + line;
    }
}
