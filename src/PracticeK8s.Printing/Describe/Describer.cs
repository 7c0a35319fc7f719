using k8s.Models;
using PracticeK8s.Printing.Describe;
using PracticeK8s.Printing.Describe.Kinds;

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
    public static string Describe(DescribeInput input, DateTime nowUtc) => DescribeText.Render(Sections(input, nowUtc));

    /// <summary>Several descriptions separated as kubectl separates them ("\n\n" before each one after the first).</summary>
    public static string DescribeAll(IEnumerable<DescribeInput> inputs, DateTime nowUtc) =>
        string.Join("\n\n", inputs.Select(i => Describe(i, nowUtc)));

    /// <summary>The description in structured form; <see cref="Describe"/> renders exactly these sections.</summary>
    public static IReadOnlyList<DescribeSection> Sections(DescribeInput input, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = HumanDuration.Utc(nowUtc);
        var w = new DescribeBuilder(input.KubectlMinorVersion);
        switch (input.Resource)
        {
            case V1Pod pod: PodDescriber.Write(w, pod, input, now); break;
            case V1Deployment deployment: DeploymentDescriber.Write(w, deployment, input, now); break;
            case V1ReplicaSet replicaSet: ReplicaSetDescriber.Write(w, replicaSet, input, now); break;
            case V1DaemonSet daemonSet: DaemonSetDescriber.Write(w, daemonSet, input, now); break;
            case V1StatefulSet statefulSet: StatefulSetDescriber.Write(w, statefulSet, input, now); break;
            case V1Service service: ServiceDescriber.Write(w, service, input, now); break;
            case V1Node node: NodeDescriber.Write(w, node, input, now); break;
            case V1Namespace ns: NamespaceDescriber.Write(w, ns, input); break;
            case V1PersistentVolumeClaim claim: PersistentVolumeClaimDescriber.Write(w, claim, input, now); break;
            case V1PersistentVolume volume: PersistentVolumeDescriber.Write(w, volume, input, now); break;
            case V1Ingress ingress: IngressDescriber.Write(w, ingress, input, now); break;
            case V1Secret secret: ConfigDescriber.WriteSecret(w, secret); break;
            case V1ConfigMap configMap: ConfigDescriber.WriteConfigMap(w, configMap, input, now); break;
            case V1Job job: JobDescriber.WriteJob(w, job, input, now); break;
            case V1CronJob cronJob: JobDescriber.WriteCronJob(w, cronJob, input, now); break;
            case V1Endpoints endpoints: EndpointsDescriber.WriteEndpoints(w, endpoints, input, now); break;
            case V1EndpointSlice slice: EndpointsDescriber.WriteEndpointSlice(w, slice, input, now); break;
            case V1ServiceAccount account: ServiceAccountDescriber.Write(w, account, input, now); break;
            case V1StorageClass storageClass: StorageClassDescriber.Write(w, storageClass, input, now); break;
            case V1PodDisruptionBudget budget: PodDisruptionBudgetDescriber.Write(w, budget, input, now); break;
            case V1IngressClass ingressClass: ClusterPolicyDescribers.WriteIngressClass(w, ingressClass, input, now); break;
            case V1PriorityClass priorityClass: ClusterPolicyDescribers.WritePriorityClass(w, priorityClass, input, now); break;
            case V1RoleBinding binding: ClusterPolicyDescribers.WriteBinding(w, binding, binding.RoleRef, binding.Subjects); break;
            case V1ClusterRoleBinding binding: ClusterPolicyDescribers.WriteBinding(w, binding, binding.RoleRef, binding.Subjects); break;
            default: GenericDescriber.Write(w, input.Resource, input, now); break;
        }
        return w.Build();
    }
}
