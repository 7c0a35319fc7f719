using System.Text.Json;
using PracticeK8s.Printing;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api.Tables;

/// <summary>Writes <c>meta.k8s.io/v1 Table</c> objects (lists, single objects, watch event payloads) with the printing library's <see cref="ServerTable"/>.</summary>
public static class TableWriter
{
    public static byte[] Write(ResourceDefinition def, IReadOnlyList<StoredObject> items, string includeObject,
        long? resourceVersion, string? continueToken, long? remaining, bool withColumns = true)
    {
        var printer = TablePrinters.For(def);
        var now = DateTime.UtcNow;
        var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Storage.JsonOutput.Writer))
        {
            ServerTable.Write(w, printer.Columns,
                items.Select(o => new ServerTableRow(printer.Cells(o, now), RowObject(o, includeObject))),
                new ServerTableMetadata(resourceVersion, continueToken, remaining), withColumns);
        }
        return ms.ToArray();
    }

    private static Action<Utf8JsonWriter>? RowObject(StoredObject o, string includeObject) => includeObject switch
    {
        "None" => null,
        "Object" => w => w.WriteRawValue(o.Json, skipInputValidation: true),
        _ => w =>
        {
            w.WriteStartObject();
            w.WriteString("kind", "PartialObjectMetadata");
            w.WriteString("apiVersion", "meta.k8s.io/v1");
            w.WritePropertyName("metadata");
            o.Metadata.WriteTo(w);
            w.WriteEndObject();
        },
    };
}
