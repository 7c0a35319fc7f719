using System.Globalization;
using System.Text;
using k8s.Models;
using PracticeK8s.Sandbox.Controllers;

namespace PracticeK8s.Sandbox.Kubelet.Volumes;

/// <summary>
/// The files of configMap, secret, downwardAPI and projected volumes, read from the cluster as the
/// kubelet's volume plugins do (a file per key or per item, <c>defaultMode</c>, per-item
/// <c>mode</c>, <c>optional</c>). Service-account tokens come from <see cref="TokenFiles"/>.
/// </summary>
/// <param name="rootCaPem">the cluster CA, which <c>kube-root-ca.crt</c> holds: used while the root CA publisher has not
/// written that ConfigMap yet (a fresh namespace, the first seconds of a sandbox), as it is always there on a cluster.</param>
public sealed class ProjectedFiles(ClusterAccess cluster, Func<V1Pod, string, V1ServiceAccountTokenProjection, byte[]> token, string? rootCaPem = null)
{
    public const int DefaultMode = 420; // 0644, as upstream defaults defaultMode
    public const string RootCaConfigMap = "kube-root-ca.crt";

    /// <summary>The files of <paramref name="volume"/>, or null when it is not one of these kinds.</summary>
    public List<VolumeFile>? For(V1Pod pod, V1Volume volume)
    {
        var name = volume.Name;
        if (volume.ConfigMap is { } cm) return ConfigMap(pod, name, cm.Name, cm.Items, cm.Optional, Mode(cm.DefaultMode));
        if (volume.Secret is { } s) return Secret(pod, name, s.SecretName, s.Items, s.Optional, Mode(s.DefaultMode));
        if (volume.DownwardAPI is { } d) return DownwardApi(pod, name, d.Items, Mode(d.DefaultMode));
        if (volume.Projected is { } p)
        {
            var files = new List<VolumeFile>();
            var mode = Mode(p.DefaultMode);
            foreach (var source in p.Sources ?? new List<V1VolumeProjection>())
            {
                if (source.ConfigMap is { } c) files.AddRange(ConfigMap(pod, name, c.Name, c.Items, c.Optional, mode));
                if (source.Secret is { } sec) files.AddRange(Secret(pod, name, sec.Name, sec.Items, sec.Optional, mode));
                if (source.DownwardAPI is { } da) files.AddRange(DownwardApi(pod, name, da.Items, mode));
                if (source.ServiceAccountToken is { } t) files.Add(new VolumeFile(t.Path, token(pod, name, t), mode));
            }
            return files;
        }
        return null;
    }

    private static UnixFileMode Mode(int? mode) => (UnixFileMode)((mode ?? DefaultMode) & 0x1FF);

    private List<VolumeFile> ConfigMap(V1Pod pod, string volume, string configMapName, IList<V1KeyToPath>? items, bool? optional, UnixFileMode mode)
    {
        var cm = cluster.Get<V1ConfigMap>("/configmaps", pod.Namespace(), configMapName)?.Model;
        if (cm is null && configMapName == RootCaConfigMap && !string.IsNullOrEmpty(rootCaPem))
            cm = new V1ConfigMap { Data = new Dictionary<string, string> { ["ca.crt"] = rootCaPem } };
        if (cm is null)
        {
            if (optional == true) return new List<VolumeFile>();
            throw new VolumeSetUpException(volume, $"configmap \"{configMapName}\" not found");
        }
        var data = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (k, v) in cm.Data ?? new Dictionary<string, string>()) data[k] = Encoding.UTF8.GetBytes(v ?? "");
        foreach (var (k, v) in cm.BinaryData ?? new Dictionary<string, byte[]>()) data[k] = v ?? Array.Empty<byte>();
        return Keys(volume, data, items, optional, mode, key => $"configmap references non-existent config key: {key}");
    }

    private List<VolumeFile> Secret(V1Pod pod, string volume, string secretName, IList<V1KeyToPath>? items, bool? optional, UnixFileMode mode)
    {
        var secret = cluster.Get<V1Secret>("/secrets", pod.Namespace(), secretName)?.Model;
        if (secret is null)
        {
            if (optional == true) return new List<VolumeFile>();
            throw new VolumeSetUpException(volume, $"secret \"{secretName}\" not found");
        }
        var data = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (k, v) in secret.Data ?? new Dictionary<string, byte[]>()) data[k] = v ?? Array.Empty<byte>();
        foreach (var (k, v) in secret.StringData ?? new Dictionary<string, string>()) data[k] = Encoding.UTF8.GetBytes(v ?? "");
        return Keys(volume, data, items, optional, mode, key => $"references non-existent secret key: {key}");
    }

    private static List<VolumeFile> Keys(string volume, Dictionary<string, byte[]> data, IList<V1KeyToPath>? items, bool? optional,
        UnixFileMode mode, Func<string, string> missingKey)
    {
        if (items is null || items.Count == 0)
            return data.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new VolumeFile(kv.Key, kv.Value, mode)).ToList();
        var files = new List<VolumeFile>();
        foreach (var item in items)
        {
            if (!data.TryGetValue(item.Key, out var content))
            {
                if (optional == true) continue;
                throw new VolumeSetUpException(volume, missingKey(item.Key));
            }
            files.Add(new VolumeFile(item.Path, content, item.Mode is { } m ? Mode(m) : mode));
        }
        return files;
    }

    private List<VolumeFile> DownwardApi(V1Pod pod, string volume, IList<V1DownwardAPIVolumeFile>? items, UnixFileMode mode)
    {
        var files = new List<VolumeFile>();
        foreach (var item in items ?? new List<V1DownwardAPIVolumeFile>())
        {
            var value = item.FieldRef is { } f ? FieldValue(pod, f.FieldPath)
                : item.ResourceFieldRef is { } r ? ResourceValue(pod, r)
                : null;
            if (value is null) throw new VolumeSetUpException(volume, $"unsupported downward API item {item.Path}");
            files.Add(new VolumeFile(item.Path, Encoding.UTF8.GetBytes(value), item.Mode is { } m ? Mode(m) : mode));
        }
        return files;
    }

    /// <summary>A pod field as the downward API writes it (labels and annotations as sorted <c>key="value"</c> lines).</summary>
    public static string? FieldValue(V1Pod pod, string path)
    {
        static string Pairs(IDictionary<string, string>? map) =>
            string.Join("\n", (map ?? new Dictionary<string, string>()).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={Quote(kv.Value)}"));
        static string? Subscript(string path, string prefix, IDictionary<string, string>? map) =>
            path.StartsWith(prefix + "['", StringComparison.Ordinal) && path.EndsWith("']", StringComparison.Ordinal)
                ? map?.TryGetValue(path[(prefix.Length + 2)..^2], out var v) == true ? v : ""
                : null;
        return path switch
        {
            "metadata.name" => pod.Metadata.Name,
            "metadata.namespace" => pod.Metadata.NamespaceProperty,
            "metadata.uid" => pod.Metadata.Uid,
            "metadata.labels" => Pairs(pod.Metadata.Labels),
            "metadata.annotations" => Pairs(pod.Metadata.Annotations),
            "spec.nodeName" => pod.Spec.NodeName ?? "",
            "spec.serviceAccountName" => pod.Spec.ServiceAccountName ?? "",
            "status.podIP" => pod.Status?.PodIP ?? "",
            "status.hostIP" => pod.Status?.HostIP ?? "",
            _ => Subscript(path, "metadata.labels", pod.Metadata.Labels) ?? Subscript(path, "metadata.annotations", pod.Metadata.Annotations),
        };
    }

    /// <summary>Go's %q for the plain strings labels hold.</summary>
    private static string Quote(string s) =>
        "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\t", "\\t") + "\"";

    /// <summary>A container's request or limit divided by the divisor, rounded up; an unset limit is the node's allocatable.</summary>
    private string? ResourceValue(V1Pod pod, V1ResourceFieldSelector r)
    {
        var container = pod.Spec.Containers.Concat(pod.Spec.InitContainers ?? new List<V1Container>())
            .FirstOrDefault(c => c.Name == r.ContainerName) ?? (string.IsNullOrEmpty(r.ContainerName) ? pod.Spec.Containers.FirstOrDefault() : null);
        if (container is null) return null;
        var parts = r.Resource.Split('.', 2);
        if (parts.Length != 2 || parts[0] is not ("limits" or "requests")) return null;
        var map = parts[0] == "limits" ? container.Resources?.Limits : container.Resources?.Requests;
        decimal value;
        if (map?.TryGetValue(parts[1], out var q) == true) value = q.ToDecimal();
        else if (parts[0] == "limits")
        {
            var node = string.IsNullOrEmpty(pod.Spec.NodeName) ? null : cluster.Get<V1Node>("/nodes", "", pod.Spec.NodeName)?.Model;
            value = node?.Status?.Allocatable?.TryGetValue(parts[1], out var a) == true ? a.ToDecimal() : 0;
        }
        else value = 0;
        var divisor = r.Divisor?.ToDecimal() is { } d && d > 0 ? d : 1;
        return Math.Ceiling(value / divisor).ToString(CultureInfo.InvariantCulture);
    }
}
