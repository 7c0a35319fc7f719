using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PracticeK8s.Sandbox.Selectors;

namespace PracticeK8s.Sandbox.Resources.Validation;

/// <summary>
/// Validation of stored kinds: object metadata for every kind, plus the required fields and value
/// ranges of the kinds a course touches. Errors use upstream field paths and wording.
/// </summary>
public static partial class ObjectValidator
{
    public static void Validate(ResourceDefinition def, JsonObject obj, JsonObject? old)
    {
        var errors = new FieldErrors();
        var meta = obj.Obj("metadata")!;
        var name = meta.Str("name") ?? "";
        ValidateMetadata(def, meta, errors);
        KindRules(def, obj, old, errors);
        errors.ThrowIfAny(def, name);
    }

    private static void ValidateMetadata(ResourceDefinition def, JsonObject meta, FieldErrors errors)
    {
        var name = meta.Str("name") ?? "";
        foreach (var message in NameRules.Check(NameRules.RuleFor(def), name))
            errors.Invalid("metadata.name", name, message);
        foreach (var (key, value) in meta.Obj("labels").StringMap())
        {
            if (LabelSyntax.KeyError(key) is { } ke) errors.Invalid("metadata.labels", key, ke);
            if (!LabelSyntax.IsValidValue(value)) errors.Invalid("metadata.labels", value, LabelSyntax.ValueError);
        }
        foreach (var key in meta.Obj("annotations").StringMap().Keys)
            if (LabelSyntax.KeyError(key) is { } ke) errors.Invalid("metadata.annotations", key, ke);
    }

    private static void KindRules(ResourceDefinition def, JsonObject obj, JsonObject? old, FieldErrors errors)
    {
        var spec = obj.Obj("spec");
        switch (def.Group, def.Plural)
        {
            case ("", "pods"):
                if (spec is null) errors.Required("spec");
                else PodSpec(spec, "spec", errors, template: false);
                if (old?.Obj("spec") is { } oldPodSpec && spec is not null && !PodUpdateAllowed(oldPodSpec, spec))
                    errors.Forbidden("spec", PodUpdateForbidden);
                break;
            case ("", "services"):
                if (spec is not null) ServiceSpec(spec, errors);
                if (old?.Obj("spec")?.Str("clusterIP") is { Length: > 0 } oldIp && spec?.Str("clusterIP") is { Length: > 0 } newIp && oldIp != newIp)
                    errors.Invalid("spec.clusterIPs[0]", $"[]string{{\"{newIp}\"}}", "may not change once set");
                break;
            case ("", "configmaps"):
                DataKeys(obj, "data", errors);
                DataKeys(obj, "binaryData", errors);
                break;
            case ("", "secrets"):
                DataKeys(obj, "data", errors);
                DataKeys(obj, "stringData", errors);
                break;
            case ("apps", "deployments" or "replicasets" or "statefulsets" or "daemonsets"):
                if (spec is null) { errors.Required("spec"); break; }
                if (spec.Long("replicas") is < 0)
                    errors.Invalid("spec.replicas", spec.Long("replicas"), "must be greater than or equal to 0");
                SelectedTemplate(spec, errors, restartPolicies: new[] { "Always" });
                if (old?.Obj("spec")?.Obj("selector") is { } oldSelector && !JsonNav.DeepEquals(oldSelector, spec.Obj("selector")))
                    errors.Invalid("spec.selector", spec["selector"]?.ToJsonString(), "field is immutable");
                break;
            case ("batch", "jobs"):
                if (spec is null) { errors.Required("spec"); break; }
                if (spec.Obj("template") is not { } jt) { errors.Required("spec.template"); break; }
                if (jt.Obj("spec") is { } jts) PodSpec(jts, "spec.template.spec", errors, template: true, restartPolicies: new[] { "OnFailure", "Never" });
                else errors.Required("spec.template.spec");
                break;
            case ("apiextensions.k8s.io", "customresourcedefinitions"):
                CustomResources.Validate(obj, errors);
                break;
            case ("batch", "cronjobs"):
                if (spec is null) { errors.Required("spec"); break; }
                if (string.IsNullOrWhiteSpace(spec.Str("schedule"))) errors.Required("spec.schedule");
                if (spec.Obj("jobTemplate")?.Obj("spec")?.Obj("template")?.Obj("spec") is { } cts)
                    PodSpec(cts, "spec.jobTemplate.spec.template.spec", errors, template: true, restartPolicies: new[] { "OnFailure", "Never" });
                else errors.Required("spec.jobTemplate.spec.template.spec");
                break;
        }
    }

    public const string PodUpdateForbidden =
        "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

    /// <summary>A running pod's spec is immutable except images, activeDeadlineSeconds and added tolerations.</summary>
    private static bool PodUpdateAllowed(JsonObject oldSpec, JsonObject newSpec)
    {
        static JsonObject Mutable(JsonObject spec)
        {
            var copy = spec.DeepClone().AsObject();
            foreach (var key in new[] { "activeDeadlineSeconds", "tolerations", "terminationGracePeriodSeconds" }) copy.Remove(key);
            foreach (var c in copy.Arr("containers").Objects().Concat(copy.Arr("initContainers").Objects())) c.Remove("image");
            return copy;
        }
        var newTolerations = newSpec.Arr("tolerations")?.ToList() ?? new List<JsonNode?>();
        var onlyAdded = oldSpec.Arr("tolerations")?.All(t => newTolerations.Any(n => JsonNav.DeepEquals(t, n))) ?? true;
        return onlyAdded && JsonNav.DeepEquals(Mutable(oldSpec), Mutable(newSpec));
    }

    private static void SelectedTemplate(JsonObject spec, FieldErrors errors, string[] restartPolicies)
    {
        var selector = spec.Obj("selector");
        if (selector is null) errors.Required("spec.selector");
        else if (selector.Obj("matchLabels") is null && selector.Arr("matchExpressions") is not { Count: > 0 })
            errors.Invalid("spec.selector", "{}", "empty selector is invalid for deployment");
        var template = spec.Obj("template");
        if (template is null) { errors.Required("spec.template"); return; }
        var labels = template.Obj("metadata")?.Obj("labels").StringMap() ?? new Dictionary<string, string>();
        if (selector?.Obj("matchLabels") is { } ml && ml.StringMap().Any(kv => !labels.TryGetValue(kv.Key, out var v) || v != kv.Value))
            errors.Invalid("spec.template.metadata.labels", GoMap(labels), "`selector` does not match template `labels`");
        if (template.Obj("spec") is { } ps) PodSpec(ps, "spec.template.spec", errors, template: true, restartPolicies);
        else errors.Required("spec.template.spec");
    }

    private static string GoMap(Dictionary<string, string> m) =>
        "map[string]string{" + string.Join(", ", m.OrderBy(k => k.Key, StringComparer.Ordinal).Select(kv => $"\"{kv.Key}\":\"{kv.Value}\"")) + "}";

    private static void PodSpec(JsonObject spec, string path, FieldErrors errors, bool template, string[]? restartPolicies = null)
    {
        var containers = spec.Arr("containers");
        if (containers is null || containers.Count == 0) errors.Required($"{path}.containers");
        var seen = new HashSet<string>();
        Containers(containers, $"{path}.containers", errors, seen);
        Containers(spec.Arr("initContainers"), $"{path}.initContainers", errors, seen);
        var policy = spec.Str("restartPolicy");
        var allowed = restartPolicies ?? new[] { "Always", "OnFailure", "Never" };
        if (policy is null && restartPolicies is { Length: 2 })
            errors.Required($"{path}.restartPolicy", "valid values: \"OnFailure\", \"Never\"");
        else if (policy is not null && !allowed.Contains(policy))
            errors.NotSupported($"{path}.restartPolicy", policy, allowed);
        if (spec.Str("dnsPolicy") is { } dns && dns is not ("ClusterFirst" or "ClusterFirstWithHostNet" or "Default" or "None"))
            errors.NotSupported($"{path}.dnsPolicy", dns, new[] { "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None" });
        var volumes = new HashSet<string>();
        int vi = 0;
        foreach (var v in spec.Arr("volumes").Objects())
        {
            var vname = v.Str("name");
            if (string.IsNullOrEmpty(vname)) errors.Required($"{path}.volumes[{vi}].name");
            else if (!volumes.Add(vname)) errors.Duplicate($"{path}.volumes[{vi}].name", vname);
            vi++;
        }
    }

    private static void Containers(JsonArray? containers, string path, FieldErrors errors, HashSet<string> seen)
    {
        int i = 0;
        foreach (var c in containers.Objects())
        {
            var p = $"{path}[{i++}]";
            var name = c.Str("name");
            if (string.IsNullOrEmpty(name)) errors.Required($"{p}.name");
            else
            {
                foreach (var m in NameRules.Check(NameRule.Label, name)) errors.Invalid($"{p}.name", name, m);
                if (!seen.Add(name)) errors.Duplicate($"{p}.name", name);
            }
            if (string.IsNullOrWhiteSpace(c.Str("image"))) errors.Required($"{p}.image");
            int j = 0;
            foreach (var port in c.Arr("ports").Objects())
            {
                var cp = port.Long("containerPort");
                if (cp is null) errors.Required($"{p}.ports[{j}].containerPort");
                else if (cp is < 1 or > 65535) errors.Invalid($"{p}.ports[{j}].containerPort", cp, "must be between 1 and 65535, inclusive");
                if (port.Str("protocol") is { } proto && proto is not ("TCP" or "UDP" or "SCTP"))
                    errors.NotSupported($"{p}.ports[{j}].protocol", proto, new[] { "SCTP", "TCP", "UDP" });
                j++;
            }
            if (c.Str("imagePullPolicy") is { } pull && pull is not ("Always" or "IfNotPresent" or "Never"))
                errors.NotSupported($"{p}.imagePullPolicy", pull, new[] { "Always", "IfNotPresent", "Never" });
            VolumeMountPaths.Check(c.Arr("volumeMounts"), $"{p}.volumeMounts", errors);
        }
    }

    private static void ServiceSpec(JsonObject spec, FieldErrors errors)
    {
        var type = spec.Str("type") ?? "ClusterIP";
        if (type is not ("ClusterIP" or "NodePort" or "LoadBalancer" or "ExternalName"))
            errors.NotSupported("spec.type", type, new[] { "ClusterIP", "ExternalName", "LoadBalancer", "NodePort" });
        var ports = spec.Arr("ports");
        var headless = spec.Str("clusterIP") == "None";
        if (type != "ExternalName" && !headless && (ports is null || ports.Count == 0)) errors.Required("spec.ports");
        if (type == "ExternalName" && string.IsNullOrEmpty(spec.Str("externalName"))) errors.Required("spec.externalName");
        int i = 0;
        var names = new HashSet<string>();
        foreach (var port in ports.Objects())
        {
            var p = $"spec.ports[{i}]";
            var n = port.Long("port");
            if (n is null) errors.Required($"{p}.port");
            else if (n is < 1 or > 65535) errors.Invalid($"{p}.port", n, "must be between 1 and 65535, inclusive");
            var pname = port.Str("name");
            if (ports!.Count > 1 && string.IsNullOrEmpty(pname)) errors.Required($"{p}.name");
            else if (!string.IsNullOrEmpty(pname) && !names.Add(pname)) errors.Duplicate($"{p}.name", pname);
            if (port.Long("nodePort") is { } np && type is "NodePort" or "LoadBalancer" && np is < 30000 or > 32767)
                errors.Invalid($"{p}.nodePort", np, "provided port is not in the valid range. The range of valid ports is 30000-32767");
            i++;
        }
    }

    [GeneratedRegex(@"^[-._a-zA-Z0-9]+$")]
    private static partial Regex ConfigKey();

    private static void DataKeys(JsonObject obj, string field, FieldErrors errors)
    {
        foreach (var key in obj.Obj(field).StringMap().Keys)
            if (key.Length > 253 || !ConfigKey().IsMatch(key))
                errors.Invalid($"{field}[{key}]", key,
                    "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
    }
}
