namespace PracticeK8s.Engine.Resources;

/// <summary>
/// The built-in kinds the typed cmdlets use, known without asking the server (discovery is for
/// Get-KubeResource and custom resources).
/// </summary>
public static class BuiltinResources
{
    public static readonly ResourceKind Namespace = new("", "v1", "Namespace", "namespaces", false) { ShortNames = ["ns"] };
    public static readonly ResourceKind Pod = new("", "v1", "Pod", "pods", true) { ShortNames = ["po"], Categories = ["all"] };
    public static readonly ResourceKind Service = new("", "v1", "Service", "services", true) { ShortNames = ["svc"], Categories = ["all"] };
    public static readonly ResourceKind Endpoints = new("", "v1", "Endpoints", "endpoints", true) { Singular = "endpoints", ShortNames = ["ep"] };
    public static readonly ResourceKind Node = new("", "v1", "Node", "nodes", false) { ShortNames = ["no"] };
    public static readonly ResourceKind PersistentVolume = new("", "v1", "PersistentVolume", "persistentvolumes", false) { ShortNames = ["pv"] };
    public static readonly ResourceKind PersistentVolumeClaim = new("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true) { ShortNames = ["pvc"] };
    public static readonly ResourceKind ConfigMap = new("", "v1", "ConfigMap", "configmaps", true) { ShortNames = ["cm"] };
    public static readonly ResourceKind Secret = new("", "v1", "Secret", "secrets", true);
    public static readonly ResourceKind ServiceAccount = new("", "v1", "ServiceAccount", "serviceaccounts", true) { ShortNames = ["sa"] };
    public static readonly ResourceKind Event = new("", "v1", "Event", "events", true) { ShortNames = ["ev"] };
    public static readonly ResourceKind Deployment = new("apps", "v1", "Deployment", "deployments", true) { ShortNames = ["deploy"], Categories = ["all"] };
    public static readonly ResourceKind ReplicaSet = new("apps", "v1", "ReplicaSet", "replicasets", true) { ShortNames = ["rs"], Categories = ["all"] };
    public static readonly ResourceKind DaemonSet = new("apps", "v1", "DaemonSet", "daemonsets", true) { ShortNames = ["ds"], Categories = ["all"] };
    public static readonly ResourceKind StatefulSet = new("apps", "v1", "StatefulSet", "statefulsets", true) { ShortNames = ["sts"], Categories = ["all"] };
    public static readonly ResourceKind Job = new("batch", "v1", "Job", "jobs", true) { Categories = ["all"] };
    public static readonly ResourceKind CronJob = new("batch", "v1", "CronJob", "cronjobs", true) { ShortNames = ["cj"], Categories = ["all"] };
    public static readonly ResourceKind Ingress = new("networking.k8s.io", "v1", "Ingress", "ingresses", true) { ShortNames = ["ing"] };
    public static readonly ResourceKind PodDisruptionBudget = new("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true) { ShortNames = ["pdb"] };
    public static readonly ResourceKind StorageClass = new("storage.k8s.io", "v1", "StorageClass", "storageclasses", false) { ShortNames = ["sc"] };

    public static IReadOnlyList<ResourceKind> All { get; } =
    [
        Namespace, Pod, Service, Endpoints, Node, PersistentVolume, PersistentVolumeClaim, ConfigMap, Secret, ServiceAccount, Event,
        Deployment, ReplicaSet, DaemonSet, StatefulSet, Job, CronJob, Ingress, PodDisruptionBudget, StorageClass,
    ];

    public static ResourceKind? ForKind(string apiVersionOrGroup, string kind) =>
        All.FirstOrDefault(k => string.Equals(k.Kind, kind, StringComparison.OrdinalIgnoreCase)
            && (k.ApiVersion == apiVersionOrGroup || k.Group == apiVersionOrGroup));
}
