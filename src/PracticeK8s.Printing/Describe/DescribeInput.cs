using k8s.Models;

namespace PracticeK8s.Printing;

/// <summary>
/// An object to describe plus the related objects kubectl reads to describe it. The caller fetches them;
/// each property says which kinds use it and how kubectl gets it (kubectl-semantics §9).
/// </summary>
public sealed record DescribeInput
{
    /// <summary>The object (V1Pod, V1Deployment, V1Node, ...), as read with a GET.</summary>
    public required object Resource { get; init; }

    /// <summary>
    /// The events about the object, any order (the describer sorts them). Null means events were not fetched
    /// (<c>--show-events=false</c>) and no Events section is printed. kubectl lists
    /// <c>/api/v1/namespaces/NS/events?fieldSelector=involvedObject.name=N,involvedObject.namespace=NS,involvedObject.kind=K,involvedObject.uid=U</c>
    /// (for pods without the kind; for mirror pods the uid is the <c>kubernetes.io/config.mirror</c> annotation).
    /// Nodes: kubectl runs that query twice in all namespaces (<c>/api/v1/events</c>), once with the node's uid
    /// and once with <c>involvedObject.uid</c> = the node name, and concatenates the results. Namespaces print no events.
    /// </summary>
    public IReadOnlyList<Corev1Event>? Events { get; init; }

    /// <summary>
    /// Deployment: the ReplicaSets listed in the namespace with the deployment's label selector; the describer keeps
    /// those the deployment controls and splits them into the new one (same pod template) and the old ones.
    /// </summary>
    public IReadOnlyList<V1ReplicaSet>? ReplicaSets { get; init; }

    /// <summary>
    /// ReplicaSet, DaemonSet, StatefulSet: the pods listed with the object's label selector (the describer counts those
    /// it controls by phase for "Pods Status"). Node: the pods on the node in all namespaces,
    /// <c>fieldSelector=spec.nodeName=N,status.phase!=Succeeded,status.phase!=Failed</c> (null when that list was
    /// forbidden: "Pods: not authorized"). PersistentVolumeClaim: all pods of its namespace ("Used By").
    /// </summary>
    public IReadOnlyList<V1Pod>? Pods { get; init; }

    /// <summary>Node: its Lease, <c>GET /apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/NODE</c>.</summary>
    public V1Lease? Lease { get; init; }

    /// <summary>Node: the error text when the Lease could not be read (kubectl prints "Failed to get lease: ...").</summary>
    public string? LeaseError { get; init; }

    /// <summary>
    /// Service and Ingress: EndpointSlices listed with <c>labelSelector=kubernetes.io/service-name=SERVICE</c>
    /// (for an Ingress, one list per backend service; pass them all). This is what kubectl v1.32 and later read;
    /// preferred over <see cref="Endpoints"/>.
    /// </summary>
    public IReadOnlyList<V1EndpointSlice>? EndpointSlices { get; init; }

    /// <summary>
    /// Service and Ingress as older kubectl described them: the Endpoints objects of the services
    /// (<c>GET /api/v1/namespaces/NS/endpoints/SERVICE</c>). Used only when <see cref="EndpointSlices"/> is null.
    /// </summary>
    public IReadOnlyList<V1Endpoints>? Endpoints { get; init; }

    /// <summary>Ingress: the backend Services (<c>GET .../services/NAME</c>), to match backend ports to port names.</summary>
    public IReadOnlyList<V1Service>? Services { get; init; }

    /// <summary>
    /// ServiceAccount: the Secrets of its namespace (kubectl lists them to find its token secrets and to mark
    /// referenced secrets that do not exist "(not found)"); null when they could not be listed.
    /// </summary>
    public IReadOnlyList<V1Secret>? Secrets { get; init; }

    /// <summary>Namespace: its ResourceQuotas (null when the server has none of that API: the section is left out).</summary>
    public IReadOnlyList<V1ResourceQuota>? ResourceQuotas { get; init; }

    /// <summary>Namespace: its LimitRanges (null when the server has none of that API: the section is left out).</summary>
    public IReadOnlyList<V1LimitRange>? LimitRanges { get; init; }

    /// <summary>
    /// The kubectl minor version whose layout to reproduce; the kubectl dispatcher runs the build matching the
    /// server's version, so pass the server's minor version. Checked against stock kubectl v1.32 and v1.33:
    /// up to 32, projected volumes print "ConfigMapOptional"/"SecretOptionalName" and DaemonSets have no
    /// Namespace line; from 33 on, projected volumes print "Optional" and DaemonSets show their namespace.
    /// </summary>
    public int KubectlMinorVersion { get; init; } = 32;

    /// <summary>The time zone times are shown in (kubectl uses the local zone of the machine it runs on).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Local;
}
