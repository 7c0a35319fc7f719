using k8s.Models;

namespace PracticeK8s.Sandbox.Resources;

/// <summary>The built-in kinds the sandbox serves, as discovery describes them in Kubernetes 1.32.</summary>
public static class BuiltinResources
{
    private static readonly string[] Create = { "create" };
    private static readonly string[] GetPatchUpdate = { "get", "patch", "update" };
    private static readonly string[] NoCollectionDelete = { "create", "delete", "get", "list", "patch", "update", "watch" };
    private static readonly string[] All = { "all" };

    private static SubresourceDefinition Status(string kind) => new("status", kind, GetPatchUpdate);
    private static SubresourceDefinition Scale() => new("scale", "Scale", GetPatchUpdate, "autoscaling", "v1");

    private static ResourceDefinition R(string group, string version, string plural, string kind, bool namespaced, Type model,
        string[]? shortNames = null, bool all = false, bool status = false, bool scale = false, bool generation = false,
        string[]? fields = null, string[]? verbs = null, SubresourceDefinition[]? extra = null, bool createOnly = false)
    {
        var subs = new List<SubresourceDefinition>();
        if (status) subs.Add(Status(kind));
        if (scale) subs.Add(Scale());
        if (extra is not null) subs.AddRange(extra);
        return new ResourceDefinition
        {
            Group = group, Version = version, Plural = plural, Singular = kind.ToLowerInvariant(), Kind = kind,
            Namespaced = namespaced, ModelType = model, ShortNames = shortNames ?? Array.Empty<string>(),
            Categories = all ? All : Array.Empty<string>(), Subresources = subs, TracksGeneration = generation,
            FieldSelectors = fields ?? Array.Empty<string>(), Verbs = verbs ?? ResourceDefinition.StandardVerbs,
            CreateOnly = createOnly,
        };
    }

    public static readonly IReadOnlyList<ResourceDefinition> List = new[]
    {
        // core/v1
        R("", "v1", "configmaps", "ConfigMap", true, typeof(V1ConfigMap), new[] { "cm" }),
        R("", "v1", "endpoints", "Endpoints", true, typeof(V1Endpoints), new[] { "ep" }),
        R("", "v1", "events", "Event", true, typeof(Corev1Event), new[] { "ev" },
            fields: new[] { "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
                "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
                "reason", "reportingComponent", "source", "type" }),
        R("", "v1", "limitranges", "LimitRange", true, typeof(V1LimitRange), new[] { "limits" }),
        R("", "v1", "namespaces", "Namespace", false, typeof(V1Namespace), new[] { "ns" }, status: true,
            fields: new[] { "status.phase" }, verbs: NoCollectionDelete,
            extra: new[] { new SubresourceDefinition("finalize", "Namespace", new[] { "update" }) }),
        R("", "v1", "nodes", "Node", false, typeof(V1Node), new[] { "no" }, status: true, fields: new[] { "spec.unschedulable" }),
        R("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true, typeof(V1PersistentVolumeClaim), new[] { "pvc" }, status: true),
        R("", "v1", "persistentvolumes", "PersistentVolume", false, typeof(V1PersistentVolume), new[] { "pv" }, status: true),
        R("", "v1", "pods", "Pod", true, typeof(V1Pod), new[] { "po" }, all: true, status: true,
            fields: new[] { "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
                "spec.hostNetwork", "status.phase", "status.podIP", "status.podIPs", "status.nominatedNodeName", "spec.host" },
            extra: new[]
            {
                new SubresourceDefinition("attach", "PodAttachOptions", new[] { "create", "get" }),
                new SubresourceDefinition("binding", "Binding", Create),
                new SubresourceDefinition("ephemeralcontainers", "Pod", GetPatchUpdate),
                new SubresourceDefinition("eviction", "Eviction", Create, "policy", "v1"),
                new SubresourceDefinition("exec", "PodExecOptions", new[] { "create", "get" }),
                new SubresourceDefinition("log", "Pod", new[] { "get" }),
                new SubresourceDefinition("portforward", "PodPortForwardOptions", new[] { "create", "get" }),
            }),
        R("", "v1", "podtemplates", "PodTemplate", true, typeof(V1PodTemplate)),
        R("", "v1", "replicationcontrollers", "ReplicationController", true, typeof(V1ReplicationController), new[] { "rc" },
            all: true, status: true, scale: true, generation: true, fields: new[] { "status.replicas" }),
        R("", "v1", "resourcequotas", "ResourceQuota", true, typeof(V1ResourceQuota), new[] { "quota" }, status: true),
        R("", "v1", "secrets", "Secret", true, typeof(V1Secret), fields: new[] { "type" }),
        R("", "v1", "serviceaccounts", "ServiceAccount", true, typeof(V1ServiceAccount), new[] { "sa" }),
        R("", "v1", "services", "Service", true, typeof(V1Service), new[] { "svc" }, all: true, status: true,
            fields: new[] { "spec.clusterIP", "spec.type" }),
        // apps/v1
        R("apps", "v1", "controllerrevisions", "ControllerRevision", true, typeof(V1ControllerRevision)),
        R("apps", "v1", "daemonsets", "DaemonSet", true, typeof(V1DaemonSet), new[] { "ds" }, all: true, status: true, generation: true),
        R("apps", "v1", "deployments", "Deployment", true, typeof(V1Deployment), new[] { "deploy" }, all: true, status: true, scale: true, generation: true),
        R("apps", "v1", "replicasets", "ReplicaSet", true, typeof(V1ReplicaSet), new[] { "rs" }, all: true, status: true, scale: true,
            generation: true, fields: new[] { "status.replicas" }),
        R("apps", "v1", "statefulsets", "StatefulSet", true, typeof(V1StatefulSet), new[] { "sts" }, all: true, status: true, scale: true, generation: true),
        // authentication / authorization (reviews are computed, never stored)
        R("authentication.k8s.io", "v1", "selfsubjectreviews", "SelfSubjectReview", false, typeof(V1SelfSubjectReview), verbs: Create, createOnly: true),
        R("authorization.k8s.io", "v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview", false, typeof(V1SelfSubjectAccessReview), verbs: Create, createOnly: true),
        R("authorization.k8s.io", "v1", "selfsubjectrulesreviews", "SelfSubjectRulesReview", false, typeof(V1SelfSubjectRulesReview), verbs: Create, createOnly: true),
        // autoscaling, batch
        R("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, typeof(V2HorizontalPodAutoscaler), new[] { "hpa" }, all: true, status: true),
        // v1 is what kubectl autoscale writes; stored as v2 (Resources/Conversion).
        R("autoscaling", "v1", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, typeof(V1HorizontalPodAutoscaler), new[] { "hpa" }, all: true, status: true),
        R("batch", "v1", "cronjobs", "CronJob", true, typeof(V1CronJob), new[] { "cj" }, all: true, status: true, generation: true),
        R("batch", "v1", "jobs", "Job", true, typeof(V1Job), all: true, status: true, generation: true, fields: new[] { "status.successful" }),
        // coordination, discovery, events
        R("coordination.k8s.io", "v1", "leases", "Lease", true, typeof(V1Lease)),
        R("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true, typeof(V1EndpointSlice)),
        R("events.k8s.io", "v1", "events", "Event", true, typeof(Eventsv1Event), new[] { "ev" }),
        // networking, policy, rbac, scheduling, storage
        R("networking.k8s.io", "v1", "ingressclasses", "IngressClass", false, typeof(V1IngressClass)),
        R("networking.k8s.io", "v1", "ingresses", "Ingress", true, typeof(V1Ingress), new[] { "ing" }, status: true, generation: true),
        R("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, typeof(V1NetworkPolicy), new[] { "netpol" }, generation: true),
        R("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, typeof(V1PodDisruptionBudget), new[] { "pdb" }, status: true, generation: true),
        R("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false, typeof(V1ClusterRoleBinding)),
        R("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false, typeof(V1ClusterRole)),
        R("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true, typeof(V1RoleBinding)),
        R("rbac.authorization.k8s.io", "v1", "roles", "Role", true, typeof(V1Role)),
        R("scheduling.k8s.io", "v1", "priorityclasses", "PriorityClass", false, typeof(V1PriorityClass), new[] { "pc" }),
        R("storage.k8s.io", "v1", "storageclasses", "StorageClass", false, typeof(V1StorageClass), new[] { "sc" }),
        R("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false,
            typeof(V1CustomResourceDefinition), new[] { "crd", "crds" }, status: true, generation: true),
    };
}
