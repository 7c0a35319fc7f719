using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;

namespace PracticeK8s.Printing;

/// <summary>What a server puts in each row's "object" (the <c>includeObject</c> query parameter).</summary>
public enum TableRowObject
{
    /// <summary>No object.</summary>
    None,

    /// <summary>A PartialObjectMetadata (the default; kubectl needs it for -A, -L and --show-labels).</summary>
    Metadata,

    /// <summary>The full object.</summary>
    Object,
}

/// <summary>One row of a Table: its cells (strings of integer columns are sent as numbers) and, unless null, what writes its "object".</summary>
public readonly record struct ServerTableRow(IReadOnlyList<object?> Cells, Action<Utf8JsonWriter>? WriteObject);

/// <summary>A Table's list metadata.</summary>
public readonly record struct ServerTableMetadata(long? ResourceVersion = null, string? Continue = null, long? RemainingItemCount = null);

/// <summary>
/// Writes the <c>meta.k8s.io/v1</c> Table a server returns for <c>Accept: application/json;as=Table;v=v1;g=meta.k8s.io</c>:
/// the sandbox serves its tables with it, from the same printers the module prints with, so a stock
/// kubectl shows exactly the columns and cells this library computes.
/// </summary>
public static class ServerTable
{
    /// <summary>
    /// Writes a Table: every column (kubectl hides priority-1 ones without -o wide) or, for a watch event
    /// after the first, <c>columnDefinitions: null</c>; one row per entry.
    /// </summary>
    public static void Write(Utf8JsonWriter w, IReadOnlyList<TableColumn> columns, IEnumerable<ServerTableRow> rows,
        ServerTableMetadata metadata, bool withColumns = true)
    {
        w.WriteStartObject();
        w.WriteString("kind", "Table");
        w.WriteString("apiVersion", "meta.k8s.io/v1");
        w.WriteStartObject("metadata");
        if (metadata.ResourceVersion is { } rv) w.WriteString("resourceVersion", rv.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (metadata.Continue is not null) w.WriteString("continue", metadata.Continue);
        if (metadata.RemainingItemCount is > 0) w.WriteNumber("remainingItemCount", metadata.RemainingItemCount.Value);
        w.WriteEndObject();
        if (withColumns)
        {
            w.WriteStartArray("columnDefinitions");
            foreach (var c in columns)
            {
                w.WriteStartObject();
                w.WriteString("name", c.ServerName);
                w.WriteString("type", c.Type);
                w.WriteString("format", c.Format);
                w.WriteString("description", c.Description);
                w.WriteNumber("priority", c.Priority);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        else w.WriteNull("columnDefinitions");
        w.WriteStartArray("rows");
        foreach (var row in rows)
        {
            w.WriteStartObject();
            w.WriteStartArray("cells");
            for (int i = 0; i < row.Cells.Count; i++) WriteCell(w, i < columns.Count ? columns[i] : null, row.Cells[i]);
            w.WriteEndArray();
            if (row.WriteObject is { } writeObject)
            {
                w.WritePropertyName("object");
                writeObject(w);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The Table of one kind's objects (models or JSON), with the caller's metadata left empty.</summary>
    public static JsonObject Build(IKindPrinter printer, IEnumerable<object> resources, DateTime nowUtc,
        TableRowObject rowObject = TableRowObject.Metadata)
    {
        var rows = resources.Select(r => new ServerTableRow(printer.Cells(r, nowUtc).Cast<object?>().ToList(),
            RowObject(r, rowObject) is { } obj ? w => obj.WriteTo(w) : null));
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer)) Write(w, printer.Columns, rows, default);
        return JsonNode.Parse(buffer.ToArray())!.AsObject();
    }

    private static void WriteCell(Utf8JsonWriter w, TableColumn? column, object? cell)
    {
        switch (cell)
        {
            case null: w.WriteNullValue(); break;
            case string s when column is not null && KubeTable.CellValue(column, s) is long number: w.WriteNumberValue(number); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int i: w.WriteNumberValue(i); break;
            case long l: w.WriteNumberValue(l); break;
            case double d: w.WriteNumberValue(d); break;
            case float f: w.WriteNumberValue(f); break;
            case decimal m: w.WriteNumberValue(m); break;
            default: w.WriteStringValue(cell.ToString()); break;
        }
    }

    private static JsonNode? RowObject(object resource, TableRowObject rowObject)
    {
        if (rowObject == TableRowObject.None) return null;
        var full = resource is JsonNode node ? node.DeepClone() : JsonNode.Parse(KubernetesJson.Serialize(resource));
        if (rowObject == TableRowObject.Object) return full;
        return new JsonObject
        {
            ["kind"] = "PartialObjectMetadata", ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = full?["metadata"]?.DeepClone() ?? new JsonObject(),
        };
    }
}
