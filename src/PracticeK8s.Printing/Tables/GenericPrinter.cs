using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace PracticeK8s.Printing.Tables;

/// <summary>
/// NAME, AGE for any object with standard metadata: a typed model, or a JSON object (JsonElement/JsonNode),
/// e.g. a custom resource without printer columns.
/// </summary>
internal sealed class GenericPrinter : TablePrinter<object>
{
    public GenericPrinter() : base("", "")
    {
        NameColumn(r => Metadata(r).Name);
        AgeColumn(r => Metadata(r).Created);
    }

    private static (string? Name, DateTime? Created) Metadata(object resource) => resource switch
    {
        IMetadata<V1ObjectMeta> typed => (typed.Metadata?.Name, typed.Metadata?.CreationTimestamp),
        JsonElement element => FromJson(element),
        JsonNode node => FromJson(JsonSerializer.SerializeToElement(node)),
        _ => (null, null),
    };

    private static (string? Name, DateTime? Created) FromJson(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("metadata", out var metadata)
            || metadata.ValueKind != JsonValueKind.Object)
            return (null, null);
        string? name = metadata.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        DateTime? created = metadata.TryGetProperty("creationTimestamp", out var c) && c.ValueKind == JsonValueKind.String
            && DateTime.TryParse(c.GetString(), CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed : null;
        return (name, created);
    }
}
