namespace PracticeK8s.Printing.Catalog;

/// <summary>
/// The built-in kinds as Kubernetes 1.32 discovery names them — the one list of those names. The
/// sandbox serves these kinds (its resource table adds verbs, subresources and field selectors);
/// the module's kind catalog adds what a client needs (selectors, describe plans, delete impact).
/// </summary>
public static class BuiltinKinds
{
    // core/v1
    public static readonly KindNames ConfigMap = new("", "v1", "ConfigMap", "configmaps", true) { ShortNames = ["cm"] };
    public static readonly KindNames Endpoints = new("", "v1", "Endpoints", "endpoints", true) { ShortNames = ["ep"] };
    public static readonly KindNames Event = new("", "v1", "Event", "events", true) { ShortNames = ["ev"] };
    public static readonly KindNames LimitRange = new("", "v1", "LimitRange", "limitranges", true) { ShortNames = ["limits"] };
    public static readonly KindNames Namespace = new("", "v1", "Namespace", "namespaces", false) { ShortNames = ["ns"] };
    public static readonly KindNames Node = new("", "v1", "Node", "nodes", false) { ShortNames = ["no"] };
    public static readonly KindNames PersistentVolumeClaim = new("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true) { ShortNames = ["pvc"] };
    public static readonly KindNames PersistentVolume = new("", "v1", "PersistentVolume", "persistentvolumes", false) { ShortNames = ["pv"] };
    public static readonly KindNames Pod = new("", "v1", "Pod", "pods", true) { ShortNames = ["po"], Categories = ["all"] };
    public static readonly KindNames PodTemplate = new("", "v1", "PodTemplate", "podtemplates", true);
    public static readonly KindNames ReplicationController = new("", "v1", "ReplicationController", "replicationcontrollers", true) { ShortNames = ["rc"], Categories = ["all"] };
    public static readonly KindNames ResourceQuota = new("", "v1", "ResourceQuota", "resourcequotas", true) { ShortNames = ["quota"] };
    public static readonly KindNames Secret = new("", "v1", "Secret", "secrets", true);
    public static readonly KindNames ServiceAccount = new("", "v1", "ServiceAccount", "serviceaccounts", true) { ShortNames = ["sa"] };
    public static readonly KindNames Service = new("", "v1", "Service", "services", true) { ShortNames = ["svc"], Categories = ["all"] };
    // apps/v1
    public static readonly KindNames ControllerRevision = new("apps", "v1", "ControllerRevision", "controllerrevisions", true);
    public static readonly KindNames DaemonSet = new("apps", "v1", "DaemonSet", "daemonsets", true) { ShortNames = ["ds"], Categories = ["all"] };
    public static readonly KindNames Deployment = new("apps", "v1", "Deployment", "deployments", true) { ShortNames = ["deploy"], Categories = ["all"] };
    public static readonly KindNames ReplicaSet = new("apps", "v1", "ReplicaSet", "replicasets", true) { ShortNames = ["rs"], Categories = ["all"] };
    public static readonly KindNames StatefulSet = new("apps", "v1", "StatefulSet", "statefulsets", true) { ShortNames = ["sts"], Categories = ["all"] };
    // authentication.k8s.io/v1
    public static readonly KindNames SelfSubjectReview = new("authentication.k8s.io", "v1", "SelfSubjectReview", "selfsubjectreviews", false);
    // authorization.k8s.io/v1
    public static readonly KindNames SelfSubjectAccessReview = new("authorization.k8s.io", "v1", "SelfSubjectAccessReview", "selfsubjectaccessreviews", false);
    public static readonly KindNames SelfSubjectRulesReview = new("authorization.k8s.io", "v1", "SelfSubjectRulesReview", "selfsubjectrulesreviews", false);
    // autoscaling/v2
    public static readonly KindNames HorizontalPodAutoscaler = new("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true) { ShortNames = ["hpa"], Categories = ["all"] };
    public static readonly KindNames HorizontalPodAutoscalerV1 = new("autoscaling", "v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true) { ShortNames = ["hpa"], Categories = ["all"] };
    // batch/v1
    public static readonly KindNames CronJob = new("batch", "v1", "CronJob", "cronjobs", true) { ShortNames = ["cj"], Categories = ["all"] };
    public static readonly KindNames Job = new("batch", "v1", "Job", "jobs", true) { Categories = ["all"] };
    // coordination.k8s.io/v1
    public static readonly KindNames Lease = new("coordination.k8s.io", "v1", "Lease", "leases", true);
    // discovery.k8s.io/v1
    public static readonly KindNames EndpointSlice = new("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true);
    // events.k8s.io/v1
    public static readonly KindNames EventsEvent = new("events.k8s.io", "v1", "Event", "events", true) { ShortNames = ["ev"] };
    // networking.k8s.io/v1
    public static readonly KindNames IngressClass = new("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false);
    public static readonly KindNames Ingress = new("networking.k8s.io", "v1", "Ingress", "ingresses", true) { ShortNames = ["ing"] };
    public static readonly KindNames NetworkPolicy = new("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true) { ShortNames = ["netpol"] };
    // policy/v1
    public static readonly KindNames PodDisruptionBudget = new("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true) { ShortNames = ["pdb"] };
    // rbac.authorization.k8s.io/v1
    public static readonly KindNames ClusterRoleBinding = new("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false);
    public static readonly KindNames ClusterRole = new("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false);
    public static readonly KindNames RoleBinding = new("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true);
    public static readonly KindNames Role = new("rbac.authorization.k8s.io", "v1", "Role", "roles", true);
    // scheduling.k8s.io/v1
    public static readonly KindNames PriorityClass = new("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", false) { ShortNames = ["pc"] };
    // storage.k8s.io/v1
    public static readonly KindNames StorageClass = new("storage.k8s.io", "v1", "StorageClass", "storageclasses", false) { ShortNames = ["sc"] };
    // apiextensions.k8s.io/v1
    public static readonly KindNames CustomResourceDefinition = new("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false) { ShortNames = ["crd", "crds"] };

    /// <summary>Every kind above, in the order discovery lists them.</summary>
    public static readonly IReadOnlyList<KindNames> All =
    [
        ConfigMap,
        Endpoints,
        Event,
        LimitRange,
        Namespace,
        Node,
        PersistentVolumeClaim,
        PersistentVolume,
        Pod,
        PodTemplate,
        ReplicationController,
        ResourceQuota,
        Secret,
        ServiceAccount,
        Service,
        ControllerRevision,
        DaemonSet,
        Deployment,
        ReplicaSet,
        StatefulSet,
        SelfSubjectReview,
        SelfSubjectAccessReview,
        SelfSubjectRulesReview,
        HorizontalPodAutoscaler,
        HorizontalPodAutoscalerV1,
        CronJob,
        Job,
        Lease,
        EndpointSlice,
        EventsEvent,
        IngressClass,
        Ingress,
        NetworkPolicy,
        PodDisruptionBudget,
        ClusterRoleBinding,
        ClusterRole,
        RoleBinding,
        Role,
        PriorityClass,
        StorageClass,
        CustomResourceDefinition,
    ];
}
