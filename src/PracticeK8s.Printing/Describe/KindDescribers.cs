using k8s.Models;
using PracticeK8s.Printing.Describe;
using PracticeK8s.Printing.Describe.Kinds;

namespace PracticeK8s.Printing;

/// <summary>How one kind of object is described; the module's kind catalog names one per kind and hands it to <see cref="Describer"/>.</summary>
public sealed class KindDescriber
{
    private readonly Action<DescribeBuilder, object, DescribeInput, DateTime> _write;

    internal KindDescriber(Type model, Action<DescribeBuilder, object, DescribeInput, DateTime> write)
    {
        Model = model;
        _write = write;
    }

    /// <summary>The model class it describes (objects of subclasses too); <c>object</c> for the generic describer.</summary>
    public Type Model { get; }

    internal void Write(DescribeBuilder w, object resource, DescribeInput input, DateTime now) => _write(w, resource, input, now);
}

/// <summary>The describers of every kind kubectl has a dedicated describe for, found by model type (like <see cref="KubePrinters"/>).</summary>
public static class KindDescribers
{
    private static KindDescriber Of<T>(Action<DescribeBuilder, T, DescribeInput, DateTime> write) =>
        new(typeof(T), (w, resource, input, now) => write(w, (T)resource, input, now));

    private static readonly Dictionary<Type, KindDescriber> s_byModel = new KindDescriber[]
    {
        Of<V1Pod>(PodDescriber.Write),
        Of<V1Deployment>(DeploymentDescriber.Write),
        Of<V1ReplicaSet>(ReplicaSetDescriber.Write),
        Of<V1DaemonSet>(DaemonSetDescriber.Write),
        Of<V1StatefulSet>(StatefulSetDescriber.Write),
        Of<V1Service>(ServiceDescriber.Write),
        Of<V1Node>(NodeDescriber.Write),
        Of<V1Namespace>((w, ns, input, _) => NamespaceDescriber.Write(w, ns, input)),
        Of<V1PersistentVolumeClaim>(PersistentVolumeClaimDescriber.Write),
        Of<V1PersistentVolume>(PersistentVolumeDescriber.Write),
        Of<V1Ingress>(IngressDescriber.Write),
        Of<V1Secret>((w, secret, _, _) => ConfigDescriber.WriteSecret(w, secret)),
        Of<V1ConfigMap>(ConfigDescriber.WriteConfigMap),
        Of<V1Job>(JobDescriber.WriteJob),
        Of<V1CronJob>(JobDescriber.WriteCronJob),
        Of<V1Endpoints>(EndpointsDescriber.WriteEndpoints),
        Of<V1EndpointSlice>(EndpointsDescriber.WriteEndpointSlice),
        Of<V1ServiceAccount>(ServiceAccountDescriber.Write),
        Of<V1StorageClass>(StorageClassDescriber.Write),
        Of<V1PodDisruptionBudget>(PodDisruptionBudgetDescriber.Write),
        Of<V1IngressClass>(ClusterPolicyDescribers.WriteIngressClass),
        Of<V1PriorityClass>(ClusterPolicyDescribers.WritePriorityClass),
        Of<V1RoleBinding>((w, b, _, _) => ClusterPolicyDescribers.WriteBinding(w, b, b.RoleRef, b.Subjects)),
        Of<V1ClusterRoleBinding>((w, b, _, _) => ClusterPolicyDescribers.WriteBinding(w, b, b.RoleRef, b.Subjects)),
    }.ToDictionary(d => d.Model);

    /// <summary>kubectl's generic layout, for any object (custom resources, JSON objects).</summary>
    public static KindDescriber Generic { get; } = new(typeof(object), GenericDescriber.Write);

    /// <summary>The dedicated describer of a model type or of a class derived from one (the module's pipeline objects), else null.</summary>
    public static KindDescriber? ForType(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (s_byModel.TryGetValue(t, out var describer))
                return describer;
        }
        return null;
    }
}
