namespace PracticeK8s.Printing.Describe;

/// <summary>
/// Collects describe sections in document order; <see cref="Group"/> opens a nesting level that lasts until the
/// returned scope is disposed. Indents are given in spaces, as kubectl writes them.
/// </summary>
internal sealed class DescribeBuilder(int kubectlMinorVersion = 32)
{
    /// <summary>The kubectl minor version whose layout is being written (see <see cref="DescribeInput.KubectlMinorVersion"/>).</summary>
    public int KubectlMinorVersion { get; } = kubectlMinorVersion;

    private readonly List<DescribeSection> root = [];
    private readonly Stack<(string Label, string? Value, int Indent, string Separator, List<DescribeSection> Children)> open = new();

    private List<DescribeSection> Current => open.Count == 0 ? root : open.Peek().Children;

    public IReadOnlyList<DescribeSection> Build()
    {
        while (open.Count > 0) Close();
        return root;
    }

    /// <summary>"Label:" TAB value.</summary>
    public void Field(int indent, string label, string? value) =>
        Current.Add(new DescribeSection { Kind = DescribeSectionKind.Field, Label = label, Value = value ?? "", Indent = indent });

    /// <summary>"Label: value" with a space instead of a tab, so the line does not take part in alignment.</summary>
    public void InlineField(int indent, string label, string value) =>
        Current.Add(new DescribeSection { Kind = DescribeSectionKind.Field, Label = label, Value = value, Indent = indent, Separator = " " });

    /// <summary>"Label:" TAB first value, then TAB-prefixed further values; "&lt;none&gt;" when there are none.</summary>
    public void MultiLine(int indent, string label, IReadOnlyList<string> values, int continuationIndent = 0) =>
        Current.Add(new DescribeSection
        {
            Kind = DescribeSectionKind.Field, Label = label, Indent = indent, ContinuationIndent = continuationIndent,
            Value = values.Count == 0 ? KubeFormat.None : values[0],
            MoreValues = values.Skip(1).ToArray(),
        });

    /// <summary>Opens "Label:" (with an optional value after <paramref name="separator"/>); children follow until disposed.</summary>
    public IDisposable Group(int indent, string label, string? value = null, string separator = "\t")
    {
        open.Push((label, value, indent, separator, []));
        return new Scope(this);
    }

    /// <summary>A table with an optional heading; rows are written at <paramref name="rowIndent"/> spaces.</summary>
    public void Table(int indent, string? label, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows,
        int rowIndent, bool underline = true, int paddedColumns = 0, string? value = null, IReadOnlyList<string>? underlineCells = null) =>
        Current.Add(new DescribeSection
        {
            Kind = DescribeSectionKind.Table, Label = label ?? "", Value = value, Indent = indent, Columns = columns,
            Rows = rows.ToArray(), RowIndent = rowIndent, PaddedColumns = paddedColumns,
            Underline = underline ? underlineCells ?? columns.Select(c => new string('-', c.Length)).ToArray() : null,
        });

    /// <summary>Adds a section built by the caller (for layouts the helpers do not cover).</summary>
    public void Add(DescribeSection section) => Current.Add(section);

    /// <summary>A plain line.</summary>
    public void Text(int indent, string text) =>
        Current.Add(new DescribeSection { Kind = DescribeSectionKind.Text, Label = text, Indent = indent });

    private void Close()
    {
        var (label, value, indent, separator, children) = open.Pop();
        Current.Add(new DescribeSection
        {
            Kind = DescribeSectionKind.Group, Label = label, Value = value, Indent = indent, Separator = separator, Children = children,
        });
    }

    private sealed class Scope(DescribeBuilder builder) : IDisposable
    {
        private bool closed;

        public void Dispose()
        {
            if (closed) return;
            closed = true;
            builder.Close();
        }
    }
}
