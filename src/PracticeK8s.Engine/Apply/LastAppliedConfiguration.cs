using System.Text.Json;
using System.Text.Json.Nodes;
using PracticeK8s.Engine.Yaml;

namespace PracticeK8s.Engine.Apply;

/// <summary>
/// The annotation kubectl's client-side apply keeps on every object it manages
/// (kubectl.kubernetes.io/last-applied-configuration): the JSON of the applied input itself,
/// without the annotation, with `metadata.annotations` present (empty when the input had none).
/// </summary>
public static class LastAppliedConfiguration
{
    public const string Annotation = KubeYaml.LastAppliedAnnotation;

    /// <summary>
    /// kubectl's "modified" configuration: a copy of <paramref name="input"/> whose annotation is
    /// the input's own JSON (Go encoding, so byte-equal to what kubectl writes for the same file).
    /// </summary>
    public static JsonObject Modified(JsonObject input, out string annotation)
    {
        var copy = (JsonObject)input.DeepClone();
        var metadata = copy["metadata"] as JsonObject;
        if (metadata is null)
        {
            metadata = new JsonObject();
            copy["metadata"] = metadata;
        }
        var annotations = metadata["annotations"] as JsonObject ?? new JsonObject();
        metadata["annotations"] = annotations;
        annotations.Remove(Annotation);
        annotation = GoJson.Encode(copy);
        annotations[Annotation] = annotation;
        return copy;
    }

    /// <summary>The previous configuration recorded on a live object, or null when it has none (or it is unreadable).</summary>
    public static JsonObject? Of(JsonObject live)
    {
        var text = live["metadata"]?["annotations"]?[Annotation];
        if (text is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            return null;
        var json = value.GetValue<string>();
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool Has(JsonObject live) =>
        live["metadata"]?["annotations"] is JsonObject annotations && annotations.ContainsKey(Annotation);

    /// <summary>A copy without null values in maps (what kubectl sends when it creates).</summary>
    public static JsonNode? WithoutNulls(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, WithoutNulls(p.Value)))),
        JsonArray list => new JsonArray(list.Select(WithoutNulls).ToArray()),
        _ => node?.DeepClone(),
    };
}
