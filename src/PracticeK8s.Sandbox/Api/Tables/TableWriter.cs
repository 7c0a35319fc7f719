using System.Text.Json;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api.Tables;

/// <summary>Writes <c>meta.k8s.io/v1 Table</c> objects (lists, single objects, watch event payloads).</summary>
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
            w.WriteStartObject();
            w.WriteString("kind", "Table");
            w.WriteString("apiVersion", "meta.k8s.io/v1");
            w.WriteStartObject("metadata");
            if (resourceVersion is { } rv) w.WriteString("resourceVersion", rv.ToString());
            if (continueToken is not null) w.WriteString("continue", continueToken);
            if (remaining is > 0) w.WriteNumber("remainingItemCount", remaining.Value);
            w.WriteEndObject();
            if (withColumns)
            {
                w.WriteStartArray("columnDefinitions");
                foreach (var c in printer.Columns)
                {
                    w.WriteStartObject();
                    w.WriteString("name", c.Name);
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
            foreach (var o in items)
            {
                w.WriteStartObject();
                w.WriteStartArray("cells");
                foreach (var cell in printer.Cells(o, now)) WriteCell(w, cell);
                w.WriteEndArray();
                WriteRowObject(w, o, includeObject);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return ms.ToArray();
    }

    private static void WriteRowObject(Utf8JsonWriter w, StoredObject o, string includeObject)
    {
        switch (includeObject)
        {
            case "None": return;
            case "Object":
                w.WritePropertyName("object");
                w.WriteRawValue(o.Json, skipInputValidation: true);
                return;
            default:
                w.WriteStartObject("object");
                w.WriteString("kind", "PartialObjectMetadata");
                w.WriteString("apiVersion", "meta.k8s.io/v1");
                w.WritePropertyName("metadata");
                o.Metadata.WriteTo(w);
                w.WriteEndObject();
                return;
        }
    }

    private static void WriteCell(Utf8JsonWriter w, object? cell)
    {
        switch (cell)
        {
            case null: w.WriteNullValue(); break;
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
}
