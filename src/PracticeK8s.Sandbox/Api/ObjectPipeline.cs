using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Resources.Defaulting;
using PracticeK8s.Sandbox.Resources.Validation;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api;

/// <summary>
/// Turns a request body into the object to store: type and namespace checks, unknown-field
/// handling (fieldValidation), server-owned metadata, defaults, validation. Create and update
/// share it; patches run it on the patched result.
/// </summary>
public static class ObjectPipeline
{
    public static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    /// <summary>Checks apiVersion/kind, unknown fields (warnings go to <paramref name="warnings"/>), and namespace.</summary>
    public static JsonObject Decode(ResourceDefinition def, JsonObject body, string? urlNamespace, FieldValidation validation, List<string> warnings,
        ResourceRegistry registry)
    {
        var apiVersion = body.Str("apiVersion");
        var kind = body.Str("kind");
        if (apiVersion is null || kind is null)
        {
            body["apiVersion"] = apiVersion ?? def.GroupVersion;
            body["kind"] = kind ?? def.Kind;
        }
        else
        {
            if (kind != def.Kind)
                throw ApiException.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({def.Kind})");
            if (apiVersion != def.GroupVersion)
            {
                var slash = apiVersion.IndexOf('/');
                var group = slash < 0 ? "" : apiVersion[..slash];
                var version = slash < 0 ? apiVersion : apiVersion[(slash + 1)..];
                if (group != def.Group || registry.Find(group, version, def.Plural) is null)
                    throw ApiException.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({def.GroupVersion})");
                body["apiVersion"] = def.GroupVersion; // another served version of the same kind: stored as the addressed one
            }
        }
        if (def.ModelType is not null)
        {
            var unknown = UnknownFields.Find(body, def.ModelType, prune: validation != FieldValidation.Strict);
            if (unknown.Count > 0)
            {
                var text = string.Join(", ", unknown.Select(u => $"unknown field \"{u}\""));
                if (validation == FieldValidation.Strict) throw ApiException.BadRequest($"strict decoding error: {text}");
                if (validation == FieldValidation.Warn) warnings.AddRange(unknown.Select(u => $"unknown field \"{u}\""));
            }
        }
        var meta = body["metadata"] as JsonObject;
        if (meta is null)
        {
            if (body["metadata"] is not null) throw ApiException.BadRequest("metadata must be an object");
            body["metadata"] = meta = new JsonObject();
        }
        var ns = meta.Str("namespace");
        if (def.Namespaced)
        {
            if (!string.IsNullOrEmpty(ns) && urlNamespace is not null && ns != urlNamespace)
                throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            if (urlNamespace is not null) meta["namespace"] = urlNamespace;
        }
        else meta.Remove("namespace");
        return body;
    }

    /// <summary>A new object: name (or generateName), uid, timestamps, generation, defaults, validation.</summary>
    public static JsonObject PrepareCreate(ResourceDefinition def, JsonObject obj)
    {
        var meta = obj.Obj("metadata")!;
        var name = meta.Str("name");
        if (string.IsNullOrEmpty(name))
        {
            var prefix = meta.Str("generateName");
            if (string.IsNullOrEmpty(prefix))
            {
                var errors = new FieldErrors();
                errors.Required("metadata.name", "name or generateName is required");
                errors.ThrowIfAny(def, "");
            }
            meta["name"] = NameGenerator.FromGenerateName(prefix!);
        }
        if (meta.Str("resourceVersion") is { Length: > 0 })
            throw ApiException.BadRequest("resourceVersion should not be set on objects to be created");
        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = Timestamp(DateTime.UtcNow);
        meta.Remove("deletionTimestamp");
        meta.Remove("deletionGracePeriodSeconds");
        if (def.TracksGeneration) meta["generation"] = 1;
        else meta.Remove("generation");
        if (def.HasStatus) obj.Remove("status");
        Defaults.Apply(def, obj, isCreate: true);
        ObjectValidator.Validate(def, obj, null);
        return obj;
    }

    /// <summary>A full replacement of <paramref name="current"/> through the main resource (status is kept).</summary>
    public static JsonObject PrepareUpdate(ResourceDefinition def, StoredObject current, JsonObject obj)
    {
        var meta = obj.Obj("metadata")!;
        var old = current.ToNode();
        var oldMeta = old.Obj("metadata")!;
        CheckPreconditions(def, current, meta);
        var name = meta.Str("name");
        if (string.IsNullOrEmpty(name)) meta["name"] = current.Name;
        else if (name != current.Name)
            throw ApiException.BadRequest($"the name of the object ({name}) does not match the name on the URL ({current.Name})");
        foreach (var field in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation" })
        {
            if (oldMeta[field] is { } v) meta[field] = v.DeepClone();
            else meta.Remove(field);
        }
        if (def.HasStatus)
        {
            if (old["status"] is { } st) obj["status"] = st.DeepClone();
            else obj.Remove("status");
        }
        def.KeepOnUpdate?.Invoke(old, obj);
        Defaults.Apply(def, obj, isCreate: false);
        CheckFinalizersWhileDeleting(def, current, meta);
        BumpGeneration(def, old, obj);
        ObjectValidator.Validate(def, obj, old);
        return obj;
    }

    /// <summary>A write through <c>/status</c>: only status (and metadata labels/annotations) change.</summary>
    public static JsonObject PrepareStatusUpdate(ResourceDefinition def, StoredObject current, JsonObject incoming)
    {
        CheckPreconditions(def, current, incoming.Obj("metadata")!);
        var result = current.ToNode();
        if (incoming["status"] is { } st) result["status"] = st.DeepClone();
        else result.Remove("status");
        return result;
    }

    public static void CheckPreconditions(ResourceDefinition def, StoredObject current, JsonObject meta)
    {
        var rv = meta.Str("resourceVersion");
        if (!string.IsNullOrEmpty(rv) && rv != current.ResourceVersion.ToString())
            throw ApiException.StaleObject(def.QualifiedResource, current.Name, def.Group);
        var uid = meta.Str("uid");
        if (!string.IsNullOrEmpty(uid) && uid != current.Uid)
            throw ApiException.Conflict(def.QualifiedResource, current.Name, def.Group,
                $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Uid}");
    }

    private static void CheckFinalizersWhileDeleting(ResourceDefinition def, StoredObject current, JsonObject meta)
    {
        if (!current.IsBeingDeleted) return;
        var before = current.Finalizers.ToHashSet();
        var added = (meta.Arr("finalizers")?.Select(f => f?.GetValue<string>() ?? "") ?? Enumerable.Empty<string>()).Where(f => !before.Contains(f)).ToList();
        if (added.Count == 0) return;
        var errors = new FieldErrors();
        errors.Forbidden("metadata.finalizers", $"no new finalizers can be added if the object is being deleted, found new finalizers []string{{{string.Join(", ", added.Select(a => $"\"{a}\""))}}}");
        errors.ThrowIfAny(def, current.Name);
    }

    /// <summary>metadata.generation +1 when anything but metadata and status changed.</summary>
    public static void BumpGeneration(ResourceDefinition def, JsonObject old, JsonObject updated)
    {
        if (!def.TracksGeneration) return;
        bool changed = false;
        foreach (var key in old.Select(p => p.Key).Union(updated.Select(p => p.Key)))
        {
            if (key is "metadata" or "status" or "apiVersion" or "kind") continue;
            if (!JsonNode.DeepEquals(old[key], updated[key])) { changed = true; break; }
        }
        var meta = updated.Obj("metadata")!;
        var gen = old.Obj("metadata").Long("generation") ?? 1;
        meta["generation"] = changed ? gen + 1 : gen;
    }

    /// <summary>Whether the stored object would differ (ignoring resourceVersion): no-op writes keep the RV.</summary>
    public static bool SameAs(StoredObject current, JsonObject candidate)
    {
        var clone = candidate.DeepClone().AsObject();
        clone.Obj("metadata")!["resourceVersion"] = current.ResourceVersion.ToString();
        return JsonNode.DeepEquals(clone, current.ToNode());
    }

    /// <summary>A deleting object whose finalizers are all gone is removed by the write that emptied them.</summary>
    public static Mutation Commit(StoredObject? current, JsonObject result)
    {
        var meta = result.Obj("metadata")!;
        // Namespaces also wait for their spec.finalizers (the namespace controller's "kubernetes").
        var namespaceFinalizers = result.Str("kind") == "Namespace" ? result.Obj("spec")?.Arr("finalizers")?.Count ?? 0 : 0;
        if (meta.Str("deletionTimestamp") is not null && (meta.Arr("finalizers")?.Count ?? 0) == 0 && namespaceFinalizers == 0
            && (meta.Long("deletionGracePeriodSeconds") ?? 0) == 0) return Mutation.Delete;
        if (current is not null && SameAs(current, result)) return Mutation.Unchanged;
        return Mutation.Store(result);
    }
}
