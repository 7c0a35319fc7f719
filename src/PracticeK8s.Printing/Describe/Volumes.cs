using k8s.Models;

namespace PracticeK8s.Printing.Describe;

/// <summary>The Volumes block of pods and pod templates, and the volume sources shared with persistent volumes.</summary>
internal static class Volumes
{
    /// <summary>"Volumes:" and one block per volume; <paramref name="space"/> is "  " inside a pod template.</summary>
    public static void Write(DescribeBuilder w, IList<V1Volume>? volumes, string space)
    {
        if (volumes is null || volumes.Count == 0)
        {
            w.Field(space.Length, "Volumes", KubeFormat.None);
            return;
        }
        using var _ = w.Group(space.Length, "Volumes");
        foreach (var volume in volumes)
        {
            using var block = w.Group(2 + (space.Length > 0 ? 1 : 0), volume.Name ?? "");
            Source(w, volume);
        }
    }

    private static void Source(DescribeBuilder w, V1Volume v)
    {
        if (v.HostPath is { } hostPath) HostPath(w, hostPath);
        else if (v.EmptyDir is { } emptyDir)
        {
            w.Field(4, "Type", "EmptyDir (a temporary directory that shares a pod's lifetime)");
            w.Field(4, "Medium", emptyDir.Medium ?? "");
            w.Field(4, "SizeLimit", emptyDir.SizeLimit is { } limit && limit.ToDecimal() > 0 ? KubeFormat.Quantity(limit) : KubeFormat.Unset);
        }
        else if (v.Secret is { } secret)
        {
            w.Field(4, "Type", "Secret (a volume populated by a Secret)");
            w.Field(4, "SecretName", secret.SecretName);
            w.Field(4, "Optional", Common.GoBool(secret.Optional == true));
        }
        else if (v.ConfigMap is { } configMap)
        {
            w.Field(4, "Type", "ConfigMap (a volume populated by a ConfigMap)");
            w.Field(4, "Name", configMap.Name);
            w.Field(4, "Optional", Common.GoBool(configMap.Optional == true));
        }
        else if (v.Nfs is { } nfs) Nfs(w, nfs.Server, nfs.Path, nfs.ReadOnlyProperty);
        else if (v.PersistentVolumeClaim is { } claim)
        {
            w.Field(4, "Type", "PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)");
            w.Field(4, "ClaimName", claim.ClaimName);
            w.Field(4, "ReadOnly", Common.GoBool(claim.ReadOnlyProperty == true));
        }
        else if (v.Ephemeral is { } ephemeral) Ephemeral(w, ephemeral);
        else if (v.DownwardAPI is { } downward)
        {
            w.Field(4, "Type", "DownwardAPI (a volume populated by information about the pod)");
            using var _ = w.Group(4, "Items");
            foreach (var item in downward.Items ?? [])
            {
                if (item.FieldRef is { } field) w.Text(6, $"{field.FieldPath} -> {item.Path}");
                if (item.ResourceFieldRef is { } resource) w.Text(6, $"{resource.Resource} -> {item.Path}");
            }
        }
        else if (v.Projected is { } projected) Projected(w, projected);
        else if (v.Csi is { } csi)
        {
            w.Field(4, "Type", "CSI (a Container Storage Interface (CSI) volume source)");
            w.Field(4, "Driver", csi.Driver);
            w.Field(4, "FSType", csi.FsType ?? "");
            w.Field(4, "ReadOnly", Common.GoBool(csi.ReadOnlyProperty == true));
            VolumeAttributes(w, csi.VolumeAttributes);
        }
        else if (v.Image is { } image)
        {
            w.Field(4, "Type", "Image (a container image or OCI artifact)");
            w.Field(4, "Reference", image.Reference);
            w.Field(4, "PullPolicy", image.PullPolicy ?? "");
        }
        else w.Text(2, "<unknown>");
    }

    public static void HostPath(DescribeBuilder w, V1HostPathVolumeSource hostPath)
    {
        w.Field(4, "Type", "HostPath (bare host directory volume)");
        w.Field(4, "Path", hostPath.Path);
        w.Field(4, "HostPathType", hostPath.Type ?? KubeFormat.None);
    }

    public static void Nfs(DescribeBuilder w, string? server, string? path, bool? readOnly)
    {
        w.Field(4, "Type", "NFS (an NFS mount that lasts the lifetime of a pod)");
        w.Field(4, "Server", server);
        w.Field(4, "Path", path);
        w.Field(4, "ReadOnly", Common.GoBool(readOnly == true));
    }

    private static void Projected(DescribeBuilder w, V1ProjectedVolumeSource projected)
    {
        bool newer = w.KubectlMinorVersion >= 33;
        w.Field(4, "Type", "Projected (a volume that contains injected data from multiple sources)");
        foreach (var source in projected.Sources ?? [])
        {
            if (source.Secret is { } secret)
            {
                w.Field(4, "SecretName", secret.Name);
                if (newer) w.Field(4, "Optional", Common.GoBool(secret.Optional == true));
                else w.Field(4, "SecretOptionalName", OlderOptional(secret.Optional));
            }
            else if (source.DownwardAPI is not null) w.Field(4, "DownwardAPI", "true");
            else if (source.ConfigMap is { } configMap)
            {
                w.Field(4, "ConfigMapName", configMap.Name);
                if (newer) w.Field(4, "Optional", Common.GoBool(configMap.Optional == true));
                else w.Field(4, "ConfigMapOptional", OlderOptional(configMap.Optional));
            }
            else if (source.ServiceAccountToken is { } token)
                w.Field(4, "TokenExpirationSeconds", (token.ExpirationSeconds ?? 0).ToString());
        }
    }

    /// <summary>
    /// kubectl before v1.33 printed the optional flag's pointer: "&lt;nil&gt;" when unset, an address otherwise;
    /// the value is shown instead of an address.
    /// </summary>
    private static string OlderOptional(bool? optional) => optional is bool value ? Common.GoBool(value) : "<nil>";

    private static void Ephemeral(DescribeBuilder w, V1EphemeralVolumeSource ephemeral)
    {
        w.Field(4, "Type", "EphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)");
        if (ephemeral.VolumeClaimTemplate is not { } template) return;
        var claim = new V1PersistentVolumeClaim { Metadata = template.Metadata ?? new V1ObjectMeta(), Spec = template.Spec };
        Kinds.PersistentVolumeClaimDescriber.ClaimFields(w, claim, fullClaim: false, indent: 4);
    }

    /// <summary>
    /// CSI volume attributes. kubectl's writer re-indents each piece it writes here, so the values carry four
    /// extra spaces and further lines eight: reproduced as printed.
    /// </summary>
    public static void VolumeAttributes(DescribeBuilder w, IDictionary<string, string>? attributes)
    {
        var lines = (attributes ?? new Dictionary<string, string>()).OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => $"{a.Key}={a.Value}").Select(line => "    " + (line.Length > 140 ? line[..140] + "..." : line)).ToArray();
        w.Add(new DescribeSection
        {
            Kind = DescribeSectionKind.Field, Label = "VolumeAttributes", Indent = 4,
            Value = lines.Length == 0 ? KubeFormat.None : lines[0], MoreValues = lines.Skip(1).ToArray(), ContinuationIndent = 8,
        });
    }
}
