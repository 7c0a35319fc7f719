using System.Text;

namespace PracticeK8s.Printing;

/// <summary>
/// Aligns cells the way Go's text/tabwriter does (left-aligned, space padding, no flags), which is what
/// kubectl uses for tables (minwidth 6, padding 3) and describe text (minwidth 0, padding 2).
/// </summary>
/// <remarks>
/// Each row's cells except the last are "tab-terminated" and take part in alignment; the last cell is
/// written as it is. Column k is aligned over blocks of consecutive rows that have a k-th tab-terminated
/// cell; a row without one ends the block. Hand-written because .NET has no tabwriter equivalent.
/// </remarks>
public static class TabWriter
{
    /// <summary>kubectl get: minwidth 6, padding 3.</summary>
    public const int TableMinWidth = 6, TablePadding = 3;

    /// <summary>kubectl describe: minwidth 0, padding 2.</summary>
    public const int DescribeMinWidth = 0, DescribePadding = 2;

    /// <summary>Aligns the rows and returns the text, each line ending with "\n".</summary>
    public static string Format(IEnumerable<IReadOnlyList<string>> rows, int minWidth, int padding)
    {
        var lines = rows.Select(r => r.Count == 0 ? new[] { "" } : r.ToArray()).ToList();
        var output = new StringBuilder();
        var widths = new List<int>();
        FormatBlock(lines, 0, lines.Count, widths, minWidth, padding, output);
        return output.ToString();
    }

    /// <summary>Aligns text whose cells are separated by TABs and lines by "\n" (kubectl's writer input).</summary>
    public static string FormatText(string text, int minWidth, int padding)
    {
        bool endsWithNewline = text.EndsWith('\n');
        var body = endsWithNewline ? text[..^1] : text;
        var rows = body.Split('\n').Select(line => (IReadOnlyList<string>)line.Split('\t'));
        var result = Format(rows, minWidth, padding);
        return endsWithNewline ? result : result[..^1];
    }

    /// <summary>Width of a cell as Go counts it: Unicode code points.</summary>
    public static int CellWidth(string cell)
    {
        int width = 0;
        foreach (var ch in cell) if (!char.IsLowSurrogate(ch)) width++;
        return width;
    }

    // Mirrors tabwriter's recursive format(): find each block of lines that has a cell in the current
    // column, size that column over the block, then format the next column inside the block.
    private static void FormatBlock(List<string[]> lines, int first, int end, List<int> widths,
        int minWidth, int padding, StringBuilder output)
    {
        int column = widths.Count;
        int written = first;
        for (int row = first; row < end; row++)
        {
            if (column >= lines[row].Length - 1) continue;

            WriteLines(lines, written, row, widths, output);
            int blockStart = row;
            int width = minWidth;
            for (; row < end && column < lines[row].Length - 1; row++)
                width = Math.Max(width, CellWidth(lines[row][column]) + padding);

            widths.Add(width);
            FormatBlock(lines, blockStart, row, widths, minWidth, padding, output);
            widths.RemoveAt(widths.Count - 1);
            written = row; // the line that ended the block has no cell here, so the loop may step past it
        }
        WriteLines(lines, written, end, widths, output);
    }

    private static void WriteLines(List<string[]> lines, int first, int end, List<int> widths, StringBuilder output)
    {
        for (int i = first; i < end; i++)
        {
            var cells = lines[i];
            for (int j = 0; j < cells.Length; j++)
            {
                output.Append(cells[j]);
                if (j < widths.Count && j < cells.Length - 1)
                    output.Append(' ', Math.Max(0, widths[j] - CellWidth(cells[j])));
            }
            output.Append('\n');
        }
    }
}
