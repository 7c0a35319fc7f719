using System.Text;

namespace PracticeK8s.Printing;

/// <summary>
/// Aligns a table whose rows arrive in batches (list pages, watch events) the way kubectl's tabwriter
/// aligns one batch: each column as wide as its widest cell plus padding, never below the minimum
/// width, the last cell written as it is. Widths only grow from batch to batch, so a later row is
/// never cut: it widens its column, and the rows already printed stay as they were.
/// </summary>
public sealed class GrowingTabWriter
{
    private readonly int _minWidth;
    private readonly int _padding;
    private readonly List<int> _widths = [];

    public GrowingTabWriter(int minWidth = TabWriter.TableMinWidth, int padding = TabWriter.TablePadding)
    {
        _minWidth = minWidth;
        _padding = padding;
    }

    /// <summary>The batch's lines (no line ending), widths computed over this batch and every one before it.</summary>
    public IReadOnlyList<string> Format(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        foreach (var row in rows)
        {
            for (int j = 0; j < row.Count - 1; j++)
            {
                var width = Math.Max(_minWidth, TabWriter.CellWidth(row[j]) + _padding);
                if (j == _widths.Count)
                    _widths.Add(width);
                else if (width > _widths[j])
                    _widths[j] = width;
            }
        }
        var lines = new string[rows.Count];
        var line = new StringBuilder();
        for (int i = 0; i < rows.Count; i++)
        {
            line.Clear();
            var row = rows[i];
            for (int j = 0; j < row.Count; j++)
            {
                line.Append(row[j]);
                if (j < row.Count - 1)
                    line.Append(' ', Math.Max(0, _widths[j] - TabWriter.CellWidth(row[j])));
            }
            lines[i] = line.ToString();
        }
        return lines;
    }
}
