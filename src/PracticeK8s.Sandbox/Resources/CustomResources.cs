using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Resources.Validation;

namespace PracticeK8s.Sandbox.Resources;

/// <summary>
/// Serving CustomResourceDefinitions: every committed CRD change re-derives the custom kinds in
/// the registry (so a CR can be created right after its CRD), and new CRDs are established at once.
/// </summary>
public static class CustomResources
{
    public const string CrdKey = "apiextensions.k8s.io/customresourcedefinitions";

    public static void Attach(SandboxState state)
    {
        Refresh(state);
        state.Store.Committed += e =>
        {
            if (e.Key == CrdKey) Refresh(state);
        };
    }

    private static void Refresh(SandboxState state)
    {
        var defs = new List<ResourceDefinition>();
        foreach (var crd in state.Store.List(CrdKey, null).Items)
            defs.AddRange(FromCrd(crd.ToNode()));
        state.Registry.SetCustomResources(defs);
    }

    public static IEnumerable<ResourceDefinition> FromCrd(JsonObject crd)
    {
        var spec = crd.Obj("spec");
        var names = spec.Obj("names");
        var group = spec.Str("group");
        var plural = names.Str("plural");
        var kind = names.Str("kind");
        if (group is null || plural is null || kind is null) yield break;
        var versions = spec.Arr("versions").Objects().Where(v => v.Bool("served") != false)
            .OrderByDescending(v => v.Bool("storage") == true).ToList();
        foreach (var v in versions)
        {
            var subs = new List<SubresourceDefinition>();
            if (v.Obj("subresources")?.Obj("status") is not null)
                subs.Add(new SubresourceDefinition("status", kind, new[] { "get", "patch", "update" }));
            if (v.Obj("subresources")?.Obj("scale") is not null)
                subs.Add(new SubresourceDefinition("scale", "Scale", new[] { "get", "patch", "update" }, "autoscaling", "v1"));
            yield return new ResourceDefinition
            {
                Group = group, Version = v.Str("name") ?? "v1", Plural = plural,
                Singular = names.Str("singular") ?? kind.ToLowerInvariant(), Kind = kind,
                Namespaced = spec.Str("scope") != "Cluster",
                ShortNames = Strings(names.Arr("shortNames")), Categories = Strings(names.Arr("categories")),
                Subresources = subs, IsCustom = true, TracksGeneration = true,
                CustomColumns = v.Arr("additionalPrinterColumns").Objects().Select(c => new CustomColumn(
                    c.Str("name") ?? "", c.Str("type") ?? "string", c.Str("jsonPath") ?? "", (int)(c.Long("priority") ?? 0),
                    c.Str("description") ?? "", c.Str("format") ?? "")).ToList(),
            };
        }
    }

    private static IReadOnlyList<string> Strings(JsonArray? a) =>
        a?.Select(x => x?.GetValue<string>() ?? "").Where(x => x.Length > 0).ToList() ?? (IReadOnlyList<string>)Array.Empty<string>();

    /// <summary>The status of an accepted, established CRD (no naming controller delay in the sandbox).</summary>
    public static JsonObject EstablishedStatus(JsonObject spec)
    {
        var now = ObjectPipeline.Timestamp(DateTime.UtcNow);
        JsonObject Condition(string type, string reason, string message) => new()
        {
            ["type"] = type, ["status"] = "True", ["lastTransitionTime"] = now, ["reason"] = reason, ["message"] = message,
        };
        return new JsonObject
        {
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found"),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted")),
            ["acceptedNames"] = spec["names"]?.DeepClone(),
            ["storedVersions"] = new JsonArray(spec.Arr("versions").Objects().Where(v => v.Bool("storage") == true)
                .Select(v => (JsonNode?)JsonValue.Create(v.Str("name"))).ToArray()),
        };
    }

    public static void Validate(JsonObject crd, FieldErrors errors)
    {
        var spec = crd.Obj("spec");
        var group = spec.Str("group");
        var plural = spec.Obj("names").Str("plural");
        if (string.IsNullOrEmpty(group)) errors.Required("spec.group");
        if (string.IsNullOrEmpty(plural)) errors.Required("spec.names.plural");
        if (string.IsNullOrEmpty(spec.Obj("names").Str("kind"))) errors.Required("spec.names.kind");
        var name = crd.Obj("metadata").Str("name");
        if (group is not null && plural is not null && name != $"{plural}.{group}")
            errors.Invalid("metadata.name", name, $"must be spec.names.plural+\".\"+spec.group");
        var versions = spec.Arr("versions").Objects().ToList();
        if (versions.Count == 0) errors.Required("spec.versions");
        else if (versions.Count(v => v.Bool("storage") == true) != 1)
            errors.Invalid("spec.versions", null, "must have exactly one version marked as storage version");
        if (spec.Str("scope") is not ("Namespaced" or "Cluster"))
            errors.NotSupported("spec.scope", spec.Str("scope"), new[] { "Cluster", "Namespaced" });
    }
}
