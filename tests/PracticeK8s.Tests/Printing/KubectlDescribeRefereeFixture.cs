using k8s.Models;
using static PracticeK8s.Tests.Printing.Build;

namespace PracticeK8s.Tests.Printing;

/// <summary>
/// The objects the describe referee tests describe, served by one fake API server; kubectl v1.32 and v1.33
/// read them from there while the describer gets the same objects directly.
/// </summary>
public sealed class KubectlDescribeRefereeFixture : IDisposable
{
    private readonly FakeApiServer server = new();
    private readonly KubectlRun kubectl;

    public DateTime Now { get; } = DateTime.UtcNow;
    public V1Pod Pod { get; }
    public V1Deployment Deployment { get; }
    public V1ReplicaSet[] ReplicaSets { get; }
    public V1Service Service { get; }
    public V1EndpointSlice Slice { get; }
    public V1Node Node { get; }
    public V1Pod[] NodePods { get; }
    public V1Lease Lease { get; }
    public V1Pod[] NamespacePods { get; }
    public V1StatefulSet StatefulSet { get; }
    public V1DaemonSet DaemonSet { get; }
    public V1PersistentVolumeClaim Claim { get; }
    public V1PersistentVolume Volume { get; }
    public V1Namespace Namespace { get; }
    public V1ResourceQuota Quota { get; }
    public V1LimitRange LimitRange { get; }
    public V1Ingress Ingress { get; }
    public V1Job Job { get; }
    public V1CronJob CronJob { get; }
    // One key each: kubectl walks these maps in Go's random order.
    public V1Secret Secret { get; }
    public V1ConfigMap ConfigMap { get; }
    public V1ServiceAccount ServiceAccount { get; }
    public List<Corev1Event> AllEvents { get; } = [];

    private DateTime Ago(double minutes) => Now.AddMinutes(-minutes);

    public KubectlDescribeRefereeFixture()
    {
        Pod = BuildPod();
        Deployment = new V1Deployment
        {
            ApiVersion = "apps/v1", Kind = "Deployment",
            Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default", Uid = "dep-1", CreationTimestamp = Ago(300), Labels = Labels("app=web"), Annotations = new Dictionary<string, string> { ["deployment.kubernetes.io/revision"] = "2" } },
            Spec = new V1DeploymentSpec
            {
                Replicas = 3, Selector = new V1LabelSelector { MatchLabels = Labels("app=web") }, MinReadySeconds = 0,
                Strategy = new V1DeploymentStrategy { Type = "RollingUpdate", RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = "25%", MaxUnavailable = "25%" } },
                Template = Template("nginx:1.25"),
            },
            Status = new V1DeploymentStatus
            {
                Replicas = 3, UpdatedReplicas = 3, ReadyReplicas = 3, AvailableReplicas = 3,
                Conditions = [new V1DeploymentCondition { Type = "Available", Status = "True", Reason = "MinimumReplicasAvailable" }, new V1DeploymentCondition { Type = "Progressing", Status = "True", Reason = "NewReplicaSetAvailable" }],
            },
        };
        ReplicaSets = [ReplicaSet("5d59d67564", "nginx:1.24", 0, 300), ReplicaSet("7854ff8877", "nginx:1.25", 3, 100)];
        AllEvents.Add(Event("Deployment", "web", "dep-1", "Normal", "ScalingReplicaSet", "Scaled up replica set web-7854ff8877 to 3", "deployment-controller", 100, 100, 1));
        AllEvents.Add(Event("Pod", "nginx", "pod-uid-1", "Warning", "BackOff", "Back-off restarting failed container", "kubelet", 25, 12, 12));
        AllEvents.Add(new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = "scheduled", NamespaceProperty = "default" },
            InvolvedObject = new V1ObjectReference { Kind = "Pod", Name = "nginx", NamespaceProperty = "default", Uid = "pod-uid-1" },
            Type = "Normal", Reason = "Scheduled", Message = "Successfully assigned default/nginx to node-1", ReportingComponent = "default-scheduler", EventTime = Ago(30),
        });

        Service = new V1Service
        {
            ApiVersion = "v1", Kind = "Service", Metadata = new V1ObjectMeta { Name = "hello", NamespaceProperty = "default", Uid = "svc-1", CreationTimestamp = Ago(50) },
            Spec = new V1ServiceSpec
            {
                Type = "NodePort", Selector = Labels("role=hello"), ClusterIP = "10.128.137.215", ClusterIPs = ["10.128.137.215"], IpFamilies = ["IPv4"], IpFamilyPolicy = "SingleStack",
                SessionAffinity = "None", ExternalTrafficPolicy = "Cluster", InternalTrafficPolicy = "Cluster",
                Ports = [new V1ServicePort { Name = "http", Port = 8080, Protocol = "TCP", TargetPort = 8080, NodePort = 30000 }, new V1ServicePort { Name = "admin", Port = 9090, Protocol = "TCP", TargetPort = "admin", NodePort = 30001 }],
            },
            Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus() },
        };
        Slice = new V1EndpointSlice
        {
            ApiVersion = "discovery.k8s.io/v1", Kind = "EndpointSlice", AddressType = "IPv4",
            Metadata = new V1ObjectMeta { Name = "hello-abc", NamespaceProperty = "default", Labels = Labels("kubernetes.io/service-name=hello") },
            Ports = [new Discoveryv1EndpointPort { Name = "http", Port = 8080, Protocol = "TCP" }, new Discoveryv1EndpointPort { Name = "admin", Port = 9091, Protocol = "TCP" }],
            Endpoints = new[] { "10.2.1.8", "10.2.1.9", "10.2.2.10", "10.2.2.11" }
                .Select(ip => new V1Endpoint { Addresses = [ip], Conditions = new V1EndpointConditions { Ready = true } })
                .Prepend(new V1Endpoint { Addresses = ["10.2.3.1"], Conditions = new V1EndpointConditions { Ready = false } }).ToList(),
        };

        (Node, NodePods, Lease) = BuildNode();
        AllEvents.Add(Event("Node", "node-1", "node-1", "Normal", "NodeReady", "Node node-1 status is now: NodeReady", "kubelet", 2990, 2990, 1, ns: ""));

        NamespacePods =
        [
            OwnedPod("web-0", "StatefulSet", "sts-1", "Running", "data-web-0"), OwnedPod("web-1", "StatefulSet", "sts-1", "Pending"),
            OwnedPod("ds-abc", "DaemonSet", "ds-1", "Running"), OwnedPod("rs-pod", "ReplicaSet", "rs-7854ff8877", "Failed"),
        ];
        StatefulSet = new V1StatefulSet
        {
            ApiVersion = "apps/v1", Kind = "StatefulSet", Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default", Uid = "sts-1", CreationTimestamp = Ago(60) },
            Spec = new V1StatefulSetSpec
            {
                Replicas = 2, ServiceName = "web", Selector = new V1LabelSelector { MatchLabels = Labels("app=web") },
                UpdateStrategy = new V1StatefulSetUpdateStrategy { Type = "RollingUpdate", RollingUpdate = new V1RollingUpdateStatefulSetStrategy { Partition = 0 } },
                Template = Template("nginx"),
                VolumeClaimTemplates = [new V1PersistentVolumeClaim { Metadata = new V1ObjectMeta { Name = "data" }, Spec = new V1PersistentVolumeClaimSpec { StorageClassName = "standard", AccessModes = ["ReadWriteOnce"], Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("1Gi") } } } }],
            },
            Status = new V1StatefulSetStatus { Replicas = 2 },
        };
        DaemonSet = new V1DaemonSet
        {
            ApiVersion = "apps/v1", Kind = "DaemonSet", Metadata = new V1ObjectMeta { Name = "agent", NamespaceProperty = "default", Uid = "ds-1", CreationTimestamp = Ago(60) },
            Spec = new V1DaemonSetSpec { Selector = new V1LabelSelector { MatchLabels = Labels("app=web") }, Template = Template("agent:1") },
            Status = new V1DaemonSetStatus { DesiredNumberScheduled = 3, CurrentNumberScheduled = 3, NumberReady = 3, UpdatedNumberScheduled = 3, NumberAvailable = 3 },
        };
        Claim = new V1PersistentVolumeClaim
        {
            ApiVersion = "v1", Kind = "PersistentVolumeClaim",
            Metadata = new V1ObjectMeta { Name = "data-web-0", NamespaceProperty = "default", Finalizers = ["kubernetes.io/pvc-protection"], Labels = Labels("app=web") },
            Spec = new V1PersistentVolumeClaimSpec { StorageClassName = "standard", VolumeName = "pvc-123", VolumeMode = "Filesystem", AccessModes = ["ReadWriteOnce"] },
            Status = new V1PersistentVolumeClaimStatus { Phase = "Bound", AccessModes = ["ReadWriteOnce"], Capacity = new Dictionary<string, ResourceQuantity> { ["storage"] = new("1Gi") } },
        };
        Volume = new V1PersistentVolume
        {
            ApiVersion = "v1", Kind = "PersistentVolume", Metadata = new V1ObjectMeta { Name = "pvc-123", Finalizers = ["kubernetes.io/pv-protection"] },
            Spec = new V1PersistentVolumeSpec
            {
                StorageClassName = "standard", PersistentVolumeReclaimPolicy = "Delete", AccessModes = ["ReadWriteOnce"], VolumeMode = "Filesystem",
                Capacity = new Dictionary<string, ResourceQuantity> { ["storage"] = new("1Gi") }, ClaimRef = new V1ObjectReference { NamespaceProperty = "default", Name = "data-web-0" },
                HostPath = new V1HostPathVolumeSource { Path = "/var/lib/data", Type = "DirectoryOrCreate" },
                NodeAffinity = new V1VolumeNodeAffinity { Required = new V1NodeSelector { NodeSelectorTerms = [new V1NodeSelectorTerm { MatchExpressions = [new V1NodeSelectorRequirement { Key = "kubernetes.io/hostname", OperatorProperty = "In", Values = ["node-1"] }] }] } },
            },
            Status = new V1PersistentVolumeStatus { Phase = "Bound" },
        };
        Namespace = new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = new V1ObjectMeta { Name = "default", Labels = Labels("kubernetes.io/metadata.name=default") }, Status = new V1NamespaceStatus { Phase = "Active" } };
        Quota = new V1ResourceQuota
        {
            ApiVersion = "v1", Kind = "ResourceQuota", Metadata = new V1ObjectMeta { Name = "compute", NamespaceProperty = "default" },
            Status = new V1ResourceQuotaStatus
            {
                Hard = new Dictionary<string, ResourceQuantity> { ["pods"] = new("10"), ["limits.memory"] = new("2Gi") },
                Used = new Dictionary<string, ResourceQuantity> { ["pods"] = new("3"), ["limits.memory"] = new("0") },
            },
        };
        LimitRange = new V1LimitRange
        {
            ApiVersion = "v1", Kind = "LimitRange", Metadata = new V1ObjectMeta { Name = "defaults", NamespaceProperty = "default" },
            Spec = new V1LimitRangeSpec { Limits = [new V1LimitRangeItem { Type = "Container", DefaultProperty = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("500m") }, Max = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("1") } }] },
        };
        Ingress = new V1Ingress
        {
            ApiVersion = "networking.k8s.io/v1", Kind = "Ingress",
            Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default", Annotations = new Dictionary<string, string> { ["nginx.ingress.kubernetes.io/rewrite-target"] = "/" } },
            Spec = new V1IngressSpec
            {
                IngressClassName = "nginx", Tls = [new V1IngressTLS { Hosts = ["shop.example.com"], SecretName = "shop-tls" }],
                Rules =
                [
                    new V1IngressRule
                    {
                        Host = "shop.example.com",
                        Http = new V1HTTPIngressRuleValue
                        {
                            Paths =
                            [
                                new V1HTTPIngressPath { Path = "/", PathType = "Prefix", Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = "hello", Port = new V1ServiceBackendPort { Number = 8080 } } } },
                                new V1HTTPIngressPath { Path = "/api", PathType = "Prefix", Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = "missing", Port = new V1ServiceBackendPort { Name = "http" } } } },
                            ],
                        },
                    },
                    new V1IngressRule { Http = new V1HTTPIngressRuleValue { Paths = [new V1HTTPIngressPath { Path = "/admin", PathType = "Prefix", Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = "hello", Port = new V1ServiceBackendPort { Name = "admin" } } } }] } },
                ],
            },
            Status = new V1IngressStatus { LoadBalancer = new V1IngressLoadBalancerStatus { Ingress = [new V1IngressLoadBalancerIngress { Ip = "192.168.49.2" }] } },
        };
        Job = new V1Job
        {
            ApiVersion = "batch/v1", Kind = "Job", Metadata = new V1ObjectMeta { Name = "pi", NamespaceProperty = "default", Uid = "job-1", CreationTimestamp = Ago(30) },
            Spec = new V1JobSpec
            {
                Parallelism = 1, Completions = 1, CompletionMode = "NonIndexed", Suspend = false, BackoffLimit = 6,
                Selector = new V1LabelSelector { MatchLabels = Labels("batch.kubernetes.io/controller-uid=job-1") },
                Template = new V1PodTemplateSpec { Metadata = new V1ObjectMeta { Labels = Labels("job-name=pi") }, Spec = new V1PodSpec { RestartPolicy = "Never", Containers = [new V1Container { Name = "pi", Image = "perl:5.34", Command = ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"] }] } },
            },
            Status = new V1JobStatus { StartTime = Ago(30), CompletionTime = Ago(29), Succeeded = 1, Ready = 0, Conditions = [new V1JobCondition { Type = "Complete", Status = "True" }] },
        };
        CronJob = new V1CronJob
        {
            ApiVersion = "batch/v1", Kind = "CronJob", Metadata = new V1ObjectMeta { Name = "hello", NamespaceProperty = "default", CreationTimestamp = Ago(30) },
            Spec = new V1CronJobSpec
            {
                Schedule = "*/5 * * * *", ConcurrencyPolicy = "Allow", Suspend = false, SuccessfulJobsHistoryLimit = 3, FailedJobsHistoryLimit = 1, TimeZone = "Etc/UTC",
                JobTemplate = new V1JobTemplateSpec { Spec = new V1JobSpec { Template = new V1PodTemplateSpec { Spec = new V1PodSpec { RestartPolicy = "OnFailure", Containers = [new V1Container { Name = "hello", Image = "busybox:1.28" }] } } } },
            },
            Status = new V1CronJobStatus { LastScheduleTime = Ago(3), Active = [new V1ObjectReference { Name = "hello-1" }] },
        };
        Secret = new V1Secret { ApiVersion = "v1", Kind = "Secret", Metadata = new V1ObjectMeta { Name = "db", NamespaceProperty = "default" }, Type = "Opaque", Data = new Dictionary<string, byte[]> { ["password"] = "s3cr3t"u8.ToArray() } };
        ConfigMap = new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta { Name = "cfg", NamespaceProperty = "default" }, Data = new Dictionary<string, string> { ["ui.properties"] = "color=blue\nsize=2\n" }, BinaryData = new Dictionary<string, byte[]> { ["logo"] = [1, 2, 3] } };
        ServiceAccount = new V1ServiceAccount { ApiVersion = "v1", Kind = "ServiceAccount", Metadata = new V1ObjectMeta { Name = "robot", NamespaceProperty = "default", Uid = "sa-1" }, Secrets = [new V1ObjectReference { Name = "gone" }], ImagePullSecrets = [new V1LocalObjectReference { Name = "db" }] };

        Serve();
        kubectl = new KubectlRun(server.Port);
    }

    /// <summary>Runs kubectl v1.<paramref name="minor"/> against the fake server.</summary>
    public string Kubectl(int minor, params string[] args) => kubectl.Run(minor, args);

    /// <summary>The events kubectl's query for that object returns (matched by name, kind and uid).</summary>
    public List<Corev1Event> EventsFor(string kind, string name, string? uid) =>
        AllEvents.Where(e => e.InvolvedObject.Name == name && (kind == "Pod" || e.InvolvedObject.Kind == kind) && (uid is null || e.InvolvedObject.Uid == uid)).ToList();

    private void Serve()
    {
        foreach (var (group, plural, kind, namespaced) in new[]
        {
            ("", "pods", "Pod", true), ("", "services", "Service", true), ("", "events", "Event", true), ("", "endpoints", "Endpoints", true),
            ("", "nodes", "Node", false), ("", "namespaces", "Namespace", false), ("", "persistentvolumeclaims", "PersistentVolumeClaim", true),
            ("", "persistentvolumes", "PersistentVolume", false), ("", "secrets", "Secret", true), ("", "configmaps", "ConfigMap", true),
            ("", "serviceaccounts", "ServiceAccount", true), ("", "resourcequotas", "ResourceQuota", true), ("", "limitranges", "LimitRange", true),
            ("apps", "deployments", "Deployment", true), ("apps", "replicasets", "ReplicaSet", true), ("apps", "daemonsets", "DaemonSet", true),
            ("apps", "statefulsets", "StatefulSet", true), ("batch", "jobs", "Job", true), ("batch", "cronjobs", "CronJob", true),
            ("networking.k8s.io", "ingresses", "Ingress", true), ("discovery.k8s.io", "endpointslices", "EndpointSlice", true),
            ("coordination.k8s.io", "leases", "Lease", true),
        })
            server.Resource(group, plural, kind, namespaced);

        const string ns = "/api/v1/namespaces/default";
        server.Object($"{ns}/pods/nginx", Pod);
        server.Object("/apis/apps/v1/namespaces/default/deployments/web", Deployment);
        server.List("/apis/apps/v1/namespaces/default/replicasets", "ReplicaSetList", "apps/v1", ReplicaSets);
        server.Object("/apis/apps/v1/namespaces/default/replicasets/web-7854ff8877", ReplicaSets[1]);
        server.Object($"{ns}/services/hello", Service);
        server.List("/apis/discovery.k8s.io/v1/namespaces/default/endpointslices", "EndpointSliceList", "discovery.k8s.io/v1", [Slice]);
        server.Object("/api/v1/nodes/node-1", Node);
        server.List("/api/v1/pods", "PodList", "v1", NodePods);
        server.Object("/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/node-1", Lease);
        server.List($"{ns}/pods", "PodList", "v1", NamespacePods);
        server.Object("/apis/apps/v1/namespaces/default/statefulsets/web", StatefulSet);
        server.Object("/apis/apps/v1/namespaces/default/daemonsets/agent", DaemonSet);
        server.Object($"{ns}/persistentvolumeclaims/data-web-0", Claim);
        server.Object("/api/v1/persistentvolumes/pvc-123", Volume);
        server.Object(ns, Namespace);
        server.List($"{ns}/resourcequotas", "ResourceQuotaList", "v1", [Quota]);
        server.List($"{ns}/limitranges", "LimitRangeList", "v1", [LimitRange]);
        server.Object("/apis/networking.k8s.io/v1/namespaces/default/ingresses/web", Ingress);
        server.Object("/apis/batch/v1/namespaces/default/jobs/pi", Job);
        server.Object("/apis/batch/v1/namespaces/default/cronjobs/hello", CronJob);
        server.Object($"{ns}/secrets/db", Secret);
        server.List($"{ns}/secrets", "SecretList", "v1", [Secret]);
        server.Object($"{ns}/configmaps/cfg", ConfigMap);
        server.Object($"{ns}/serviceaccounts/robot", ServiceAccount);
        server.Events(AllEvents);
    }

    private V1PodTemplateSpec Template(string image, string? hash = null) => new()
    {
        Metadata = new V1ObjectMeta { Labels = hash is null ? Labels("app=web") : Labels("app=web", "pod-template-hash=" + hash) },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = image, Ports = [new V1ContainerPort { ContainerPort = 80, Protocol = "TCP" }] }] },
    };

    private V1ReplicaSet ReplicaSet(string hash, string image, int replicas, double age) => new()
    {
        ApiVersion = "apps/v1", Kind = "ReplicaSet",
        Metadata = new V1ObjectMeta
        {
            Name = "web-" + hash, NamespaceProperty = "default", Uid = "rs-" + hash, CreationTimestamp = Ago(age), Labels = Labels("app=web", "pod-template-hash=" + hash),
            OwnerReferences = [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = "web", Uid = "dep-1", Controller = true }],
        },
        Spec = new V1ReplicaSetSpec { Replicas = replicas, Selector = new V1LabelSelector { MatchLabels = Labels("app=web", "pod-template-hash=" + hash) }, Template = Template(image, hash) },
        Status = new V1ReplicaSetStatus { Replicas = replicas },
    };

    private Corev1Event Event(string kind, string name, string uid, string type, string reason, string message, string component,
        double firstMinutes, double lastMinutes, int count, string ns = "default") => new()
    {
        Metadata = new V1ObjectMeta { Name = $"{name}.{reason}".ToLowerInvariant(), NamespaceProperty = ns.Length == 0 ? "default" : ns },
        InvolvedObject = new V1ObjectReference { Kind = kind, Name = name, NamespaceProperty = ns, Uid = uid },
        Type = type, Reason = reason, Message = message, Source = new V1EventSource { Component = component },
        FirstTimestamp = Ago(firstMinutes), LastTimestamp = Ago(lastMinutes), Count = count,
    };

    private V1Pod OwnedPod(string name, string ownerKind, string ownerUid, string phase, string? claim = null) => new()
    {
        ApiVersion = "v1", Kind = "Pod",
        Metadata = new V1ObjectMeta
        {
            Name = name, NamespaceProperty = "default", Uid = "uid-" + name, CreationTimestamp = Ago(20), Labels = Labels("app=web"),
            OwnerReferences = [new V1OwnerReference { ApiVersion = "apps/v1", Kind = ownerKind, Name = "x", Uid = ownerUid, Controller = true }],
        },
        Spec = new V1PodSpec
        {
            Containers = [new V1Container { Name = "c" }],
            Volumes = claim is null ? null : [new V1Volume { Name = "v", PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = claim } }],
        },
        Status = new V1PodStatus { Phase = phase },
    };

    private V1Pod BuildPod() => new()
    {
        ApiVersion = "v1", Kind = "Pod",
        Metadata = new V1ObjectMeta
        {
            Name = "nginx", NamespaceProperty = "default", Uid = "pod-uid-1", CreationTimestamp = Ago(30), Labels = Labels("run=nginx", "app=web"),
            Annotations = new Dictionary<string, string> { ["note"] = "line one\nline two", ["kubectl.kubernetes.io/last-applied-configuration"] = "{}" },
            OwnerReferences = [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "ReplicaSet", Name = "web-abc", Uid = "rs-1", Controller = true }],
        },
        Spec = new V1PodSpec
        {
            Priority = 0, ServiceAccountName = "default", NodeName = "node-1", NodeSelector = Labels("disk=ssd"),
            InitContainers = [new V1Container { Name = "setup", Image = "busybox", Command = ["sh", "-c", "echo a\necho b"] }],
            Containers =
            [
                new V1Container
                {
                    Name = "nginx", Image = "nginx:1.25",
                    Ports = [new V1ContainerPort { ContainerPort = 80, Protocol = "TCP", Name = "http" }, new V1ContainerPort { ContainerPort = 443, Protocol = "TCP" }],
                    Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("256Mi") }, Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("250m"), ["memory"] = new("128Mi") } },
                    LivenessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/healthz", Port = 80, Scheme = "HTTP" }, TimeoutSeconds = 1, PeriodSeconds = 10, SuccessThreshold = 1, FailureThreshold = 3 },
                    ReadinessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = "http" }, InitialDelaySeconds = 5, TimeoutSeconds = 1, PeriodSeconds = 5, SuccessThreshold = 1, FailureThreshold = 3 },
                    EnvFrom = [new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = "cfg" } }],
                    Env =
                    [
                        new V1EnvVar { Name = "MODE", Value = "prod" }, new V1EnvVar { Name = "MULTI", Value = "a\nb" },
                        new V1EnvVar { Name = "POD_NAME", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { ApiVersion = "v1", FieldPath = "metadata.name" } } },
                        new V1EnvVar { Name = "UID", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { ApiVersion = "v1", FieldPath = "metadata.uid" } } },
                        new V1EnvVar { Name = "APP", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { ApiVersion = "v1", FieldPath = "metadata.labels['app']" } } },
                        new V1EnvVar { Name = "MEM", ValueFrom = new V1EnvVarSource { ResourceFieldRef = new V1ResourceFieldSelector { Resource = "limits.memory", Divisor = new ResourceQuantity("1Mi") } } },
                        new V1EnvVar { Name = "CPU", ValueFrom = new V1EnvVarSource { ResourceFieldRef = new V1ResourceFieldSelector { Resource = "limits.cpu" } } },
                        new V1EnvVar { Name = "PASS", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = "db", Key = "password" } } },
                    ],
                    VolumeMounts =
                    [
                        new V1VolumeMount { Name = "data", MountPath = "/data" },
                        new V1VolumeMount { Name = "kube-api-access-6xq7z", MountPath = "/var/run/secrets/kubernetes.io/serviceaccount", ReadOnlyProperty = true },
                        new V1VolumeMount { Name = "cache", MountPath = "/cache", SubPath = "x" },
                    ],
                },
            ],
            Volumes =
            [
                new V1Volume { Name = "data", PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = "data" } },
                new V1Volume { Name = "cache", EmptyDir = new V1EmptyDirVolumeSource { Medium = "Memory", SizeLimit = new("64Mi") } },
                new V1Volume { Name = "logs", HostPath = new V1HostPathVolumeSource { Path = "/var/log", Type = "" } },
                new V1Volume { Name = "cfgvol", ConfigMap = new V1ConfigMapVolumeSource { Name = "cfg" } },
                new V1Volume { Name = "certs", Secret = new V1SecretVolumeSource { SecretName = "tls", Optional = true } },
                new V1Volume
                {
                    Name = "kube-api-access-6xq7z",
                    Projected = new V1ProjectedVolumeSource
                    {
                        Sources =
                        [
                            new V1VolumeProjection { ServiceAccountToken = new V1ServiceAccountTokenProjection { ExpirationSeconds = 3607, Path = "token" } },
                            new V1VolumeProjection { ConfigMap = new V1ConfigMapProjection { Name = "kube-root-ca.crt" } },
                            new V1VolumeProjection { DownwardAPI = new V1DownwardAPIProjection() },
                            new V1VolumeProjection { Secret = new V1SecretProjection { Name = "extra" } },
                        ],
                    },
                },
            ],
            Tolerations =
            [
                new V1Toleration { Key = "node.kubernetes.io/unreachable", OperatorProperty = "Exists", Effect = "NoExecute", TolerationSeconds = 300 },
                new V1Toleration { Key = "node.kubernetes.io/not-ready", OperatorProperty = "Exists", Effect = "NoExecute", TolerationSeconds = 300 },
            ],
            ReadinessGates = [new V1PodReadinessGate { ConditionType = "lb/ready" }],
            TopologySpreadConstraints = [new V1TopologySpreadConstraint { TopologyKey = "zone", WhenUnsatisfiable = "DoNotSchedule", MaxSkew = 1, LabelSelector = new V1LabelSelector { MatchLabels = Labels("app=web") } }],
        },
        Status = new V1PodStatus
        {
            Phase = "Running", HostIP = "10.0.0.4", PodIP = "10.244.1.7", PodIPs = [new V1PodIP { Ip = "10.244.1.7" }], StartTime = Ago(30), QosClass = "Burstable",
            Conditions = [new V1PodCondition { Type = "Initialized", Status = "True" }, new V1PodCondition { Type = "Ready", Status = "False" }],
            InitContainerStatuses =
            [
                new V1ContainerStatus
                {
                    Name = "setup", Ready = true, ContainerID = "containerd://aa", ImageID = "busybox@sha256:1", Image = "busybox",
                    State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 0, Reason = "Completed", StartedAt = Ago(29), FinishedAt = Ago(28) } },
                },
            ],
            ContainerStatuses =
            [
                new V1ContainerStatus
                {
                    Name = "nginx", Ready = false, RestartCount = 2, ContainerID = "containerd://bb", ImageID = "nginx@sha256:2", Image = "nginx:1.25",
                    State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "CrashLoopBackOff", Message = "back-off" } },
                    LastState = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 137, Signal = 9, Reason = "OOMKilled", Message = "oom", StartedAt = Ago(20), FinishedAt = Ago(15) } },
                },
            ],
        },
    };

    private (V1Node, V1Pod[], V1Lease) BuildNode()
    {
        Dictionary<string, ResourceQuantity> Resources() => new()
        {
            ["cpu"] = new("2"), ["memory"] = new("4030000Ki"), ["pods"] = new("110"), ["ephemeral-storage"] = new("41152812Ki"), ["hugepages-2Mi"] = new("0"),
        };
        var node = new V1Node
        {
            ApiVersion = "v1", Kind = "Node",
            Metadata = new V1ObjectMeta
            {
                Name = "node-1", Uid = "node-uid", CreationTimestamp = Ago(3000), Labels = Labels("kubernetes.io/hostname=node-1", "node-role.kubernetes.io/control-plane="),
                Annotations = new Dictionary<string, string> { ["node.alpha.kubernetes.io/ttl"] = "0" },
            },
            Spec = new V1NodeSpec { PodCIDR = "10.244.0.0/24", PodCIDRs = ["10.244.0.0/24"], Taints = [new V1Taint { Key = "node-role.kubernetes.io/control-plane", Effect = "NoSchedule" }] },
            Status = new V1NodeStatus
            {
                Conditions =
                [
                    new V1NodeCondition { Type = "MemoryPressure", Status = "False", Reason = "KubeletHasSufficientMemory", Message = "kubelet has sufficient memory available", LastHeartbeatTime = Ago(1), LastTransitionTime = Ago(3000) },
                    new V1NodeCondition { Type = "Ready", Status = "True", Reason = "KubeletReady", Message = "kubelet is posting ready status", LastHeartbeatTime = Ago(1), LastTransitionTime = Ago(2990) },
                ],
                Addresses = [new V1NodeAddress { Type = "InternalIP", Address = "192.168.49.2" }, new V1NodeAddress { Type = "Hostname", Address = "node-1" }],
                Capacity = Resources(), Allocatable = Resources(),
                NodeInfo = new V1NodeSystemInfo { MachineID = "m", SystemUUID = "u", BootID = "b", KernelVersion = "6.1", OsImage = "Debian", OperatingSystem = "linux", Architecture = "amd64", ContainerRuntimeVersion = "containerd://1.7", KubeletVersion = "v1.32.0", KubeProxyVersion = "" },
            },
        };
        V1ResourceRequirements Res(string? cpu, string? memory, string? cpuLimit = null, string? memoryLimit = null, string? storage = null)
        {
            var requests = new Dictionary<string, ResourceQuantity>();
            var limits = new Dictionary<string, ResourceQuantity>();
            if (cpu is not null) requests["cpu"] = new(cpu);
            if (memory is not null) requests["memory"] = new(memory);
            if (storage is not null) requests["ephemeral-storage"] = new(storage);
            if (cpuLimit is not null) limits["cpu"] = new(cpuLimit);
            if (memoryLimit is not null) limits["memory"] = new(memoryLimit);
            return new V1ResourceRequirements { Requests = requests, Limits = limits.Count == 0 ? null : limits };
        }
        var pods = new[]
        {
            new V1Pod
            {
                ApiVersion = "v1", Kind = "Pod", Metadata = new V1ObjectMeta { Name = "coredns-abc", NamespaceProperty = "kube-system", CreationTimestamp = Ago(2900) },
                Spec = new V1PodSpec { NodeName = "node-1", Containers = [new V1Container { Name = "c", Resources = Res("100m", "70Mi", memoryLimit: "170Mi") }] },
                Status = new V1PodStatus { Phase = "Running" },
            },
            new V1Pod
            {
                ApiVersion = "v1", Kind = "Pod", Metadata = new V1ObjectMeta { Name = "web-1", NamespaceProperty = "default", CreationTimestamp = Ago(40) },
                Spec = new V1PodSpec
                {
                    NodeName = "node-1",
                    Containers = [new V1Container { Name = "a", Resources = Res("250m", "64Mi", "1", "128Mi", "1Gi") }, new V1Container { Name = "b", Resources = Res("0.1", null) }],
                    InitContainers = [new V1Container { Name = "init", Resources = Res("500m", null) }],
                },
                Status = new V1PodStatus { Phase = "Running" },
            },
        };
        var lease = new V1Lease
        {
            ApiVersion = "coordination.k8s.io/v1", Kind = "Lease", Metadata = new V1ObjectMeta { Name = "node-1", NamespaceProperty = "kube-node-lease" },
            Spec = new V1LeaseSpec { HolderIdentity = "node-1", LeaseDurationSeconds = 40, RenewTime = Ago(0.2) },
        };
        return (node, pods, lease);
    }

    public void Dispose()
    {
        server.Dispose();
        kubectl.Dispose();
    }
}
