using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>
/// One entry of <c>metadata.managedFields</c>: who (manager, operation, subresource) owns which fields
/// (<see cref="Fields"/>), at which apiVersion, since when. Serialized exactly as an API server returns it.
/// </summary>
public sealed record ManagedFieldsEntry(
    string Manager,
    string Operation,
    string ApiVersion,
    DateTimeOffset? Time,
    FieldSet Fields,
    string? Subresource = null)
{
    public const string ApplyOperation = "Apply";
    public const string UpdateOperation = "Update";

    /// <summary>
    /// What tells two entries apart: Apply entries by manager (and subresource); Update entries by manager,
    /// apiVersion (and subresource).
    /// </summary>
    public string Identity => Operation == ApplyOperation
        ? $"{Manager}\n{Operation}\n\n{Subresource}"
        : $"{Manager}\n{Operation}\n{ApiVersion}\n{Subresource}";

    /// <summary>How conflicts name the owner: <c>"kubectl-client-side-apply" using apps/v1</c>, or <c>"kubectl"</c> for an applier.</summary>
    public string Description
    {
        get
        {
            var text = JsonSerializer.Serialize(Manager);
            if (!string.IsNullOrEmpty(Subresource))
            {
                text += $" with subresource {JsonSerializer.Serialize(Subresource)}";
            }

            return Operation == UpdateOperation ? $"{text} using {ApiVersion}" : text;
        }
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["manager"] = Manager,
            ["operation"] = Operation,
            ["apiVersion"] = ApiVersion,
        };
        if (Time is { } time)
        {
            json["time"] = FormatTime(time);
        }

        json["fieldsType"] = "FieldsV1";
        json["fieldsV1"] = Fields.ToFieldsV1();
        if (!string.IsNullOrEmpty(Subresource))
        {
            json["subresource"] = Subresource;
        }

        return json;
    }

    public static ManagedFieldsEntry FromJson(JsonObject json)
    {
        string? Text(string name) => json[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

        var fieldsType = Text("fieldsType");
        if (fieldsType is not null && fieldsType != "FieldsV1")
        {
            throw PatchException.BadRequest($"managedFields: unsupported fieldsType {fieldsType}");
        }

        DateTimeOffset? time = Text("time") is { } t
            ? DateTimeOffset.Parse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : null;
        return new ManagedFieldsEntry(
            Text("manager") ?? string.Empty,
            Text("operation") ?? UpdateOperation,
            Text("apiVersion") ?? string.Empty,
            time,
            json["fieldsV1"] is JsonObject fields ? FieldSet.FromFieldsV1(fields) : FieldSet.Empty,
            Text("subresource"));
    }

    /// <summary>The entries of an object's <c>metadata.managedFields</c> (none if absent).</summary>
    public static IReadOnlyList<ManagedFieldsEntry> ReadFrom(JsonNode? obj) =>
        obj?["metadata"]?["managedFields"] is JsonArray entries
            ? entries.OfType<JsonObject>().Select(FromJson).ToList()
            : [];

    /// <summary>The JSON array of entries in the order an API server keeps them: Apply first, then by time, manager, apiVersion.</summary>
    public static JsonArray ToJsonArray(IEnumerable<ManagedFieldsEntry> entries) =>
        new(entries
            .OrderBy(e => e.Operation, StringComparer.Ordinal)
            .ThenBy(e => e.Time?.ToUnixTimeSeconds() ?? 0)
            .ThenBy(e => e.Manager, StringComparer.Ordinal)
            .ThenBy(e => e.ApiVersion, StringComparer.Ordinal)
            .ThenBy(e => e.Subresource ?? string.Empty, StringComparer.Ordinal)
            .Select(e => (JsonNode?)e.ToJson())
            .ToArray());

    /// <summary>RFC 3339 in UTC to the second, as <c>metav1.Time</c> is written.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
