using PracticeK8s.Printing.Describe;

namespace PracticeK8s.Printing;

/// <summary>
/// <c>kubectl describe</c> text, as kubectl v1.32 or v1.33 prints it (<see cref="DescribeInput.KubectlMinorVersion"/>), for Pod, Deployment, ReplicaSet, DaemonSet, StatefulSet,
/// Service, Node, Namespace, PersistentVolumeClaim, PersistentVolume, Ingress, Secret, ConfigMap, Job, CronJob,
/// Endpoints, EndpointSlice, ServiceAccount, StorageClass, PodDisruptionBudget, IngressClass, PriorityClass,
/// RoleBinding and ClusterRoleBinding, and kubectl's generic layout for any other object. Each kind's describer documents the related objects it
/// reads from <see cref="DescribeInput"/>.
/// </summary>
public static class Describer
{
    /// <summary>The description as kubectl prints it, aligned, ending with a newline.</summary>
    /// <param name="describer">The kind's describer (the module's kind catalog passes its own); default: found by the object's model type.</param>
    public static string Describe(DescribeInput input, DateTime nowUtc, KindDescriber? describer = null) =>
        DescribeText.Render(Sections(input, nowUtc, describer));

    /// <summary>Several descriptions separated as kubectl separates them ("\n\n" before each one after the first).</summary>
    public static string DescribeAll(IEnumerable<DescribeInput> inputs, DateTime nowUtc) =>
        string.Join("\n\n", inputs.Select(i => Describe(i, nowUtc)));

    /// <summary>The description in structured form; <see cref="Describe"/> renders exactly these sections.</summary>
    public static IReadOnlyList<DescribeSection> Sections(DescribeInput input, DateTime nowUtc, KindDescriber? describer = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var w = new DescribeBuilder(input.KubectlMinorVersion);
        describer ??= KindDescribers.ForType(input.Resource.GetType()) ?? KindDescribers.Generic;
        describer.Write(w, input.Resource, input, HumanDuration.Utc(nowUtc));
        return w.Build();
    }
}
