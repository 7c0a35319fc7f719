using System.Text.Json;
using System.Text.Json.Nodes;

namespace PracticeK8s.Sandbox.Storage;

/// <summary>
/// An immutable stored object: its serialized JSON (served as-is) and a read-only parsed view for
/// selectors and printing. Writers work on a fresh <see cref="JsonObject"/> from <see cref="ToNode"/>.
/// </summary>
public sealed class StoredObject
{
    public string Key { get; }
    public string Namespace { get; }
    public string Name { get; }
    public long ResourceVersion { get; }
    public byte[] Json { get; }
    public JsonElement Root { get; }

    public StoredObject(string key, string ns, string name, long rv, byte[] json)
    {
        Key = key;
        Namespace = ns;
        Name = name;
        ResourceVersion = rv;
        Json = json;
        // A parsed document keeps a pooled index array rounded up to a power of two above the JSON's size
        // (2 MB beside a 1 MB ConfigMap) until disposed; the clone's index is exact.
        using var parsed = JsonDocument.Parse(json, Depth);
        Root = parsed.RootElement.Clone();
    }

    /// <summary>About what this object keeps alive: its JSON and the parsed copy beside it.</summary>
    public long RetainedBytes => 2L * Json.Length;

    public static StoredObject FromNode(string key, string ns, string name, long rv, JsonObject obj) =>
        new(key, ns, name, rv, JsonOutput.Bytes(obj));

    private static readonly JsonDocumentOptions Depth = new() { MaxDepth = JsonOutput.MaxDepth };

    public JsonObject ToNode() => JsonNode.Parse(Json, documentOptions: Depth)!.AsObject();

    public JsonElement Metadata => Root.TryGetProperty("metadata", out var m) ? m : default;

    public string? MetadataString(string field) =>
        Metadata.ValueKind == JsonValueKind.Object && Metadata.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() : null;

    public string Uid => MetadataString("uid") ?? "";
    public bool IsBeingDeleted => MetadataString("deletionTimestamp") is not null;

    public IReadOnlyList<string> Finalizers =>
        Metadata.ValueKind == JsonValueKind.Object && Metadata.TryGetProperty("finalizers", out var f) && f.ValueKind == JsonValueKind.Array
            ? f.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : Array.Empty<string>();

    public IReadOnlyDictionary<string, string> Labels
    {
        get
        {
            if (Metadata.ValueKind != JsonValueKind.Object || !Metadata.TryGetProperty("labels", out var l) || l.ValueKind != JsonValueKind.Object)
                return EmptyLabels;
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in l.EnumerateObject()) d[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.ToString();
            return d;
        }
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyLabels = new Dictionary<string, string>();
}
