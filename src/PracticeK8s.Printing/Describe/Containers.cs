using k8s.Models;

namespace PracticeK8s.Printing.Describe;

/// <summary>The Containers / Init Containers blocks of pods and pod templates.</summary>
internal static class Containers
{
    /// <summary>
    /// Writes "Label:" and one block per container. <paramref name="space"/> is "" for a pod and "  " inside a
    /// pod template, where container names sit at 3 spaces. Statuses are null for templates.
    /// </summary>
    public static void Write(DescribeBuilder w, string label, IList<V1Container>? containers, IList<V1ContainerStatus>? statuses,
        V1Pod? pod, string space, TimeZoneInfo zone)
    {
        containers ??= [];
        var byName = new Dictionary<string, V1ContainerStatus>();
        foreach (var status in statuses ?? []) byName[status.Name ?? ""] = status;

        using var _ = w.Group(space.Length, label, containers.Count == 0 ? KubeFormat.None : null, " ");
        foreach (var container in containers)
        {
            var status = byName.GetValueOrDefault(container.Name ?? "");
            using var block = w.Group(2 + (space.Length > 0 ? 1 : 0), container.Name ?? "");
            BasicInfo(w, container, status);
            Command(w, "Command", container.Command);
            Command(w, "Args", container.Args);
            if (status is not null)
            {
                State(w, "State", status.State, zone);
                if (status.LastState?.Terminated is not null) State(w, "Last State", status.LastState, zone);
                w.Field(4, "Ready", KubeFormat.Bool(status.Ready));
                w.Field(4, "Restart Count", status.RestartCount.ToString());
            }
            Resources(w, container.Resources, 4);
            Probes(w, container);
            if (container.EnvFrom is { Count: > 0 }) EnvFrom(w, container.EnvFrom);
            Environment(w, container, pod);
            Mounts(w, container);
        }
    }

    private static void BasicInfo(DescribeBuilder w, V1Container container, V1ContainerStatus? status)
    {
        if (status is not null) w.Field(4, "Container ID", status.ContainerID);
        w.Field(4, "Image", container.Image);
        if (status is not null) w.Field(4, "Image ID", status.ImageID);
        var ports = string.Join(", ", (container.Ports ?? []).Select(p => $"{p.ContainerPort}/{p.Protocol ?? "TCP"}"));
        if (ports.Contains(',')) w.Field(4, "Ports", ports);
        else w.Field(4, "Port", KubeFormat.OrDefault(ports, KubeFormat.None));
        var hostPorts = string.Join(", ", (container.Ports ?? []).Select(p => $"{p.HostPort ?? 0}/{p.Protocol ?? "TCP"}"));
        if (hostPorts.Contains(',')) w.Field(4, "Host Ports", hostPorts);
        else w.Field(4, "Host Port", KubeFormat.OrDefault(hostPorts, KubeFormat.None));
        if (container.SecurityContext?.SeccompProfile is { } seccomp)
        {
            w.Field(4, "SeccompProfile", seccomp.Type);
            if (seccomp.Type == "Localhost") w.Field(6, "LocalhostProfile", seccomp.LocalhostProfile);
        }
    }

    private static void Command(DescribeBuilder w, string label, IList<string>? parts)
    {
        if (parts is null || parts.Count == 0) return;
        using var _ = w.Group(4, label);
        foreach (var part in parts)
            foreach (var line in part.Split('\n')) w.Text(6, line);
    }

    /// <summary>"State:" TAB Running/Waiting/Terminated with its details one level deeper.</summary>
    public static void State(DescribeBuilder w, string name, V1ContainerState? state, TimeZoneInfo zone)
    {
        if (state?.Running is { } running)
        {
            using var _ = w.Group(4, name, "Running");
            w.Field(6, "Started", DescribeTime.Format(running.StartedAt, zone));
        }
        else if (state?.Waiting is { } waiting)
        {
            using var _ = w.Group(4, name, "Waiting");
            if (!string.IsNullOrEmpty(waiting.Reason)) w.Field(6, "Reason", waiting.Reason);
        }
        else if (state?.Terminated is { } terminated)
        {
            using var _ = w.Group(4, name, "Terminated");
            if (!string.IsNullOrEmpty(terminated.Reason)) w.Field(6, "Reason", terminated.Reason);
            if (!string.IsNullOrEmpty(terminated.Message)) w.Field(6, "Message", terminated.Message);
            w.Field(6, "Exit Code", terminated.ExitCode.ToString());
            if (terminated.Signal is > 0) w.Field(6, "Signal", terminated.Signal.ToString());
            w.Field(6, "Started", DescribeTime.Format(terminated.StartedAt, zone));
            w.Field(6, "Finished", DescribeTime.Format(terminated.FinishedAt, zone));
        }
        else
        {
            w.Field(4, name, "Waiting");
        }
    }

    /// <summary>"Limits:" and "Requests:" with one sorted "resource: quantity" line each.</summary>
    public static void Resources(DescribeBuilder w, V1ResourceRequirements? resources, int indent)
    {
        foreach (var (label, list) in new[] { ("Limits", resources?.Limits), ("Requests", resources?.Requests) })
        {
            if (list is null || list.Count == 0) continue;
            using var _ = w.Group(indent, label);
            foreach (var (name, quantity) in list.OrderBy(r => r.Key, StringComparer.Ordinal))
                w.Field(indent + 2, name, KubeFormat.Quantity(quantity));
        }
    }

    private static void Probes(DescribeBuilder w, V1Container container)
    {
        if (container.LivenessProbe is { } liveness) w.Field(4, "Liveness", ProbeText.Describe(liveness));
        if (container.ReadinessProbe is { } readiness) w.Field(4, "Readiness", ProbeText.Describe(readiness));
        if (container.StartupProbe is { } startup) w.Field(4, "Startup", ProbeText.Describe(startup));
    }

    private static void EnvFrom(DescribeBuilder w, IList<V1EnvFromSource> sources)
    {
        var rows = sources.Select(source =>
        {
            var (from, name, optional) = source.ConfigMapRef is { } cm ? ("ConfigMap", cm.Name, cm.Optional == true)
                : source.SecretRef is { } secret ? ("Secret", secret.Name, secret.Optional == true)
                : ("", "", false);
            var kind = string.IsNullOrEmpty(source.Prefix) ? from : $"{from} with prefix '{source.Prefix}'";
            return (IReadOnlyList<string>)[name ?? "", kind, $"Optional: {Common.GoBool(optional)}"];
        });
        w.Table(4, "Environment Variables from", [], rows, rowIndent: 6, underline: false);
    }

    private static void Environment(DescribeBuilder w, V1Container container, V1Pod? pod)
    {
        var env = container.Env ?? [];
        using var _ = w.Group(4, "Environment", env.Count == 0 ? KubeFormat.None : null);
        foreach (var variable in env)
        {
            var from = variable.ValueFrom;
            if (from is null)
            {
                var lines = (variable.Value ?? "").Split('\n');
                w.Add(new DescribeSection
                {
                    Kind = DescribeSectionKind.Field, Label = variable.Name ?? "", Value = lines[0], Indent = 6,
                    MoreValues = lines.Skip(1).ToArray(), ContinuationIndent = 6,
                });
            }
            else if (from.FieldRef is { } fieldRef)
            {
                var value = pod is null ? "" : EnvValues.FieldValue(pod, fieldRef.FieldPath);
                w.Field(6, variable.Name ?? "", $"{value} ({fieldRef.ApiVersion}:{fieldRef.FieldPath})");
            }
            else if (from.ResourceFieldRef is { } resourceRef)
            {
                var value = EnvValues.ResourceValue(container, resourceRef);
                if (value == "0" && resourceRef.Resource is "limits.cpu" or "limits.memory") value = "node allocatable";
                w.Field(6, variable.Name ?? "", $"{value} ({resourceRef.Resource})");
            }
            else if (from.SecretKeyRef is { } secretRef)
            {
                w.Field(6, variable.Name ?? "",
                    $"<set to the key '{secretRef.Key}' in secret '{secretRef.Name}'>\tOptional: {Common.GoBool(secretRef.Optional == true)}");
            }
            else if (from.ConfigMapKeyRef is { } configMapRef)
            {
                w.Field(6, variable.Name ?? "",
                    $"<set to the key '{configMapRef.Key}' of config map '{configMapRef.Name}'>\tOptional: {Common.GoBool(configMapRef.Optional == true)}");
            }
        }
    }

    private static void Mounts(DescribeBuilder w, V1Container container)
    {
        var mounts = container.VolumeMounts ?? [];
        using (w.Group(4, "Mounts", mounts.Count == 0 ? KubeFormat.None : null))
        {
            foreach (var mount in mounts.OrderBy(m => m.MountPath, StringComparer.Ordinal))
            {
                var flags = mount.ReadOnlyProperty == true ? "ro" : "rw";
                if (!string.IsNullOrEmpty(mount.SubPath)) flags += $",path=\"{mount.SubPath}\"";
                w.Text(6, $"{mount.MountPath} from {mount.Name} ({flags})");
            }
        }
        if (container.VolumeDevices is { Count: > 0 } devices)
        {
            using var _ = w.Group(4, "Devices");
            foreach (var device in devices.OrderBy(d => d.DevicePath, StringComparer.Ordinal))
                w.Text(6, $"{device.DevicePath} from {device.Name}");
        }
    }
}
