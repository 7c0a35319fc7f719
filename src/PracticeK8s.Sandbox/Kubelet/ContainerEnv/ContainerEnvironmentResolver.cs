using System.Text;
using System.Text.RegularExpressions;
using k8s.Models;

namespace PracticeK8s.Sandbox.Kubelet.ContainerEnv;

/// <summary>Where the pod runs, for fieldRef and resourceFieldRef values.</summary>
public sealed record PodPlacement(IReadOnlyList<string> HostIPs, IReadOnlyList<string> PodIPs, IDictionary<string, ResourceQuantity>? NodeAllocatable);

/// <summary>
/// A container's environment as kubelet builds it (makeEnvironmentVariables): the Service link
/// variables, then <c>envFrom</c> (ConfigMaps and Secrets, with prefix; keys that are not valid variable
/// names skipped with a warning), then <c>env</c> (values with <c>$(VAR)</c> expanded from the variables
/// so far and the Service links; <c>valueFrom</c> resolved). A later source wins. Command and args are
/// expanded with the result. A missing ConfigMap, Secret or key that is not optional throws
/// <see cref="ContainerConfigException"/> with kubelet's message.
/// </summary>
public sealed partial class ContainerEnvironmentResolver(IEnvironmentSources sources)
{
    /// <summary>
    /// Service link variables left out of the result (still used for <c>$(VAR)</c>): the runtime sets them
    /// itself, to an address an in-pod client can reach.
    /// </summary>
    public IReadOnlySet<string> RuntimeOwned { get; init; } = new HashSet<string>();

    public ResolvedContainer Resolve(V1Pod pod, V1Container container, PodPlacement placement)
    {
        var ns = pod.Metadata.NamespaceProperty ?? "";
        var services = ServiceLinkVariables.Visible(sources.Services(ns), ns, pod.Spec.EnableServiceLinks ?? true);
        var serviceEnv = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in ServiceLinkVariables.For(services)) serviceEnv[k] = v;

        var lookups = new Lookups(sources, ns);
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        var warnings = new List<EnvironmentWarning>();
        foreach (var from in container.EnvFrom ?? new List<V1EnvFromSource>())
        {
            IEnumerable<KeyValuePair<string, string>>? data;
            string kind, name;
            if (from.ConfigMapRef is { } cmRef)
            {
                (kind, name) = ("configMap", cmRef.Name);
                var cm = lookups.ConfigMap(cmRef.Name, cmRef.Optional == true);
                if (cm is null) continue; // optional and missing
                data = cm.Data;
            }
            else if (from.SecretRef is { } secretRef)
            {
                (kind, name) = ("secret", secretRef.Name);
                var secret = lookups.Secret(secretRef.Name, secretRef.Optional == true);
                if (secret is null) continue; // optional and missing
                data = SecretData(secret);
            }
            else continue;
            var invalid = new List<string>();
            foreach (var (key, value) in data ?? Enumerable.Empty<KeyValuePair<string, string>>())
            {
                var variable = from.Prefix + key;
                if (!IsEnvVarName(variable)) invalid.Add(variable);
                else declared[variable] = value;
            }
            if (invalid.Count > 0)
            {
                invalid.Sort(StringComparer.Ordinal);
                warnings.Add(new EnvironmentWarning("InvalidEnvironmentVariableNames",
                    $"Keys [{string.Join(", ", invalid)}] from the EnvFrom {kind} {ns}/{name} were skipped since they are considered invalid environment variable names."));
            }
        }

        var mapping = VariableExpansion.Mapping(declared, serviceEnv);
        foreach (var e in container.Env ?? new List<V1EnvVar>())
        {
            if (string.IsNullOrEmpty(e.Name)) continue; // the API refuses these; nothing to name
            var value = e.Value ?? "";
            if (value.Length > 0) value = VariableExpansion.Expand(value, mapping);
            else if (e.ValueFrom is { } from)
            {
                if (ValueFrom(from, pod, container, placement, lookups, ns) is { } resolved) value = resolved;
                else continue; // optional and missing: no variable at all
            }
            declared[e.Name] = value;
        }

        var env = new List<KeyValuePair<string, string>>();
        foreach (var (k, v) in serviceEnv)
            if (!declared.ContainsKey(k) && !RuntimeOwned.Contains(k)) env.Add(new(k, v));
        env.AddRange(declared);
        var all = VariableExpansion.Mapping(declared, serviceEnv);
        return new ResolvedContainer(env,
            (container.Command ?? new List<string>()).Select(c => VariableExpansion.Expand(c, all)).ToList(),
            (container.Args ?? new List<string>()).Select(a => VariableExpansion.Expand(a, all)).ToList(),
            warnings);
    }

    /// <summary>A valueFrom's value; null when an optional source or key is missing.</summary>
    private static string? ValueFrom(V1EnvVarSource from, V1Pod pod, V1Container container, PodPlacement placement, Lookups lookups, string ns)
    {
        if (from.FieldRef is { } field) return PodFieldValues.Get(field.FieldPath, pod, placement.HostIPs, placement.PodIPs);
        if (from.ResourceFieldRef is { } resource) return ResourceFieldValues.Get(resource, container, placement.NodeAllocatable);
        if (from.ConfigMapKeyRef is { } cmKey)
        {
            var optional = cmKey.Optional == true;
            var cm = lookups.ConfigMap(cmKey.Name, optional);
            if (cm is null) return null;
            if (cm.Data?.TryGetValue(cmKey.Key, out var value) == true) return value;
            if (optional) return null;
            throw new ContainerConfigException($"couldn't find key {cmKey.Key} in ConfigMap {ns}/{cmKey.Name}");
        }
        if (from.SecretKeyRef is { } secretKey)
        {
            var optional = secretKey.Optional == true;
            var secret = lookups.Secret(secretKey.Name, optional);
            if (secret is null) return null;
            var data = SecretData(secret);
            if (data.TryGetValue(secretKey.Key, out var value)) return value;
            if (optional) return null;
            throw new ContainerConfigException($"couldn't find key {secretKey.Key} in Secret {ns}/{secretKey.Name}");
        }
        return "";
    }

    /// <summary>A Secret's values as text; stringData counts as the API server would have merged it into data.</summary>
    private static Dictionary<string, string> SecretData(V1Secret secret)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in secret.Data ?? new Dictionary<string, byte[]>()) data[k] = Encoding.UTF8.GetString(v ?? Array.Empty<byte>());
        foreach (var (k, v) in secret.StringData ?? new Dictionary<string, string>()) data[k] = v ?? "";
        return data;
    }

    /// <summary>A C-like name as the API's IsEnvVarName accepts it (letters, digits, '_', '-', '.'; no leading digit).</summary>
    public static bool IsEnvVarName(string name) => EnvVarName().IsMatch(name);

    [GeneratedRegex("^[-._a-zA-Z][-._a-zA-Z0-9]*$")]
    private static partial Regex EnvVarName();

    /// <summary>The ConfigMaps and Secrets one container reads, each fetched once.</summary>
    private sealed class Lookups(IEnvironmentSources sources, string ns)
    {
        private readonly Dictionary<string, V1ConfigMap?> _configMaps = new(StringComparer.Ordinal);
        private readonly Dictionary<string, V1Secret?> _secrets = new(StringComparer.Ordinal);

        /// <summary>The ConfigMap; null when missing and optional; throws kubelet's error when missing and not optional.</summary>
        public V1ConfigMap? ConfigMap(string name, bool optional)
        {
            if (!_configMaps.TryGetValue(name, out var cm)) _configMaps[name] = cm = sources.ConfigMap(ns, name);
            if (cm is null && !optional) throw new ContainerConfigException($"configmap \"{name}\" not found");
            return cm;
        }

        public V1Secret? Secret(string name, bool optional)
        {
            if (!_secrets.TryGetValue(name, out var s)) _secrets[name] = s = sources.Secret(ns, name);
            if (s is null && !optional) throw new ContainerConfigException($"secret \"{name}\" not found");
            return s;
        }
    }
}
