using System.Text.Json;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Engine.Explain;

/// <summary>
/// One group/version's OpenAPI v3 document (/openapi/v3 lists them), as kubectl explain reads it: the
/// schema of a kind (by its x-kubernetes-group-version-kind) and the schemas its references name.
/// </summary>
public sealed class SchemaDocument
{
    private readonly JsonElement _schemas;

    private SchemaDocument(JsonElement schemas) => _schemas = schemas;

    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 128 };

    public static async Task<SchemaDocument> FetchAsync(KubeApi api, string group, string version, CancellationToken cancel)
    {
        var key = group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";
        using var index = JsonDocument.Parse(await api.GetStringAsync("/openapi/v3", cancel).ConfigureAwait(false), s_options);
        var url = index.RootElement.TryGetProperty("paths", out var paths) && paths.TryGetProperty(key, out var entry)
            && entry.TryGetProperty("serverRelativeURL", out var u) ? u.GetString() : null;
        if (url is null)
            throw new Errors.KubeException($"the server has no OpenAPI v3 document for {(group.Length == 0 ? version : group + "/" + version)}",
                "KubeSchemaNotFound", System.Management.Automation.ErrorCategory.ObjectNotFound, key);
        var doc = JsonDocument.Parse(await api.GetStringAsync(url, cancel).ConfigureAwait(false), s_options);
        return Parse(doc);
    }

    public static SchemaDocument Parse(JsonDocument doc) =>
        new(doc.RootElement.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) ? s : default);

    /// <summary>The schema of a kind, and its name ("io.k8s.api.apps.v1.Deployment").</summary>
    public (string Name, JsonElement Schema)? Kind(string group, string version, string kind)
    {
        if (_schemas.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var schema in _schemas.EnumerateObject())
        {
            if (!schema.Value.TryGetProperty("x-kubernetes-group-version-kind", out var gvks) || gvks.ValueKind != JsonValueKind.Array)
                continue;
            foreach (var gvk in gvks.EnumerateArray())
            {
                if (Str(gvk, "group") == group && Str(gvk, "version") == version && Str(gvk, "kind") == kind)
                    return (schema.Name, schema.Value);
            }
        }
        return null;
    }

    /// <summary>The schema a "#/components/schemas/NAME" reference names.</summary>
    public JsonElement? Resolve(string reference)
    {
        const string prefix = "#/components/schemas/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal) || _schemas.ValueKind != JsonValueKind.Object)
            return null;
        return _schemas.TryGetProperty(reference[prefix.Length..], out var s) ? s : null;
    }

    private static string Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() ?? "" : "";
}
