namespace PracticeK8s.Printing;

/// <summary>What a describe section holds.</summary>
public enum DescribeSectionKind
{
    /// <summary>"Label:" TAB value, possibly with further value lines (labels, annotations, taints, tolerations).</summary>
    Field,

    /// <summary>"Label:" on its own line (sometimes with a value), followed by child sections.</summary>
    Group,

    /// <summary>A table: an optional "Label:" heading, a header row, an optional underline row, then rows.</summary>
    Table,

    /// <summary>A line of plain text (no alignment), e.g. "Desired Number of Nodes Scheduled: 3" or a blank line.</summary>
    Text,
}

/// <summary>
/// One part of a <c>kubectl describe</c> text in structured form (what <c>Show-KubeResource -AsObject</c> returns).
/// The text is rendered from these sections, so the two never disagree.
/// </summary>
public sealed class DescribeSection
{
    public DescribeSectionKind Kind { get; init; }

    /// <summary>The label without its colon ("Name", "Containers"); for Text, the text itself.</summary>
    public string Label { get; init; } = "";

    /// <summary>The value: a Field's (first) value, or the value shown on a Group/Table heading line.</summary>
    public string? Value { get; init; }

    /// <summary>A Field's further value lines, each aligned under the first value.</summary>
    public IReadOnlyList<string> MoreValues { get; init; } = [];

    /// <summary>A Group's sections.</summary>
    public IReadOnlyList<DescribeSection> Children { get; init; } = [];

    /// <summary>A Table's header cells.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>A Table's data rows.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; init; } = [];

    /// <summary>Spaces before the label (kubectl's indent level × 2, or 3 for containers inside a pod template).</summary>
    public int Indent { get; init; }

    // Rendering details that mirror kubectl's irregular layouts.
    internal string Separator { get; init; } = "\t";
    internal int ContinuationIndent { get; init; }
    internal int RowIndent { get; init; }
    internal IReadOnlyList<string>? Underline { get; init; }
    internal int PaddedColumns { get; init; }

    /// <summary>The sections below this one (itself excluded) in document order.</summary>
    public IEnumerable<DescribeSection> Descendants() => Children.SelectMany(c => c.Descendants().Prepend(c));

    public override string ToString() => Value is null ? Label : $"{Label}: {Value}";
}
