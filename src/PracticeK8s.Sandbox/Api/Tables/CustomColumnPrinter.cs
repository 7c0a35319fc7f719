using System.Text.Json;
using PracticeK8s.Printing;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api.Tables;

/// <summary>A custom resource's table from its CRD's additionalPrinterColumns (simple JSONPath: <c>.spec.x[0].y</c>).</summary>
public sealed class CustomColumnPrinter(IReadOnlyList<CustomColumn> columns) : IRowPrinter
{
    public IReadOnlyList<TableColumn> Columns { get; } =
        new[] { NameAgePrinter.NameColumn }
            .Concat(columns.Select(c => new TableColumn(c.Name.ToUpperInvariant(), c.Name, c.Type == "date" ? "string" : c.Type, c.Priority, c.Description)
                { ServerName = c.Name, Format = c.Format }))
            .Concat(columns.Any(c => c.JsonPath == ".metadata.creationTimestamp") ? Array.Empty<TableColumn>()
                : new[] { new TableColumn("AGE", "Age", "string", 0, NameAgePrinter.AgeColumn.Description) { ServerName = "Age" } })
            .ToList();

    public IReadOnlyList<object?> Cells(StoredObject obj, DateTime nowUtc)
    {
        var cells = new List<object?> { obj.Name };
        foreach (var c in columns)
        {
            var v = Evaluate(obj.Root, c.JsonPath);
            cells.Add(c.Type == "date" && v is string s && DateTime.TryParse(s, null, System.Globalization.DateTimeStyles.AdjustToUniversal, out var t)
                ? Age.Human(nowUtc - t) : v);
        }
        if (!columns.Any(c => c.JsonPath == ".metadata.creationTimestamp")) cells.Add(Age.Since(obj, nowUtc));
        return cells;
    }

    private static object? Evaluate(JsonElement root, string path)
    {
        var e = root;
        foreach (var raw in path.TrimStart('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var seg = raw;
            int? index = null;
            var br = seg.IndexOf('[');
            if (br >= 0 && seg.EndsWith(']') && int.TryParse(seg[(br + 1)..^1], out var i)) { index = i; seg = seg[..br]; }
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(seg, out e)) return null;
            if (index is { } ix)
            {
                if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() <= ix) return null;
                e = e[ix];
            }
        }
        return e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => e.GetRawText(),
        };
    }
}
