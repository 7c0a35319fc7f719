using k8s.Models;
using PracticeK8s.Sandbox.OpenApi;

namespace PracticeK8s.Sandbox.Tests.OpenApi;

/// <summary>
/// The resources of the ten built-in group-versions the data folder has documents for, as
/// Kubernetes 1.32 serves them (plural, scope, verbs, subresources), with their KubernetesClient
/// model classes: the input the sandbox's registry gives the generator.
/// </summary>
internal static class BuiltInResources
{
    private static readonly string[] Standard = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    private static OpenApiResource R(string group, string version, string plural, string kind, bool namespaced, Type model,
        string[]? verbs = null, params string[] subresources) =>
        new(group, version, kind, plural, namespaced, verbs ?? Standard, subresources, model);

    public static readonly IReadOnlyList<OpenApiResource> All =
    [
        R("", "v1", "bindings", "Binding", true, typeof(V1Binding), ["create"]),
        R("", "v1", "componentstatuses", "ComponentStatus", false, typeof(V1ComponentStatus), ["get", "list"]),
        R("", "v1", "configmaps", "ConfigMap", true, typeof(V1ConfigMap)),
        R("", "v1", "endpoints", "Endpoints", true, typeof(V1Endpoints)),
        R("", "v1", "events", "Event", true, typeof(Corev1Event)),
        R("", "v1", "limitranges", "LimitRange", true, typeof(V1LimitRange)),
        R("", "v1", "namespaces", "Namespace", false, typeof(V1Namespace),
            ["create", "delete", "get", "list", "patch", "update", "watch"], "finalize", "status"),
        R("", "v1", "nodes", "Node", false, typeof(V1Node), null, "proxy", "status"),
        R("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true, typeof(V1PersistentVolumeClaim), null, "status"),
        R("", "v1", "persistentvolumes", "PersistentVolume", false, typeof(V1PersistentVolume), null, "status"),
        R("", "v1", "pods", "Pod", true, typeof(V1Pod), null,
            "attach", "binding", "ephemeralcontainers", "eviction", "exec", "log", "portforward", "proxy", "resize", "status"),
        R("", "v1", "podtemplates", "PodTemplate", true, typeof(V1PodTemplate)),
        R("", "v1", "replicationcontrollers", "ReplicationController", true, typeof(V1ReplicationController), null, "scale", "status"),
        R("", "v1", "resourcequotas", "ResourceQuota", true, typeof(V1ResourceQuota), null, "status"),
        R("", "v1", "secrets", "Secret", true, typeof(V1Secret)),
        R("", "v1", "serviceaccounts", "ServiceAccount", true, typeof(V1ServiceAccount), null, "token"),
        R("", "v1", "services", "Service", true, typeof(V1Service), null, "proxy", "status"),

        R("apps", "v1", "controllerrevisions", "ControllerRevision", true, typeof(V1ControllerRevision)),
        R("apps", "v1", "daemonsets", "DaemonSet", true, typeof(V1DaemonSet), null, "status"),
        R("apps", "v1", "deployments", "Deployment", true, typeof(V1Deployment), null, "scale", "status"),
        R("apps", "v1", "replicasets", "ReplicaSet", true, typeof(V1ReplicaSet), null, "scale", "status"),
        R("apps", "v1", "statefulsets", "StatefulSet", true, typeof(V1StatefulSet), null, "scale", "status"),

        R("autoscaling", "v1", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, typeof(V1HorizontalPodAutoscaler), null, "status"),
        R("batch", "v1", "cronjobs", "CronJob", true, typeof(V1CronJob), null, "status"),
        R("batch", "v1", "jobs", "Job", true, typeof(V1Job), null, "status"),
        R("coordination.k8s.io", "v1", "leases", "Lease", true, typeof(V1Lease)),
        R("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true, typeof(V1EndpointSlice)),
        R("events.k8s.io", "v1", "events", "Event", true, typeof(Eventsv1Event)),
        R("networking.k8s.io", "v1", "ingressclasses", "IngressClass", false, typeof(V1IngressClass)),
        R("networking.k8s.io", "v1", "ingresses", "Ingress", true, typeof(V1Ingress), null, "status"),
        R("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, typeof(V1NetworkPolicy)),
        R("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, typeof(V1PodDisruptionBudget), null, "status"),
        R("storage.k8s.io", "v1", "csidrivers", "CSIDriver", false, typeof(V1CSIDriver)),
        R("storage.k8s.io", "v1", "csinodes", "CSINode", false, typeof(V1CSINode)),
        R("storage.k8s.io", "v1", "csistoragecapacities", "CSIStorageCapacity", true, typeof(V1CSIStorageCapacity)),
        R("storage.k8s.io", "v1", "storageclasses", "StorageClass", false, typeof(V1StorageClass)),
        R("storage.k8s.io", "v1", "volumeattachments", "VolumeAttachment", false, typeof(V1VolumeAttachment), null, "status"),
    ];

    /// <summary>One generator for every test class (documents are cached inside it).</summary>
    public static readonly Lazy<OpenApiGenerator> Generator = new(() => new OpenApiGenerator(All));
}
