using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Resources.Validation;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api;

/// <summary>The <c>scale</c> subresource: an autoscaling/v1 Scale view of spec.replicas.</summary>
public static class Scale
{
    private static readonly ResourceDefinition ScaleDef = new()
    {
        Group = "autoscaling", Version = "v1", Plural = "scale", Singular = "scale", Kind = "Scale", Namespaced = true,
    };

    public static JsonObject Of(StoredObject o)
    {
        var node = o.ToNode();
        var meta = node.Obj("metadata")!;
        var scaleMeta = new JsonObject
        {
            ["name"] = o.Name,
            ["namespace"] = o.Namespace,
            ["uid"] = meta.Str("uid"),
            ["resourceVersion"] = o.ResourceVersion.ToString(),
            ["creationTimestamp"] = meta.Str("creationTimestamp"),
        };
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = scaleMeta,
            ["spec"] = new JsonObject { ["replicas"] = node.Obj("spec").Long("replicas") ?? 0 },
            ["status"] = new JsonObject
            {
                ["replicas"] = node.Obj("status").Long("replicas") ?? 0,
                ["selector"] = o.Key == "/replicationcontrollers"
                    ? MapSelectorString(node.Obj("spec")?.Obj("selector")) // a ReplicationController's selector is a plain map
                    : SelectorString(node.Obj("spec")?.Obj("selector")),
            },
        };
    }

    public static JsonObject Get(SandboxState state, ResourceDefinition def, string ns, string name) =>
        Of(state.Store.Get(def.StorageKey, ns, name) ?? throw ApiException.NotFound(def.QualifiedResource, name, def.Group));

    /// <summary>Writes a Scale's spec.replicas into the object (RV precondition honoured) and returns the new Scale.</summary>
    public static JsonObject Update(SandboxState state, ResourceDefinition def, string ns, string name, JsonObject scale, bool dryRun, string? manager = null)
    {
        var result = state.Store.Write(def.StorageKey, ns, name, current =>
        {
            if (current is null) throw ApiException.NotFound(def.QualifiedResource, name, def.Group);
            ObjectPipeline.CheckPreconditions(def, current, scale.Obj("metadata") ?? new JsonObject());
            var replicas = scale.Obj("spec").Long("replicas");
            var errors = new FieldErrors();
            if (replicas is null) errors.Required("spec.replicas");
            else if (replicas < 0) errors.Invalid("spec.replicas", replicas, "must be greater than or equal to 0");
            errors.ThrowIfAny(ScaleDef, name);
            var obj = current.ToNode();
            var old = current.ToNode();
            obj.Ensure("spec")["replicas"] = replicas;
            ObjectPipeline.BumpGeneration(def, old, obj);
            ManagedFields.Track(old, obj, manager, def.GroupVersion, "scale");
            return ObjectPipeline.Commit(current, obj);
        }, dryRun);
        return Of(result.Object!);
    }

    private static string MapSelectorString(JsonObject? selector) =>
        string.Join(",", selector.StringMap().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    /// <summary>A LabelSelector as its string form (<c>app=web,tier in (a,b)</c>).</summary>
    public static string SelectorString(JsonObject? selector)
    {
        if (selector is null) return "";
        var parts = new List<string>();
        foreach (var (k, v) in selector.Obj("matchLabels").StringMap().OrderBy(p => p.Key, StringComparer.Ordinal))
            parts.Add($"{k}={v}");
        foreach (var e in selector.Arr("matchExpressions").Objects())
        {
            var key = e.Str("key");
            var values = string.Join(",", e.Arr("values")?.Select(v => v?.GetValue<string>()).OrderBy(v => v, StringComparer.Ordinal) ?? Enumerable.Empty<string?>());
            parts.Add(e.Str("operator") switch
            {
                "In" => $"{key} in ({values})",
                "NotIn" => $"{key} notin ({values})",
                "Exists" => key!,
                "DoesNotExist" => $"!{key}",
                _ => key!,
            });
        }
        return string.Join(",", parts);
    }
}
