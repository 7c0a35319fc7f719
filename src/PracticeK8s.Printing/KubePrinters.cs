using PracticeK8s.Printing.Tables;
using PracticeK8s.Printing.Tables.Kinds;

namespace PracticeK8s.Printing;

/// <summary>The table printers of every kind kubectl has a dedicated table for, found by kind or by model type.</summary>
public static class KubePrinters
{
    private static readonly (Type Model, IKindPrinter Printer)[] Printers =
    [
        (typeof(k8s.Models.V1Pod), new PodPrinter()),
        (typeof(k8s.Models.V1ReplicaSet), new ReplicaSetPrinter()),
        (typeof(k8s.Models.V1Deployment), new DeploymentPrinter()),
        (typeof(k8s.Models.V1DaemonSet), new DaemonSetPrinter()),
        (typeof(k8s.Models.V1StatefulSet), new StatefulSetPrinter()),
        (typeof(k8s.Models.V1Service), new ServicePrinter()),
        (typeof(k8s.Models.V1Node), new NodePrinter()),
        (typeof(k8s.Models.V1Namespace), new NamespacePrinter()),
        (typeof(k8s.Models.V1PersistentVolumeClaim), new PersistentVolumeClaimPrinter()),
        (typeof(k8s.Models.V1PersistentVolume), new PersistentVolumePrinter()),
        (typeof(k8s.Models.V1Ingress), new IngressPrinter()),
        (typeof(k8s.Models.Corev1Event), new EventPrinter()),
        (typeof(k8s.Models.V1ConfigMap), new ConfigMapPrinter()),
        (typeof(k8s.Models.V1Secret), new SecretPrinter()),
        (typeof(k8s.Models.V1Job), new JobPrinter()),
        (typeof(k8s.Models.V1CronJob), new CronJobPrinter()),
        (typeof(k8s.Models.V1Endpoints), new EndpointsPrinter()),
        (typeof(k8s.Models.V1ServiceAccount), new ServiceAccountPrinter()),
        (typeof(k8s.Models.V1StorageClass), new StorageClassPrinter()),
        (typeof(k8s.Models.V1PodDisruptionBudget), new PodDisruptionBudgetPrinter()),
        (typeof(k8s.Models.V1Lease), new LeasePrinter()),
        (typeof(k8s.Models.V1IngressClass), new IngressClassPrinter()),
        (typeof(k8s.Models.V1ControllerRevision), new ControllerRevisionPrinter()),
        (typeof(k8s.Models.V1EndpointSlice), new EndpointSlicePrinter()),
        (typeof(k8s.Models.V1CustomResourceDefinition),
            new CreatedAtPrinter<k8s.Models.V1CustomResourceDefinition>("apiextensions.k8s.io", "CustomResourceDefinition")),
        (typeof(k8s.Models.V1ReplicationController), new ReplicationControllerPrinter()),
        (typeof(k8s.Models.V2HorizontalPodAutoscaler), new HorizontalPodAutoscalerPrinter()),
        (typeof(k8s.Models.V1NetworkPolicy), new NetworkPolicyPrinter()),
        (typeof(k8s.Models.V1Role), new CreatedAtPrinter<k8s.Models.V1Role>("rbac.authorization.k8s.io", "Role")),
        (typeof(k8s.Models.V1ClusterRole), new CreatedAtPrinter<k8s.Models.V1ClusterRole>("rbac.authorization.k8s.io", "ClusterRole")),
        (typeof(k8s.Models.V1RoleBinding),
            new RoleBindingPrinter<k8s.Models.V1RoleBinding>("RoleBinding", b => b.RoleRef, b => b.Subjects)),
        (typeof(k8s.Models.V1ClusterRoleBinding),
            new RoleBindingPrinter<k8s.Models.V1ClusterRoleBinding>("ClusterRoleBinding", b => b.RoleRef, b => b.Subjects)),
        (typeof(k8s.Models.V1PriorityClass), new PriorityClassPrinter()),
        (typeof(k8s.Models.V1ResourceQuota), new ResourceQuotaPrinter()),
        (typeof(k8s.Models.V1LimitRange), new CreatedAtPrinter<k8s.Models.V1LimitRange>("", "LimitRange")),
    ];

    private static readonly Dictionary<Type, IKindPrinter> ByType = Printers.ToDictionary(p => p.Model, p => p.Printer);

    private static readonly Dictionary<(string Group, string Kind), IKindPrinter> ByKind =
        Printers.ToDictionary(p => (p.Printer.Group, p.Printer.Kind.ToLowerInvariant()), p => p.Printer);

    /// <summary>NAME, AGE for any object with standard metadata (typed model or JSON object).</summary>
    public static IKindPrinter Generic { get; } = new GenericPrinter();

    /// <summary>Every dedicated printer (Generic excluded).</summary>
    public static IReadOnlyList<IKindPrinter> All { get; } = Printers.Select(p => p.Printer).ToArray();

    /// <summary>The printer for a kind ("apps", "Deployment"); the kind is matched case-insensitively and "core" means "".</summary>
    public static IKindPrinter? ForKind(string group, string kind)
    {
        var normalizedGroup = group is null or "core" ? "" : group;
        return ByKind.GetValueOrDefault((normalizedGroup, (kind ?? "").ToLowerInvariant()));
    }

    /// <summary>The printer for the model's runtime type, or <see cref="Generic"/>.</summary>
    public static IKindPrinter For(object resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return ForType(resource.GetType()) ?? Generic;
    }

    /// <summary>The dedicated printer of a model type or of a subclass of one (the module's pipeline objects), else null.</summary>
    public static IKindPrinter? ForType(Type type) =>
        ByType.GetValueOrDefault(type) ?? (type.BaseType is { } parent ? ByType.GetValueOrDefault(parent) : null);
}
