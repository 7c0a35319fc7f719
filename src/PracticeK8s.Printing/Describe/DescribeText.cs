using System.Text;

namespace PracticeK8s.Printing.Describe;

/// <summary>Renders describe sections into kubectl's text: TAB-separated lines aligned by the describe tab writer.</summary>
internal static class DescribeText
{
    public static string Render(IEnumerable<DescribeSection> sections)
    {
        var raw = new StringBuilder();
        foreach (var section in sections) Write(section, raw);
        return TabWriter.FormatText(raw.ToString(), TabWriter.DescribeMinWidth, TabWriter.DescribePadding);
    }

    private static void Write(DescribeSection section, StringBuilder raw)
    {
        var indent = new string(' ', section.Indent);
        switch (section.Kind)
        {
            case DescribeSectionKind.Field:
                raw.Append(indent).Append(section.Label).Append(':').Append(section.Separator).Append(section.Value).Append('\n');
                foreach (var more in section.MoreValues)
                    raw.Append(' ', section.ContinuationIndent).Append('\t').Append(more).Append('\n');
                break;
            case DescribeSectionKind.Group:
                raw.Append(indent).Append(section.Label).Append(':');
                if (section.Value is not null) raw.Append(section.Separator).Append(section.Value);
                raw.Append('\n');
                foreach (var child in section.Children) Write(child, raw);
                break;
            case DescribeSectionKind.Table:
                if (section.Label.Length > 0)
                {
                    raw.Append(indent).Append(section.Label).Append(':');
                    if (section.Value is not null) raw.Append('\t').Append(section.Value);
                    raw.Append('\n');
                }
                var rowIndent = new string(' ', section.RowIndent);
                if (section.Columns.Count > 0) raw.Append(rowIndent).Append(string.Join('\t', section.Columns)).Append('\n');
                if (section.Underline is not null) raw.Append(rowIndent).Append(string.Join('\t', section.Underline)).Append('\n');
                foreach (var row in section.Rows)
                    raw.Append(rowIndent).Append(string.Join('\t', row.Select((cell, i) => i < section.PaddedColumns ? cell + " " : cell))).Append('\n');
                break;
            case DescribeSectionKind.Text:
                raw.Append(indent).Append(section.Label).Append('\n');
                break;
        }
    }
}
