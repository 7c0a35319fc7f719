using PracticeK8s.Printing;

namespace PracticeK8s.Engine.Presentation;

/// <summary>A whole table aligned as kubectl's tabwriter aligns one: the header line and one line per row.</summary>
public static class AlignedTable
{
    public static (string Header, IReadOnlyList<string> Lines) Align(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var lines = new GrowingTabWriter().Format([headers, .. rows]);
        return (lines[0], lines.Skip(1).ToArray());
    }
}
