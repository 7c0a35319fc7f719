using k8s.Models;
using PracticeK8s.Printing.Catalog;

namespace PracticeK8s.Sandbox.Resources;

/// <summary>
/// The built-in kinds the sandbox serves, as discovery describes them in Kubernetes 1.32: their names
/// come from the shared <see cref="BuiltinKinds"/>; here, what the server adds (model, verbs,
/// subresources, field selectors, generation tracking).
/// </summary>
public static class BuiltinResources
{
    private static readonly string[] Create = { "create" };
    private static readonly string[] GetPatchUpdate = { "get", "patch", "update" };
    private static readonly string[] NoCollectionDelete = { "create", "delete", "get", "list", "patch", "update", "watch" };

    private static SubresourceDefinition Status(string kind) => new("status", kind, GetPatchUpdate);
    private static SubresourceDefinition Scale() => new("scale", "Scale", GetPatchUpdate, "autoscaling", "v1");

    private static ResourceDefinition R(KindNames names, Type model, bool status = false, bool scale = false, bool generation = false,
        string[]? fields = null, string[]? verbs = null, SubresourceDefinition[]? extra = null, bool createOnly = false)
    {
        var subs = new List<SubresourceDefinition>();
        if (status) subs.Add(Status(names.Kind));
        if (scale) subs.Add(Scale());
        if (extra is not null) subs.AddRange(extra);
        return new ResourceDefinition
        {
            Group = names.Group, Version = names.Version, Plural = names.Plural, Singular = names.Singular, Kind = names.Kind,
            Namespaced = names.Namespaced, ModelType = model, ShortNames = names.ShortNames,
            Categories = names.Categories, Subresources = subs, TracksGeneration = generation,
            FieldSelectors = fields ?? Array.Empty<string>(), Verbs = verbs ?? ResourceDefinition.StandardVerbs,
            CreateOnly = createOnly,
        };
    }

    public static readonly IReadOnlyList<ResourceDefinition> List = new[]
    {
        // core/v1
        R(BuiltinKinds.ConfigMap, typeof(V1ConfigMap)),
        R(BuiltinKinds.Endpoints, typeof(V1Endpoints)),
        R(BuiltinKinds.Event, typeof(Corev1Event),
            fields: new[] { "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
                "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
                "reason", "reportingComponent", "source", "type" }),
        R(BuiltinKinds.LimitRange, typeof(V1LimitRange)),
        R(BuiltinKinds.Namespace, typeof(V1Namespace), status: true,
            fields: new[] { "status.phase" }, verbs: NoCollectionDelete,
            extra: new[] { new SubresourceDefinition("finalize", "Namespace", new[] { "update" }) }),
        R(BuiltinKinds.Node, typeof(V1Node), status: true, fields: new[] { "spec.unschedulable" }),
        R(BuiltinKinds.PersistentVolumeClaim, typeof(V1PersistentVolumeClaim), status: true),
        R(BuiltinKinds.PersistentVolume, typeof(V1PersistentVolume), status: true),
        R(BuiltinKinds.Pod, typeof(V1Pod), status: true,
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
        R(BuiltinKinds.PodTemplate, typeof(V1PodTemplate)),
        R(BuiltinKinds.ReplicationController, typeof(V1ReplicationController),
            status: true, scale: true, generation: true, fields: new[] { "status.replicas" }),
        R(BuiltinKinds.ResourceQuota, typeof(V1ResourceQuota), status: true),
        R(BuiltinKinds.Secret, typeof(V1Secret), fields: new[] { "type" }),
        R(BuiltinKinds.ServiceAccount, typeof(V1ServiceAccount)),
        R(BuiltinKinds.Service, typeof(V1Service), status: true,
            fields: new[] { "spec.clusterIP", "spec.type" }) with { KeepOnUpdate = ServiceUpdates.KeepAllocatedFields },
        // apps/v1
        R(BuiltinKinds.ControllerRevision, typeof(V1ControllerRevision)),
        R(BuiltinKinds.DaemonSet, typeof(V1DaemonSet), status: true, generation: true),
        R(BuiltinKinds.Deployment, typeof(V1Deployment), status: true, scale: true, generation: true),
        R(BuiltinKinds.ReplicaSet, typeof(V1ReplicaSet), status: true, scale: true,
            generation: true, fields: new[] { "status.replicas" }),
        R(BuiltinKinds.StatefulSet, typeof(V1StatefulSet), status: true, scale: true, generation: true),
        // authentication / authorization (reviews are computed, never stored)
        R(BuiltinKinds.SelfSubjectReview, typeof(V1SelfSubjectReview), verbs: Create, createOnly: true),
        R(BuiltinKinds.SelfSubjectAccessReview, typeof(V1SelfSubjectAccessReview), verbs: Create, createOnly: true),
        R(BuiltinKinds.SelfSubjectRulesReview, typeof(V1SelfSubjectRulesReview), verbs: Create, createOnly: true),
        // autoscaling, batch
        R(BuiltinKinds.HorizontalPodAutoscaler, typeof(V2HorizontalPodAutoscaler), status: true),
        // v1 is what kubectl autoscale writes; stored as v2 (Resources/Conversion).
        R(BuiltinKinds.HorizontalPodAutoscalerV1, typeof(V1HorizontalPodAutoscaler), status: true),
        R(BuiltinKinds.CronJob, typeof(V1CronJob), status: true, generation: true),
        R(BuiltinKinds.Job, typeof(V1Job), status: true, generation: true, fields: new[] { "status.successful" }),
        // coordination, discovery, events
        R(BuiltinKinds.Lease, typeof(V1Lease)),
        R(BuiltinKinds.EndpointSlice, typeof(V1EndpointSlice)),
        R(BuiltinKinds.EventsEvent, typeof(Eventsv1Event)),
        // networking, policy, rbac, scheduling, storage
        R(BuiltinKinds.IngressClass, typeof(V1IngressClass)),
        R(BuiltinKinds.Ingress, typeof(V1Ingress), status: true, generation: true),
        R(BuiltinKinds.NetworkPolicy, typeof(V1NetworkPolicy), generation: true),
        R(BuiltinKinds.PodDisruptionBudget, typeof(V1PodDisruptionBudget), status: true, generation: true),
        R(BuiltinKinds.ClusterRoleBinding, typeof(V1ClusterRoleBinding)),
        R(BuiltinKinds.ClusterRole, typeof(V1ClusterRole)),
        R(BuiltinKinds.RoleBinding, typeof(V1RoleBinding)),
        R(BuiltinKinds.Role, typeof(V1Role)),
        R(BuiltinKinds.PriorityClass, typeof(V1PriorityClass)),
        R(BuiltinKinds.StorageClass, typeof(V1StorageClass)),
        R(BuiltinKinds.CustomResourceDefinition, typeof(V1CustomResourceDefinition), status: true, generation: true),
    };
}
