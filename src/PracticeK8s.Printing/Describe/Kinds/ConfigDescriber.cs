using System.Text;
using k8s.Models;

namespace PracticeK8s.Printing.Describe.Kinds;

/// <summary>describe secret (no related objects, no events) and describe configmap (<see cref="DescribeInput.Events"/>).</summary>
internal static class ConfigDescriber
{
    public static void WriteSecret(DescribeBuilder w, V1Secret secret)
    {
        var meta = secret.Metadata ?? new V1ObjectMeta();
        w.Field(0, "Name", meta.Name);
        w.Field(0, "Namespace", meta.NamespaceProperty);
        Common.Labels(w, "Labels", meta.Labels);
        Common.Annotations(w, "Annotations", meta.Annotations);
        w.Text(0, "");
        w.Field(0, "Type", secret.Type);
        w.Text(0, "");
        w.Text(0, "Data");
        w.Text(0, "====");
        foreach (var (key, value) in (secret.Data ?? new Dictionary<string, byte[]>()).OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            // kubectl shows a service-account token itself; other values only by size.
            bool token = key == "token" && secret.Type == "kubernetes.io/service-account-token";
            w.Field(0, key, token ? Encoding.UTF8.GetString(value ?? []) : $"{value?.Length ?? 0} bytes");
        }
    }

    public static void WriteConfigMap(DescribeBuilder w, V1ConfigMap configMap, DescribeInput input, DateTime now)
    {
        var meta = configMap.Metadata ?? new V1ObjectMeta();
        w.Field(0, "Name", meta.Name);
        w.Field(0, "Namespace", meta.NamespaceProperty);
        Common.Labels(w, "Labels", meta.Labels);
        Common.Annotations(w, "Annotations", meta.Annotations);
        w.Text(0, "");
        w.Text(0, "Data");
        w.Text(0, "====");
        foreach (var (key, value) in (configMap.Data ?? new Dictionary<string, string>()).OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            w.Text(0, $"{key}:");
            w.Text(0, "----");
            w.Text(0, value ?? "");
            w.Text(0, "");
        }
        w.Text(0, "");
        w.Text(0, "BinaryData");
        w.Text(0, "====");
        foreach (var (key, value) in (configMap.BinaryData ?? new Dictionary<string, byte[]>()).OrderBy(d => d.Key, StringComparer.Ordinal))
            w.Text(0, $"{key}: {value?.Length ?? 0} bytes");
        w.Text(0, "");
        EventsSection.Write(w, input.Events, now);
    }
}
