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

/// <summary>
/// Builds the <c>meta.k8s.io/v1</c> Table a server returns for <c>Accept: application/json;as=Table;v=v1;g=meta.k8s.io</c>,
/// from the same printers, so a stock kubectl shows exactly the columns and cells this library computes.
/// </summary>
public static class ServerTable
{
    /// <summary>
    /// The Table for one kind: every column (kubectl hides priority-1 ones without -o wide), one row per object,
    /// integer columns as JSON numbers. The caller sets metadata such as resourceVersion and continue.
    /// </summary>
    public static JsonObject Build(IKindPrinter printer, IEnumerable<object> resources, DateTime nowUtc,
        TableRowObject rowObject = TableRowObject.Metadata)
    {
        var columns = new JsonArray();
        foreach (var column in printer.Columns)
            columns.Add(new JsonObject
            {
                ["name"] = column.ServerName, ["type"] = column.Type, ["format"] = column.Format,
                ["description"] = column.Description, ["priority"] = column.Priority,
            });

        var rows = new JsonArray();
        foreach (var resource in resources)
        {
            var cells = new JsonArray();
            var texts = printer.Cells(resource, nowUtc);
            for (int i = 0; i < texts.Count; i++)
                cells.Add(KubeTable.CellValue(printer.Columns[i], texts[i]) is long number ? JsonValue.Create(number) : JsonValue.Create(texts[i]));
            var row = new JsonObject { ["cells"] = cells };
            if (RowObject(resource, rowObject) is { } obj) row["object"] = obj;
            rows.Add(row);
        }

        return new JsonObject
        {
            ["kind"] = "Table", ["apiVersion"] = "meta.k8s.io/v1", ["metadata"] = new JsonObject(),
            ["columnDefinitions"] = columns, ["rows"] = rows,
        };
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
