using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace PracticeK8s.Printing.Tables;

/// <summary>The identity fields the table renderer needs, read from a typed model or a JSON object.</summary>
internal sealed record ObjectIdentity(string? ApiVersion, string? Kind, string? Namespace, string? Name, IDictionary<string, string>? Labels)
{
    public static ObjectIdentity Of(object resource)
    {
        switch (resource)
        {
            case IKubernetesObject<V1ObjectMeta> typed:
                return new(typed.ApiVersion, typed.Kind, typed.Metadata?.NamespaceProperty, typed.Metadata?.Name, typed.Metadata?.Labels);
            case IMetadata<V1ObjectMeta> withMetadata:
                return new(null, null, withMetadata.Metadata?.NamespaceProperty, withMetadata.Metadata?.Name, withMetadata.Metadata?.Labels);
            case JsonElement element:
                return FromJson(element);
            case JsonNode node:
                return FromJson(JsonSerializer.SerializeToElement(node));
            default:
                return new(null, null, null, null, null);
        }
    }

    private static ObjectIdentity FromJson(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object) return new(null, null, null, null, null);
        var metadata = element.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        Dictionary<string, string>? labels = null;
        if (metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty("labels", out var l) && l.ValueKind == JsonValueKind.Object)
            labels = l.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.ToString());
        return new(Text(element, "apiVersion"), Text(element, "kind"), Text(metadata, "namespace"), Text(metadata, "name"), labels);
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
