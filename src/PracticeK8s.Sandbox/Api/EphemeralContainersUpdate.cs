using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Resources.Defaulting;
using PracticeK8s.Sandbox.Resources.Validation;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api;

/// <summary>
/// pods/ephemeralcontainers (PUT or PATCH): only spec.ephemeralContainers changes, and only by
/// additions, as the API server validates them: an existing one may be neither removed nor changed;
/// a new one needs a unique name (among all the pod's containers) and an image, may not have ports,
/// probes, lifecycle, resources or a restart policy, and its targetContainerName must name a
/// container of the pod. New ones get the container defaults.
/// </summary>
public static class EphemeralContainersUpdate
{
    private const string Path = "spec.ephemeralContainers";
    private static readonly string[] NotAllowed = { "ports", "livenessProbe", "readinessProbe", "startupProbe", "lifecycle", "resizePolicy", "restartPolicy" };

    public static JsonObject Prepare(ResourceDefinition def, StoredObject current, JsonObject incoming)
    {
        ObjectPipeline.CheckPreconditions(def, current, incoming.Obj("metadata") ?? new JsonObject());
        var result = current.ToNode();
        var spec = result.Ensure("spec");
        var before = spec.Arr("ephemeralContainers").Objects().ToList();
        var after = incoming.Obj("spec")?.Arr("ephemeralContainers").Objects().Select(c => c.DeepClone().AsObject()).ToList() ?? new List<JsonObject>();
        var errors = new FieldErrors();
        var afterByName = after.GroupBy(c => c.Str("name") ?? "").ToDictionary(g => g.Key, g => g.First());
        foreach (var old in before)
        {
            var name = old.Str("name") ?? "";
            if (!afterByName.TryGetValue(name, out var now))
                errors.Forbidden(Path, $"existing ephemeral containers \"{name}\" may not be removed\n");
            else if (!JsonNav.DeepEquals(old, now))
                errors.Forbidden($"{Path}[{name}]", $"existing ephemeral containers \"{name}\" may not be changed\n");
        }
        var existing = before.Select(c => c.Str("name") ?? "").ToHashSet();
        var regular = spec.Arr("containers").Objects().Concat(spec.Arr("initContainers").Objects()).Select(c => c.Str("name") ?? "").ToHashSet();
        var seen = new HashSet<string>(regular);
        for (int i = 0; i < after.Count; i++)
        {
            var c = after[i];
            var p = $"{Path}[{i}]";
            var name = c.Str("name");
            if (name is not null && existing.Contains(name))
            {
                seen.Add(name);
                continue;
            }
            if (string.IsNullOrEmpty(name)) errors.Required($"{p}.name");
            else
            {
                foreach (var m in NameRules.Check(NameRule.Label, name)) errors.Invalid($"{p}.name", name, m);
                if (!seen.Add(name)) errors.Duplicate($"{p}.name", name);
            }
            if (string.IsNullOrWhiteSpace(c.Str("image"))) errors.Required($"{p}.image");
            foreach (var field in NotAllowed)
                if (c[field] is JsonArray { Count: > 0 } or JsonObject or JsonValue)
                    errors.Forbidden($"{p}.{field}", "cannot be set for an Ephemeral Container");
            if (c.Obj("resources") is { Count: > 0 } resources && resources.Any(kv => kv.Value is JsonObject { Count: > 0 } or JsonArray { Count: > 0 }))
                errors.Forbidden($"{p}.resources", "cannot be set for an Ephemeral Container");
            if (c.Str("targetContainerName") is { } target && !regular.Contains(target))
                errors.Invalid($"{p}.targetContainerName", target, "must reference a container in the pod");
            PodDefaults.Container(c);
        }
        errors.ThrowIfAny(def, current.Name);
        spec["ephemeralContainers"] = new JsonArray(after.Select(c => (JsonNode)c).ToArray());
        return result;
    }
}
