using k8s;
using k8s.Models;

namespace PracticeK8s.Printing.Describe.Kinds;

/// <summary>describe deployment. Related objects: <see cref="DescribeInput.ReplicaSets"/>, <see cref="DescribeInput.Events"/>.</summary>
internal static class DeploymentDescriber
{
    public static void Write(DescribeBuilder w, V1Deployment deployment, DescribeInput input, DateTime now)
    {
        var meta = deployment.Metadata ?? new V1ObjectMeta();
        var spec = deployment.Spec ?? new V1DeploymentSpec();
        var status = deployment.Status ?? new V1DeploymentStatus();

        w.Field(0, "Name", meta.Name);
        w.Field(0, "Namespace", meta.NamespaceProperty);
        w.Field(0, "CreationTimestamp", DescribeTime.Format(meta.CreationTimestamp, input.TimeZone));
        Common.Labels(w, "Labels", meta.Labels);
        Common.Annotations(w, "Annotations", meta.Annotations);
        w.Field(0, "Selector", Common.Selector(spec.Selector));
        w.Field(0, "Replicas",
            $"{spec.Replicas ?? 1} desired | {status.UpdatedReplicas ?? 0} updated | {status.Replicas ?? 0} total | " +
            $"{status.AvailableReplicas ?? 0} available | {status.UnavailableReplicas ?? 0} unavailable");
        w.Field(0, "StrategyType", spec.Strategy?.Type ?? "");
        w.Field(0, "MinReadySeconds", (spec.MinReadySeconds ?? 0).ToString());
        if (spec.Strategy?.RollingUpdate is { } rolling)
            w.Field(0, "RollingUpdateStrategy",
                $"{rolling.MaxUnavailable?.Value ?? "<nil>"} max unavailable, {rolling.MaxSurge?.Value ?? "<nil>"} max surge");
        PodTemplate.Write(w, spec.Template, input.TimeZone);
        if (status.Conditions is { Count: > 0 } conditions)
            w.Table(0, "Conditions", ["Type", "Status", "Reason"],
                conditions.Select(c => (IReadOnlyList<string>)[c.Type ?? "", c.Status ?? "", c.Reason ?? ""]), rowIndent: 2, paddedColumns: 1);

        var (oldSets, newSet) = SplitReplicaSets(deployment, input.ReplicaSets ?? []);
        if (oldSets.Count > 0 || newSet is not null)
        {
            w.Field(0, "OldReplicaSets", ReplicaSetList(oldSets));
            w.Field(0, "NewReplicaSet", ReplicaSetList(newSet is null ? [] : [newSet]));
        }
        EventsSection.Write(w, input.Events, now);
    }

    private static string ReplicaSetList(IReadOnlyList<V1ReplicaSet> sets) =>
        sets.Count == 0 ? KubeFormat.None
            : string.Join(", ", sets.Select(rs => $"{rs.Metadata?.Name} ({rs.Status?.Replicas ?? 0}/{rs.Spec?.Replicas ?? 1} replicas created)"));

    /// <summary>
    /// Keeps the ReplicaSets the deployment controls; the new one is the oldest whose pod template equals the
    /// deployment's (ignoring pod-template-hash); all others, in the given order, are old.
    /// </summary>
    public static (IReadOnlyList<V1ReplicaSet> Old, V1ReplicaSet? New) SplitReplicaSets(V1Deployment deployment, IReadOnlyList<V1ReplicaSet> candidates)
    {
        var owned = candidates.Where(rs => Controls(deployment, rs)).ToList();
        var wanted = TemplateKey(deployment.Spec?.Template);
        var newSet = owned
            .OrderBy(rs => rs.Metadata?.CreationTimestamp ?? DateTime.MinValue)
            .ThenBy(rs => rs.Metadata?.Name, StringComparer.Ordinal)
            .FirstOrDefault(rs => TemplateKey(rs.Spec?.Template) == wanted);
        return (owned.Where(rs => !ReferenceEquals(rs, newSet)).ToList(), newSet);
    }

    private static bool Controls(V1Deployment deployment, V1ReplicaSet rs)
    {
        var owner = rs.Metadata?.OwnerReferences?.FirstOrDefault(o => o.Controller == true);
        if (owner is null) return false;
        return !string.IsNullOrEmpty(deployment.Metadata?.Uid)
            ? owner.Uid == deployment.Metadata.Uid
            : owner.Kind == "Deployment" && owner.Name == deployment.Metadata?.Name;
    }

    private static string TemplateKey(V1PodTemplateSpec? template)
    {
        if (template is null) return "";
        var copy = KubernetesJson.Deserialize<V1PodTemplateSpec>(KubernetesJson.Serialize(template));
        if (copy.Metadata?.Labels is { } labels)
        {
            labels.Remove("pod-template-hash");
            if (labels.Count == 0) copy.Metadata.Labels = null;
        }
        return KubernetesJson.Serialize(copy);
    }
}
