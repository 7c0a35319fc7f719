using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.OpenApi;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Controllers.Workloads;

/// <summary>Pod templates: their hash (pod-template-hash, controller-revision-hash), comparison, and the pods made from them.</summary>
public static class PodTemplates
{
    public const string HashLabel = "pod-template-hash";
    private const string SafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>The owner's <c>spec.template</c> as a fresh tree.</summary>
    public static JsonObject TemplateOf(StoredObject owner) => owner.ToNode().Obj("spec")?.Obj("template") ?? new JsonObject();

    /// <summary>
    /// A stable hash of a template (FNV-32a of its canonical JSON, plus the collision count), written
    /// in decimal with each digit mapped onto the name-safe alphabet, as upstream's ComputeHash does.
    /// </summary>
    public static string Hash(JsonNode? template, long? collisionCount = null)
    {
        var bytes = Canonical(template);
        uint h = 2166136261;
        foreach (var b in bytes) { h ^= b; h *= 16777619; }
        if (collisionCount is { } c)
            foreach (var b in Encoding.ASCII.GetBytes(c.ToString())) { h ^= b; h *= 16777619; }
        var digits = h.ToString();
        var sb = new StringBuilder(digits.Length);
        foreach (var d in digits) sb.Append(SafeAlphabet[d % SafeAlphabet.Length]);
        return sb.ToString();
    }

    /// <summary>Equal templates once <c>pod-template-hash</c> is left out of both.</summary>
    public static bool EqualIgnoringHash(JsonNode? a, JsonNode? b) =>
        Canonical(WithoutHash(a)).AsSpan().SequenceEqual(Canonical(WithoutHash(b)));

    public static JsonNode? WithoutHash(JsonNode? template)
    {
        if (template is not JsonObject t) return template;
        var copy = t.DeepClone().AsObject();
        if (copy.Obj("metadata")?.Obj("labels") is { } labels)
        {
            labels.Remove(HashLabel);
            if (labels.Count == 0) copy.Obj("metadata")!.Remove("labels");
        }
        return copy;
    }

    /// <summary>
    /// The template's bytes with keys ordered and null fields dropped (Go compares structs, where
    /// <c>creationTimestamp: null</c>, which <c>kubectl rollout undo</c> sends, equals an absent field).
    /// </summary>
    public static byte[] Canonical(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, CanonicalJson.Options)) CanonicalJson.Write(w, WithoutNulls(node?.DeepClone()));
        return buffer.ToArray();
    }

    private static JsonNode? WithoutNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Where(p => p.Value is null).Select(p => p.Key).ToList()) o.Remove(key);
                foreach (var (_, v) in o) WithoutNulls(v);
                break;
            case JsonArray a:
                foreach (var v in a) WithoutNulls(v);
                break;
        }
        return node;
    }

    /// <summary>
    /// A new pod from <paramref name="template"/>, controlled by <paramref name="owner"/>: the
    /// template's labels, annotations and spec; <c>generateName</c> or a fixed name.
    /// </summary>
    public static JsonObject NewPod(JsonObject template, StoredObject owner, string? generateName, string? name = null)
    {
        var meta = new JsonObject();
        if (name is not null) meta["name"] = name;
        else meta["generateName"] = generateName;
        meta["namespace"] = owner.Namespace;
        var tmeta = template.Obj("metadata");
        if (tmeta?.Obj("labels") is { } labels) meta["labels"] = labels.DeepClone();
        if (tmeta?.Obj("annotations") is { } annotations) meta["annotations"] = annotations.DeepClone();
        if (tmeta?.Arr("finalizers") is { } finalizers) meta["finalizers"] = finalizers.DeepClone();
        meta["ownerReferences"] = new JsonArray(OwnerReferences.ControllerRef(owner));
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = meta,
            ["spec"] = template.Obj("spec")?.DeepClone() ?? new JsonObject(),
        };
    }
}
