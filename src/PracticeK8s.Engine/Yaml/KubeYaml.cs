using System.Text.Json;
using System.Text.Json.Nodes;
using PracticeK8s.Engine.Resources;

namespace PracticeK8s.Engine.Yaml;

/// <summary>YAML in and out for the cmdlets: typed API objects for built-in kinds, generic objects for the rest.</summary>
public static class KubeYaml
{
    /// <summary>Metadata fields the server owns; dropped for apply input, as kubectl users strip them by hand.</summary>
    private static readonly string[] s_serverMetadata =
        ["managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds"];

    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    // Annotations kubectl and the controllers write on live objects; a manifest does not carry them.
    private static readonly string[] s_serverAnnotations =
        [LastAppliedAnnotation, "deployment.kubernetes.io/revision", "deployment.kubernetes.io/desired-replicas", "deployment.kubernetes.io/max-replicas"];

    /// <summary>Every object of a YAML stream (a `kind: List` is opened into its items).</summary>
    public static IReadOnlyList<object> FromYaml(string text, string source)
    {
        var result = new List<object>();
        foreach (var document in YamlDocuments.Parse(text, source))
        {
            foreach (var node in Expand(document.Content))
                result.Add(ToObject(node, source, document, text));
        }
        return result;
    }

    /// <summary>The JSON form of every object of a YAML stream, with the document each came from.</summary>
    public static IReadOnlyList<(JsonObject Object, YamlDocument Document)> JsonFromYaml(string text, string source)
    {
        var result = new List<(JsonObject, YamlDocument)>();
        foreach (var document in YamlDocuments.Parse(text, source))
        {
            foreach (var node in Expand(document.Content))
            {
                if (node is not JsonObject obj)
                    throw new KubeYamlException(source, document.Index, document.Line, 1, "the document is not a mapping (an object with apiVersion and kind)");
                result.Add((obj, document));
            }
        }
        return result;
    }

    /// <summary>
    /// The typed (or generic) object of a document. A field of the wrong type is reported at its own
    /// line and column when the document's <paramref name="text"/> is given, else at the document's start.
    /// </summary>
    public static object ToObject(JsonNode? node, string source, YamlDocument document, string? text = null)
    {
        if (node is not JsonObject obj)
            throw new KubeYamlException(source, document.Index, document.Line, 1, "the document is not a mapping (an object with apiVersion and kind)");
        try
        {
            return ModelTypes.ToModel(obj) ?? PSObjectJson.ToGenericObject(obj);
        }
        catch (JsonException e)
        {
            var segments = FieldLocation.Segments(e.Path);
            var field = string.Join("", segments.Select((s, i) => s is int n ? $"[{n}]" : (i == 0 ? "" : ".") + s));
            var where = field.Length == 0 ? "" : $" at {field}";
            var at = text is null || segments.Count == 0 ? null : FieldLocation.Find(text, document.Index, segments);
            var got = Navigate(obj, segments) is { } value ? $", got {value.ToJsonString()}" : "";
            throw new KubeYamlException(source, document.Index, at?.Line ?? document.Line, at?.Column ?? 1,
                $"{obj["kind"]} \"{obj["metadata"]?["name"]}\" does not match its schema{where}: {FieldLocation.Expected(e.Message)}{got}", e);
        }
    }

    private static JsonNode? Navigate(JsonNode? node, IReadOnlyList<object> segments)
    {
        foreach (var segment in segments)
        {
            node = segment switch
            {
                string key when node is JsonObject o => o[key],
                int i when node is JsonArray a && i < a.Count => a[i],
                _ => null,
            };
        }
        return segments.Count == 0 ? null : node;
    }

    public static string ToYaml(IEnumerable<object?> values, bool forApply)
    {
        var documents = values.Select(v => PSObjectJson.ToJson(v)).Select(node => forApply ? ForApply(node) : node).ToList();
        return YamlWriter.WriteAll(documents);
    }

    /// <summary>A copy without what the server fills in: what `kubectl apply` should be given.</summary>
    public static JsonNode? ForApply(JsonNode? node)
    {
        if (node is not JsonObject obj)
            return node;
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var field in s_serverMetadata)
                metadata.Remove(field);
            if (metadata["annotations"] is JsonObject annotations)
            {
                foreach (var annotation in s_serverAnnotations)
                    annotations.Remove(annotation);
                if (annotations.Count == 0)
                    metadata.Remove("annotations");
            }
        }
        if (copy["items"] is JsonArray items)
        {
            for (int i = 0; i < items.Count; i++)
                items[i] = ForApply(items[i]?.DeepClone());
        }
        return copy;
    }

    private static IEnumerable<JsonNode?> Expand(JsonNode? node)
    {
        if (node is JsonObject obj && obj["kind"]?.GetValueKind() == JsonValueKind.String
            && obj["kind"]!.GetValue<string>().EndsWith("List", StringComparison.Ordinal) && obj["items"] is JsonArray items)
        {
            foreach (var item in items)
                yield return item?.DeepClone();
            yield break;
        }
        yield return node;
    }
}
