namespace PracticeK8s.Merge;

internal static partial class KnownFields
{
    private static void AddCore()
    {
        foreach (var container in new[] { "V1Container", "V1EphemeralContainer" })
        {
            ListFields(container,
                ("args", Atomic),
                ("command", Atomic),
                ("env", Keyed("name")),
                ("envFrom", Atomic),
                ("ports", Keyed("containerPort", "containerPort", "protocol")),
                ("resizePolicy", Atomic),
                ("volumeDevices", Keyed("devicePath")),
                ("volumeMounts", Keyed("mountPath")));
        }

        ListFields("V1PodSpec",
            ("containers", Keyed("name")),
            ("ephemeralContainers", Keyed("name")),
            ("hostAliases", Keyed("ip")),
            ("imagePullSecrets", Keyed("name")),
            ("initContainers", Keyed("name")),
            ("readinessGates", Atomic),
            ("resourceClaims", KeyedRetainingKeys("name")),
            ("schedulingGates", Keyed("name")),
            ("tolerations", Atomic),
            ("topologySpreadConstraints", Keyed("topologyKey", "topologyKey", "whenUnsatisfiable")),
            ("volumes", KeyedRetainingKeys("name")));
        FieldMapTypes.Add(("V1PodSpec", "nodeSelector"), "atomic");

        ListFields("V1PodStatus",
            ("conditions", Keyed("type")),
            ("containerStatuses", Atomic),
            ("ephemeralContainerStatuses", Atomic),
            ("hostIPs", AtomicKeyed("ip")),
            ("initContainerStatuses", Atomic),
            ("podIPs", Keyed("ip")),
            ("resourceClaimStatuses", KeyedRetainingKeys("name")));
        ListFields("V1ContainerStatus",
            ("allocatedResourcesStatus", Keyed("name")),
            ("volumeMounts", Keyed("mountPath")));
        ListFields("V1ResourceRequirements", ("claims", MapOnly("name")));
        ListFields("V1ResourceStatus", ("resources", MapOnly("resourceID")));

        AllAtomic("V1PodSecurityContext", "supplementalGroups", "sysctls");
        AllAtomic("V1LinuxContainerUser", "supplementalGroups");
        AllAtomic("V1Capabilities", "add", "drop");
        AllAtomic("V1PodDNSConfig", "nameservers", "options", "searches");
        AllAtomic("V1HostAlias", "hostnames");
        AllAtomic("V1ExecAction", "command");
        AllAtomic("V1HTTPGetAction", "httpHeaders");
        AllAtomic("V1TopologySpreadConstraint", "matchLabelKeys");

        // Affinity and node selection.
        AllAtomic("V1NodeAffinity", "preferredDuringSchedulingIgnoredDuringExecution");
        AllAtomic("V1PodAffinity", "preferredDuringSchedulingIgnoredDuringExecution", "requiredDuringSchedulingIgnoredDuringExecution");
        AllAtomic("V1PodAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution", "requiredDuringSchedulingIgnoredDuringExecution");
        AllAtomic("V1PodAffinityTerm", "matchLabelKeys", "mismatchLabelKeys", "namespaces");
        AllAtomic("V1NodeSelector", "nodeSelectorTerms");
        AllAtomic("V1NodeSelectorTerm", "matchExpressions", "matchFields");
        AllAtomic("V1NodeSelectorRequirement", "values");
        AllAtomic("V1TopologySelectorTerm", "matchLabelExpressions");
        AllAtomic("V1TopologySelectorLabelRequirement", "values");

        // Volume sources.
        AllAtomic("V1ConfigMapVolumeSource", "items");
        AllAtomic("V1ConfigMapProjection", "items");
        AllAtomic("V1SecretVolumeSource", "items");
        AllAtomic("V1SecretProjection", "items");
        AllAtomic("V1DownwardAPIVolumeSource", "items");
        AllAtomic("V1DownwardAPIProjection", "items");
        AllAtomic("V1ProjectedVolumeSource", "sources");
        AllAtomic("V1CephFSVolumeSource", "monitors");
        AllAtomic("V1CephFSPersistentVolumeSource", "monitors");
        AllAtomic("V1RBDVolumeSource", "monitors");
        AllAtomic("V1RBDPersistentVolumeSource", "monitors");
        AllAtomic("V1ISCSIVolumeSource", "portals");
        AllAtomic("V1ISCSIPersistentVolumeSource", "portals");
        AllAtomic("V1FCVolumeSource", "targetWWNs", "wwids");

        // Nodes.
        ListFields("V1NodeSpec", ("podCIDRs", MergedSet), ("taints", Atomic));
        ListFields("V1NodeStatus",
            ("addresses", Keyed("type")),
            ("conditions", Keyed("type")),
            ("images", Atomic),
            ("runtimeHandlers", Atomic),
            ("volumesAttached", Atomic),
            ("volumesInUse", Atomic));
        AllAtomic("V1ContainerImage", "names");

        // Services, endpoints, service accounts.
        ListFields("V1ServiceSpec",
            ("clusterIPs", Atomic),
            ("externalIPs", Atomic),
            ("ipFamilies", Atomic),
            ("loadBalancerSourceRanges", Atomic),
            ("ports", Keyed("port", "port", "protocol")));
        FieldMapTypes.Add(("V1ServiceSpec", "selector"), "atomic");
        AllAtomic("V1LoadBalancerStatus", "ingress");
        AllAtomic("V1LoadBalancerIngress", "ports");
        AllAtomic("V1Endpoints", "subsets");
        AllAtomic("V1EndpointSubset", "addresses", "notReadyAddresses", "ports");
        ListFields("V1ServiceAccount", ("imagePullSecrets", Atomic), ("secrets", Keyed("name")));
        // authentication.k8s.io/v1: serviceaccounts/token takes a TokenRequest; token and self-subject reviews.
        AllAtomic("V1TokenRequestSpec", "audiences");
        AllAtomic("V1TokenReviewSpec", "audiences");
        AllAtomic("V1TokenReviewStatus", "audiences");
        AllAtomic("V1UserInfo", "groups");

        // Storage, quotas, namespaces, replication controllers.
        AllAtomic("V1PersistentVolumeClaimSpec", "accessModes");
        AllAtomic("V1PersistentVolumeClaimStatus", "accessModes");
        FieldMapTypes.Add(("V1PersistentVolumeClaimStatus", "allocatedResourceStatuses"), "granular");
        AllAtomic("V1PersistentVolumeSpec", "accessModes", "mountOptions");
        FieldMapTypes.Add(("V1PersistentVolumeSpec", "claimRef"), "granular");
        AllAtomic("V1LimitRangeSpec", "limits");
        AllAtomic("V1ResourceQuotaSpec", "scopes");
        AllAtomic("V1ScopeSelector", "matchExpressions");
        AllAtomic("V1ScopedResourceSelectorRequirement", "values");
        AllAtomic("V1NamespaceSpec", "finalizers");
        FieldMapTypes.Add(("V1ReplicationControllerSpec", "selector"), "atomic");

        Conditions(
            "V1PersistentVolumeClaimStatus",
            "V1NamespaceStatus",
            "V1ReplicationControllerStatus",
            "V1ServiceStatus",
            "V1ComponentStatus");

        Atomics(
            "V1ConfigMapKeySelector",
            "V1SecretKeySelector",
            "V1ObjectFieldSelector",
            "V1ResourceFieldSelector",
            "V1LocalObjectReference",
            "V1ObjectReference",
            "V1TypedLocalObjectReference",
            "V1SecretReference",
            "V1NodeSelector",
            "V1NodeSelectorTerm",
            "V1TopologySelectorTerm",
            "V1ScopeSelector",
            "V1EndpointAddress",
            "Corev1EndpointPort");
    }
}
