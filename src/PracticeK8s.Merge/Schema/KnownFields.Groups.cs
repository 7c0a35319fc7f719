namespace PracticeK8s.Merge;

internal static partial class KnownFields
{
    private static void AddApps()
    {
        Strategies.Add(("V1DeploymentSpec", "strategy"), "retainKeys");
        AllAtomic("V1StatefulSetSpec", "volumeClaimTemplates");
        Conditions("V1DeploymentStatus", "V1ReplicaSetStatus", "V1StatefulSetStatus", "V1DaemonSetStatus");
    }

    private static void AddBatch()
    {
        ListFields("V1JobStatus", ("conditions", AtomicKeyed("type")));
        AllAtomic("V1CronJobStatus", "active");
        AllAtomic("V1PodFailurePolicy", "rules");
        AllAtomic("V1PodFailurePolicyRule", "onPodConditions");
        ListFields("V1PodFailurePolicyOnExitCodesRequirement", ("values", Set));
        AllAtomic("V1SuccessPolicy", "rules");
        ListFields("V1UncountedTerminatedPods", ("failed", Set), ("succeeded", Set));
    }

    private static void AddNetworking()
    {
        AllAtomic("V1IngressSpec", "rules", "tls");
        AllAtomic("V1IngressTLS", "hosts");
        AllAtomic("V1HTTPIngressRuleValue", "paths");
        AllAtomic("V1IngressLoadBalancerStatus", "ingress");
        AllAtomic("V1IngressLoadBalancerIngress", "ports");
        AllAtomic("V1NetworkPolicySpec", "egress", "ingress", "policyTypes");
        AllAtomic("V1NetworkPolicyIngressRule", "from", "ports");
        AllAtomic("V1NetworkPolicyEgressRule", "ports", "to");
        AllAtomic("V1IPBlock", "except");
        Atomics("V1ServiceBackendPort");
    }

    private static void AddPolicy()
    {
        Strategies.Add(("V1PodDisruptionBudgetSpec", "selector"), "replace");
        Conditions("V1PodDisruptionBudgetStatus");
    }

    private static void AddStorage()
    {
        ListFields("V1CSIDriverSpec", ("tokenRequests", Atomic), ("volumeLifecycleModes", Set));
        AllAtomic("V1CSINodeDriver", "topologyKeys");
        ListFields("V1CSINodeSpec", ("drivers", Keyed("name")));
        AllAtomic("V1StorageClass", "allowedTopologies", "mountOptions");
    }

    private static void AddDiscovery()
    {
        AllAtomic("V1EndpointSlice", "endpoints", "ports");
        ListFields("V1Endpoint", ("addresses", Set));
        AllAtomic("V1EndpointHints", "forZones");
        Atomics("Discoveryv1EndpointPort");
    }

    private static void AddAutoscaling()
    {
        Atomics("V1CrossVersionObjectReference");
        AllAtomic("V2HorizontalPodAutoscalerSpec", "metrics");
        ListFields("V2HorizontalPodAutoscalerStatus", ("conditions", Keyed("type")), ("currentMetrics", Atomic));
        AllAtomic("V2HPAScalingRules", "policies");
    }

    private static void AddRbac()
    {
        AllAtomic("V1Role", "rules");
        AllAtomic("V1ClusterRole", "rules");
        AllAtomic("V1AggregationRule", "clusterRoleSelectors");
        AllAtomic("V1PolicyRule", "apiGroups", "nonResourceURLs", "resourceNames", "resources", "verbs");
        AllAtomic("V1RoleBinding", "subjects");
        AllAtomic("V1ClusterRoleBinding", "subjects");
        Atomics("V1RoleRef", "Rbacv1Subject");
    }

    private static void AddApiExtensions()
    {
        AllAtomic("V1CustomResourceDefinitionNames", "categories", "shortNames");
        AllAtomic("V1CustomResourceDefinitionSpec", "versions");
        ListFields("V1CustomResourceDefinitionStatus", ("conditions", MapOnly("type")), ("storedVersions", Atomic));
        AllAtomic("V1CustomResourceDefinitionVersion", "additionalPrinterColumns", "selectableFields");
        AllAtomic("V1JSONSchemaProps", "allOf", "anyOf", "enum", "oneOf", "required", "x-kubernetes-list-map-keys");
        ListFields("V1JSONSchemaProps", ("x-kubernetes-validations", Keyed("rule")));
        AllAtomic("V1WebhookConversion", "conversionReviewVersions");
    }

    private static void AddMeta()
    {
        ListFields("V1ObjectMeta",
            ("finalizers", MergedSet),
            ("managedFields", Atomic),
            ("ownerReferences", Keyed("uid")));
        Atomics("V1OwnerReference", "V1LabelSelector");
        AllAtomic("V1LabelSelector", "matchExpressions");
        AllAtomic("V1LabelSelectorRequirement", "values");
        AllAtomic("V1FieldSelectorRequirement", "values");
        AllAtomic("V1DeleteOptions", "dryRun");
        AllAtomic("V1Status", "details");
        AllAtomic("V1StatusDetails", "causes");
        AllAtomic("V1APIGroup", "serverAddressByClientCIDRs", "versions");
        AllAtomic("V1APIGroupList", "groups");
        AllAtomic("V1APIResource", "categories", "shortNames");
        AllAtomic("V1APIResourceList", "resources");
        AllAtomic("V1APIVersions", "serverAddressByClientCIDRs", "versions");
    }
}
