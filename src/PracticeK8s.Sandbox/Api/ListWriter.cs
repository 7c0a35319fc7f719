using System.Text.Json;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api;

/// <summary>Writes <c>&lt;Kind&gt;List</c> bodies by splicing the stored objects' JSON (no re-serialization).</summary>
public static class ListWriter
{
    public static byte[] Write(ResourceDefinition def, IReadOnlyList<StoredObject> items, long resourceVersion, string? continueToken, long? remaining)
    {
        var ms = new MemoryStream(items.Sum(i => i.Json.Length + 1) + 256);
        using (var w = new Utf8JsonWriter(ms, Storage.JsonOutput.Writer))
        {
            w.WriteStartObject();
            w.WriteString("kind", def.ListKind);
            w.WriteString("apiVersion", def.GroupVersion);
            w.WriteStartObject("metadata");
            w.WriteString("resourceVersion", resourceVersion.ToString());
            if (continueToken is not null) w.WriteString("continue", continueToken);
            if (remaining is > 0) w.WriteNumber("remainingItemCount", remaining.Value);
            w.WriteEndObject();
            w.WriteStartArray("items");
            foreach (var o in items) w.WriteRawValue(o.Json, skipInputValidation: true);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return ms.ToArray();
    }
}
