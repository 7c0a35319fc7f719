namespace PracticeK8s.Sandbox.OpenApi.Schemas;

/// <summary>
/// Fields that KubernetesClient 21's models have but Kubernetes 1.32 (the version the sandbox
/// reports) does not. They are left out of the documents, so `kubectl explain` shows what a 1.32
/// cluster has; the types only they reach drop out with them. The OpenAPI tests compare every
/// document with upstream 1.32 and fail when a model update brings a field missing from here.
/// </summary>
internal static class FieldsNewerThanServedVersion
{
    private static readonly HashSet<(string Schema, string Property)> Fields =
    [
        ("io.k8s.api.apps.v1.DeploymentStatus", "terminatingReplicas"),
        ("io.k8s.api.apps.v1.ReplicaSetStatus", "terminatingReplicas"),
        ("io.k8s.api.authentication.v1.TokenRequestSpec", "attestations"),
        ("io.k8s.api.batch.v1.JobSpec", "scheduling"),
        ("io.k8s.api.core.v1.ClusterTrustBundleProjection", "user"),
        ("io.k8s.api.core.v1.ConfigMapVolumeSource", "defaultUser"),
        ("io.k8s.api.core.v1.Container", "restartPolicyRules"),
        ("io.k8s.api.core.v1.ContainerStatus", "stopSignal"),
        ("io.k8s.api.core.v1.DownwardAPIVolumeFile", "user"),
        ("io.k8s.api.core.v1.DownwardAPIVolumeSource", "defaultUser"),
        ("io.k8s.api.core.v1.EmptyDirVolumeSource", "mode"),
        ("io.k8s.api.core.v1.EnvVarSource", "fileKeyRef"),
        ("io.k8s.api.core.v1.EphemeralContainer", "restartPolicyRules"),
        ("io.k8s.api.core.v1.GRPCAction", "mode"),
        ("io.k8s.api.core.v1.HTTPGetAction", "protocol"),
        ("io.k8s.api.core.v1.KeyToPath", "user"),
        ("io.k8s.api.core.v1.Lifecycle", "stopSignal"),
        ("io.k8s.api.core.v1.NodeSpec", "podPreemptionPolicy"),
        ("io.k8s.api.core.v1.NodeStatus", "declaredFeatures"),
        ("io.k8s.api.core.v1.NodeSystemInfo", "runningInUserNamespace"),
        ("io.k8s.api.core.v1.NodeSystemInfo", "swap"),
        ("io.k8s.api.core.v1.PersistentVolumeClaimStatus", "healthStatus"),
        ("io.k8s.api.core.v1.PodCondition", "observedGeneration"),
        ("io.k8s.api.core.v1.PodSpec", "evictionResponders"),
        ("io.k8s.api.core.v1.PodSpec", "hostnameOverride"),
        ("io.k8s.api.core.v1.PodSpec", "schedulingGroup"),
        ("io.k8s.api.core.v1.PodStatus", "allocatedResources"),
        ("io.k8s.api.core.v1.PodStatus", "extendedResourceClaimStatus"),
        ("io.k8s.api.core.v1.PodStatus", "nodeAllocatableResourceClaimStatuses"),
        ("io.k8s.api.core.v1.PodStatus", "observedGeneration"),
        ("io.k8s.api.core.v1.PodStatus", "resources"),
        ("io.k8s.api.core.v1.PodStatus", "volumeHealth"),
        ("io.k8s.api.core.v1.ProjectedVolumeSource", "defaultUser"),
        ("io.k8s.api.core.v1.ResourceHealth", "message"),
        ("io.k8s.api.core.v1.SecretVolumeSource", "defaultUser"),
        ("io.k8s.api.core.v1.ServiceAccountTokenProjection", "user"),
        ("io.k8s.api.core.v1.VolumeMount", "bindMountOptions"),
        ("io.k8s.api.core.v1.VolumeMountStatus", "volumeStatus"),
        ("io.k8s.api.core.v1.VolumeProjection", "podCertificate"),
        ("io.k8s.api.discovery.v1.EndpointHints", "forNodes"),
        ("io.k8s.api.storage.v1.CSIDriverSpec", "nodeAllocatableUpdatePeriodSeconds"),
        ("io.k8s.api.storage.v1.CSIDriverSpec", "preventPodSchedulingIfMissing"),
        ("io.k8s.api.storage.v1.CSIDriverSpec", "serviceAccountTokenInSecrets"),
        ("io.k8s.api.storage.v1.CSINode", "status"),
        ("io.k8s.api.storage.v1.VolumeError", "errorCode"),
        ("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta", "shardInfo"),
    ];

    public static bool Contains(string schemaName, string jsonProperty) => Fields.Contains((schemaName, jsonProperty));
}
