using System.Text.Json;
using PracticeK8s.Printing;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api.Tables;

/// <summary>A custom resource's table from its CRD's additionalPrinterColumns (the JSONPath subset of <see cref="PrinterJsonPath"/>).</summary>
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
        var results = PrinterJsonPath.Evaluate(root, path);
        if (results.Count == 0) return null;
        // several matches print as the API server prints them: space-separated
        if (results.Count > 1) return string.Join(" ", results.Select(r => r.ValueKind == JsonValueKind.String ? r.GetString() : r.GetRawText()));
        var e = results[0];
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
