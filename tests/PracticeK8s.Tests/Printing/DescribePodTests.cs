using k8s.Models;
using PracticeK8s.Printing;
using static PracticeK8s.Tests.Printing.Build;

namespace PracticeK8s.Tests.Printing;

public sealed class DescribePodTests
{
    private static string Aligned(string raw) => TabWriter.FormatText(raw, TabWriter.DescribeMinWidth, TabWriter.DescribePadding);

    private static readonly DateTime Started = new(2024, 5, 1, 11, 59, 40, DateTimeKind.Utc);

    private static V1Pod Nginx() => new()
    {
        Metadata = Meta("nginx", Started, "default", Labels("run=nginx")),
        Spec = new V1PodSpec
        {
            Priority = 0, ServiceAccountName = "default", NodeName = "minikube",
            Containers =
            [
                new V1Container
                {
                    Name = "nginx", Image = "nginx",
                    VolumeMounts = [new V1VolumeMount { Name = "kube-api-access-6xq7z", MountPath = "/var/run/secrets/kubernetes.io/serviceaccount", ReadOnlyProperty = true }],
                },
            ],
            Volumes =
            [
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
                        ],
                    },
                },
            ],
            Tolerations =
            [
                new V1Toleration { Key = "node.kubernetes.io/unreachable", OperatorProperty = "Exists", Effect = "NoExecute", TolerationSeconds = 300 },
                new V1Toleration { Key = "node.kubernetes.io/not-ready", OperatorProperty = "Exists", Effect = "NoExecute", TolerationSeconds = 300 },
            ],
        },
        Status = new V1PodStatus
        {
            Phase = "Running", HostIP = "192.168.49.2", PodIP = "10.244.0.5", PodIPs = [new V1PodIP { Ip = "10.244.0.5" }],
            StartTime = Started, QosClass = "BestEffort",
            Conditions =
            [
                Condition("PodReadyToStartContainers", "True"), Condition("Initialized", "True"), Condition("Ready", "True"),
                Condition("ContainersReady", "True"), Condition("PodScheduled", "True"),
            ],
            ContainerStatuses =
            [
                new V1ContainerStatus
                {
                    Name = "nginx", Ready = true, RestartCount = 0, Image = "nginx:latest",
                    ContainerID = "containerd://4c1d", ImageID = "docker.io/library/nginx@sha256:32da",
                    State = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = Started.AddSeconds(5) } },
                },
            ],
        },
    };

    [Fact]
    public void RunningPod_AsKubectlPrintsIt()
    {
        var events = new[]
        {
            new Corev1Event { Type = "Normal", Reason = "Pulling", Message = "Pulling image \"nginx\"", Source = new V1EventSource { Component = "kubelet" }, FirstTimestamp = SecondsAgo(19), LastTimestamp = SecondsAgo(19), Count = 1 },
            new Corev1Event { Type = "Normal", Reason = "Scheduled", Message = "Successfully assigned default/nginx to minikube", ReportingComponent = "default-scheduler", EventTime = SecondsAgo(20) },
        };
        var expected = """
            Name:             nginx
            Namespace:        default
            Priority:         0
            Service Account:  default
            Node:             minikube/192.168.49.2
            Start Time:       Wed, 01 May 2024 11:59:40 +0000
            Labels:           run=nginx
            Annotations:      <none>
            Status:           Running
            IP:               10.244.0.5
            IPs:
              IP:  10.244.0.5
            Containers:
              nginx:
                Container ID:   containerd://4c1d
                Image:          nginx
                Image ID:       docker.io/library/nginx@sha256:32da
                Port:           <none>
                Host Port:      <none>
                State:          Running
                  Started:      Wed, 01 May 2024 11:59:45 +0000
                Ready:          True
                Restart Count:  0
                Environment:    <none>
                Mounts:
                  /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-6xq7z (ro)
            Conditions:
              Type                        Status
              PodReadyToStartContainers   True 
              Initialized                 True 
              Ready                       True 
              ContainersReady             True 
              PodScheduled                True 
            Volumes:
              kube-api-access-6xq7z:
                Type:                    Projected (a volume that contains injected data from multiple sources)
                TokenExpirationSeconds:  3607
                ConfigMapName:           kube-root-ca.crt
                ConfigMapOptional:       <nil>
                DownwardAPI:             true
            QoS Class:                   BestEffort
            Node-Selectors:              <none>
            Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                         node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
            Events:
              Type    Reason     Age   From               Message
              ----    ------     ----  ----               -------
              Normal  Scheduled  20s   default-scheduler  Successfully assigned default/nginx to minikube
              Normal  Pulling    19s   kubelet            Pulling image "nginx"

            """;
        Assert.Equal(expected, Describer.Describe(new DescribeInput { Resource = Nginx(), Events = events, TimeZone = TimeZoneInfo.Utc }, Now));
    }

    [Fact]
    public void ProjectedVolume_AsKubectl133PrintsIt()
    {
        var pod = Nginx();
        pod.Spec.Volumes[0].Projected.Sources.Add(new V1VolumeProjection { Secret = new V1SecretProjection { Name = "extra", Optional = true } });
        var newer = Describer.Describe(new DescribeInput { Resource = pod, TimeZone = TimeZoneInfo.Utc, KubectlMinorVersion = 33 }, Now);
        Assert.Contains(
            "    Type:                    Projected (a volume that contains injected data from multiple sources)\n" +
            "    TokenExpirationSeconds:  3607\n    ConfigMapName:           kube-root-ca.crt\n    Optional:                false\n" +
            "    DownwardAPI:             true\n    SecretName:              extra\n    Optional:                true\n", newer);
        var older = Describer.Describe(new DescribeInput { Resource = pod, TimeZone = TimeZoneInfo.Utc }, Now);
        Assert.Contains("    ConfigMapOptional:       <nil>\n    DownwardAPI:             true\n    SecretName:              extra\n    SecretOptionalName:      true\n", older);
    }

    [Fact]
    public void NoEvents_JoinTheLastBlock()
    {
        var text = Describer.Describe(new DescribeInput { Resource = Nginx(), Events = [], TimeZone = TimeZoneInfo.Utc }, Now);
        Assert.EndsWith(
            "QoS Class:                   BestEffort\n" +
            "Node-Selectors:              <none>\n" +
            "Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n" +
            "                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n" +
            "Events:                      <none>\n", text);
    }

    [Fact]
    public void TimesUseTheViewersZone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("test+0530", new TimeSpan(5, 30, 0), "test", "test");
        var text = Describer.Describe(new DescribeInput { Resource = Nginx(), TimeZone = zone }, Now);
        Assert.Contains("Start Time:       Wed, 01 May 2024 17:29:40 +0530\n", text);
        var west = TimeZoneInfo.CreateCustomTimeZone("test-0700", new TimeSpan(-7, 0, 0), "test", "test");
        Assert.Contains("Start Time:       Wed, 01 May 2024 04:59:40 -0700\n", Describer.Describe(new DescribeInput { Resource = Nginx(), TimeZone = west }, Now));
    }

    [Fact]
    public void InitContainers_States_Env_Probes_Resources_Volumes()
    {
        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta
            {
                Name = "web-0", NamespaceProperty = "shop", CreationTimestamp = Started, Labels = Labels("app=web"),
                OwnerReferences = [new V1OwnerReference { Kind = "StatefulSet", Name = "web", Controller = true, ApiVersion = "apps/v1" }],
                Annotations = new Dictionary<string, string> { ["note"] = "line one\nline two" },
            },
            Spec = new V1PodSpec
            {
                NodeName = "node-1", PriorityClassName = "high", Priority = 1000,
                NodeSelector = Labels("disk=ssd", "kubernetes.io/os=linux"),
                InitContainers = [new V1Container { Name = "setup", Image = "busybox", Command = ["sh", "-c", "echo a\necho b"] }],
                Containers =
                [
                    new V1Container
                    {
                        Name = "app", Image = "web:2",
                        Args = ["--port=8080"],
                        Ports = [new V1ContainerPort { ContainerPort = 8080, Protocol = "TCP" }, new V1ContainerPort { ContainerPort = 9090, HostPort = 19090, Protocol = "UDP" }],
                        Resources = new V1ResourceRequirements
                        {
                            Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("256Mi"), ["cpu"] = new("500m") },
                            Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("0.25"), ["memory"] = new("128Mi") },
                        },
                        LivenessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/healthz", Port = 8080, Scheme = "HTTP" }, TimeoutSeconds = 1, PeriodSeconds = 10, SuccessThreshold = 1, FailureThreshold = 3 },
                        ReadinessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = "http" }, InitialDelaySeconds = 5, TimeoutSeconds = 1, PeriodSeconds = 5, SuccessThreshold = 1, FailureThreshold = 3 },
                        StartupProbe = new V1Probe { Exec = new V1ExecAction { Command = ["cat", "/tmp/ready"] }, TimeoutSeconds = 1, PeriodSeconds = 10, SuccessThreshold = 1, FailureThreshold = 30 },
                        EnvFrom = [new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = "web-config" } }, new V1EnvFromSource { SecretRef = new V1SecretEnvSource { Name = "web-secret", Optional = true }, Prefix = "S_" }],
                        Env =
                        [
                            new V1EnvVar { Name = "MODE", Value = "prod" },
                            new V1EnvVar { Name = "MULTI", Value = "a\nb" },
                            new V1EnvVar { Name = "POD_NAME", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { ApiVersion = "v1", FieldPath = "metadata.name" } } },
                            new V1EnvVar { Name = "NODE", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { ApiVersion = "v1", FieldPath = "spec.nodeName" } } },
                            new V1EnvVar { Name = "CPU_LIMIT", ValueFrom = new V1EnvVarSource { ResourceFieldRef = new V1ResourceFieldSelector { Resource = "limits.cpu", Divisor = new ResourceQuantity("1m") } } },
                            new V1EnvVar { Name = "MEM_LIMIT", ValueFrom = new V1EnvVarSource { ResourceFieldRef = new V1ResourceFieldSelector { Resource = "limits.ephemeral-storage" } } },
                            new V1EnvVar { Name = "PASSWORD", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = "db", Key = "password" } } },
                            new V1EnvVar { Name = "COLOR", ValueFrom = new V1EnvVarSource { ConfigMapKeyRef = new V1ConfigMapKeySelector { Name = "web-config", Key = "color", Optional = true } } },
                        ],
                        VolumeMounts =
                        [
                            new V1VolumeMount { Name = "data", MountPath = "/var/www" },
                            new V1VolumeMount { Name = "cache", MountPath = "/cache", SubPath = "web" },
                        ],
                    },
                ],
                Volumes =
                [
                    new V1Volume { Name = "data", PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = "data-web-0" } },
                    new V1Volume { Name = "cache", EmptyDir = new V1EmptyDirVolumeSource { Medium = "Memory", SizeLimit = new ResourceQuantity("64Mi") } },
                    new V1Volume { Name = "logs", HostPath = new V1HostPathVolumeSource { Path = "/var/log", Type = "Directory" } },
                    new V1Volume { Name = "cfg", ConfigMap = new V1ConfigMapVolumeSource { Name = "web-config" } },
                    new V1Volume { Name = "certs", Secret = new V1SecretVolumeSource { SecretName = "tls", Optional = true } },
                    new V1Volume { Name = "info", DownwardAPI = new V1DownwardAPIVolumeSource { Items = [new V1DownwardAPIVolumeFile { Path = "labels", FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.labels" } }] } },
                ],
                ReadinessGates = [new V1PodReadinessGate { ConditionType = "lb/ready" }],
            },
            Status = new V1PodStatus
            {
                Phase = "Running", HostIP = "10.0.0.4", PodIP = "10.244.1.7", PodIPs = [new V1PodIP { Ip = "10.244.1.7" }, new V1PodIP { Ip = "fd00::7" }],
                Conditions = [Condition("Ready", "False")],
                InitContainerStatuses =
                [
                    new V1ContainerStatus
                    {
                        Name = "setup", Ready = true, ContainerID = "containerd://aa", ImageID = "busybox@sha256:1",
                        State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 0, Reason = "Completed", StartedAt = Started.AddSeconds(1), FinishedAt = Started.AddSeconds(2) } },
                    },
                ],
                ContainerStatuses =
                [
                    new V1ContainerStatus
                    {
                        Name = "app", Ready = false, RestartCount = 2, ContainerID = "containerd://bb", ImageID = "web@sha256:2",
                        State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "CrashLoopBackOff" } },
                        LastState = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 137, Signal = 9, Reason = "OOMKilled", Message = "out of memory", StartedAt = Started.AddSeconds(3), FinishedAt = Started.AddSeconds(9) } },
                    },
                ],
            },
        };
        var raw =
            "Name:\tweb-0\nNamespace:\tshop\nPriority:\t1000\nPriority Class Name:\thigh\nNode:\tnode-1/10.0.0.4\n" +
            "Labels:\tapp=web\nAnnotations:\tnote:\n\t  line one\n\t  line two\nStatus:\tRunning\nIP:\t10.244.1.7\n" +
            "IPs:\n  IP:\t10.244.1.7\n  IP:\tfd00::7\nControlled By:\tStatefulSet/web\n" +
            "Init Containers:\n  setup:\n    Container ID:\tcontainerd://aa\n    Image:\tbusybox\n    Image ID:\tbusybox@sha256:1\n" +
            "    Port:\t<none>\n    Host Port:\t<none>\n    Command:\n      sh\n      -c\n      echo a\n      echo b\n" +
            "    State:\tTerminated\n      Reason:\tCompleted\n      Exit Code:\t0\n" +
            "      Started:\tWed, 01 May 2024 11:59:41 +0000\n      Finished:\tWed, 01 May 2024 11:59:42 +0000\n" +
            "    Ready:\tTrue\n    Restart Count:\t0\n    Environment:\t<none>\n    Mounts:\t<none>\n" +
            "Containers:\n  app:\n    Container ID:\tcontainerd://bb\n    Image:\tweb:2\n    Image ID:\tweb@sha256:2\n" +
            "    Ports:\t8080/TCP, 9090/UDP\n    Host Ports:\t0/TCP, 19090/UDP\n    Args:\n      --port=8080\n" +
            "    State:\tWaiting\n      Reason:\tCrashLoopBackOff\n" +
            "    Last State:\tTerminated\n      Reason:\tOOMKilled\n      Message:\tout of memory\n      Exit Code:\t137\n      Signal:\t9\n" +
            "      Started:\tWed, 01 May 2024 11:59:43 +0000\n      Finished:\tWed, 01 May 2024 11:59:49 +0000\n" +
            "    Ready:\tFalse\n    Restart Count:\t2\n" +
            "    Limits:\n      cpu:\t500m\n      memory:\t256Mi\n    Requests:\n      cpu:\t250m\n      memory:\t128Mi\n" +
            "    Liveness:\thttp-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3\n" +
            "    Readiness:\ttcp-socket :http delay=5s timeout=1s period=5s #success=1 #failure=3\n" +
            "    Startup:\texec [cat /tmp/ready] delay=0s timeout=1s period=10s #success=1 #failure=30\n" +
            "    Environment Variables from:\n      web-config\tConfigMap\tOptional: false\n      web-secret\tSecret with prefix 'S_'\tOptional: true\n" +
            "    Environment:\n      MODE:\tprod\n      MULTI:\ta\n      \tb\n      POD_NAME:\tweb-0 (v1:metadata.name)\n      NODE:\t (v1:spec.nodeName)\n" +
            "      CPU_LIMIT:\t500 (limits.cpu)\n      MEM_LIMIT:\t0 (limits.ephemeral-storage)\n" +
            "      PASSWORD:\t<set to the key 'password' in secret 'db'>\tOptional: false\n" +
            "      COLOR:\t<set to the key 'color' of config map 'web-config'>\tOptional: true\n" +
            "    Mounts:\n      /cache from cache (rw,path=\"web\")\n      /var/www from data (rw)\n" +
            "Readiness Gates:\n  Type\tStatus\n  lb/ready \t<none> \n" +
            "Conditions:\n  Type\tStatus\n  Ready \tFalse \n" +
            "Volumes:\n  data:\n    Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\tdata-web-0\n    ReadOnly:\tfalse\n" +
            "  cache:\n    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\tMemory\n    SizeLimit:\t64Mi\n" +
            "  logs:\n    Type:\tHostPath (bare host directory volume)\n    Path:\t/var/log\n    HostPathType:\tDirectory\n" +
            "  cfg:\n    Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\tweb-config\n    Optional:\tfalse\n" +
            "  certs:\n    Type:\tSecret (a volume populated by a Secret)\n    SecretName:\ttls\n    Optional:\ttrue\n" +
            "  info:\n    Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n      metadata.labels -> labels\n" +
            "QoS Class:\tBurstable\nNode-Selectors:\tdisk=ssd\n\tkubernetes.io/os=linux\nTolerations:\t<none>\n";
        Assert.Equal(Aligned(raw), Describer.Describe(new DescribeInput { Resource = pod, TimeZone = TimeZoneInfo.Utc }, Now));
    }

    [Fact]
    public void TerminatingPod_ShowsHowLongAndTheGracePeriod()
    {
        var pod = Nginx();
        pod.Metadata.DeletionTimestamp = SecondsAgo(12);
        pod.Metadata.DeletionGracePeriodSeconds = 30;
        var text = Describer.Describe(new DescribeInput { Resource = pod, TimeZone = TimeZoneInfo.Utc }, Now);
        Assert.Contains("Status:                    Terminating (lasts 12s)\nTermination Grace Period:  30s\n", text);
    }

    [Fact]
    public void PendingPod_WithoutNodeOrIPs()
    {
        var pod = new V1Pod
        {
            Metadata = Meta("p", Started, "default"),
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = "i" }] },
            Status = new V1PodStatus { Phase = "Pending", Reason = "Unschedulable", Message = "0/3 nodes are available" },
        };
        var raw = "Name:\tp\nNamespace:\tdefault\nNode:\t<none>\nLabels:\t<none>\nAnnotations:\t<none>\nStatus:\tPending\n" +
                  "Reason:\tUnschedulable\nMessage:\t0/3 nodes are available\nIP:\t\nIPs:\t<none>\n" +
                  "Containers:\n  c:\n    Image:\ti\n    Port:\t<none>\n    Host Port:\t<none>\n    Environment:\t<none>\n    Mounts:\t<none>\n" +
                  "Volumes:\t<none>\nQoS Class:\tBestEffort\nNode-Selectors:\t<none>\nTolerations:\t<none>\n";
        Assert.Equal(Aligned(raw), Describer.Describe(new DescribeInput { Resource = pod, TimeZone = TimeZoneInfo.Utc }, Now));
    }

    [Theory]
    [InlineData("100m", "128Mi", "100m", "128Mi", "Guaranteed")]
    [InlineData("100m", "128Mi", null, null, "Burstable")]
    [InlineData(null, null, null, null, "BestEffort")]
    [InlineData("100m", null, "100m", null, "Burstable")]
    public void QosClass_ComputedWhenStatusHasNone(string? requestCpu, string? requestMemory, string? limitCpu, string? limitMemory, string expected)
    {
        static Dictionary<string, ResourceQuantity>? List(string? cpu, string? memory)
        {
            var list = new Dictionary<string, ResourceQuantity>();
            if (cpu is not null) list["cpu"] = new ResourceQuantity(cpu);
            if (memory is not null) list["memory"] = new ResourceQuantity(memory);
            return list.Count == 0 ? null : list;
        }
        var pod = new V1Pod
        {
            Metadata = Meta("p"),
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Resources = new V1ResourceRequirements { Requests = List(requestCpu, requestMemory), Limits = List(limitCpu, limitMemory) } }] },
            Status = new V1PodStatus(),
        };
        var sections = Describer.Sections(new DescribeInput { Resource = pod }, Now);
        Assert.Equal(expected, sections.Single(s => s.Label == "QoS Class").Value);
    }

    [Fact]
    public void Sections_GiveTheStructureBehindTheText()
    {
        var sections = Describer.Sections(new DescribeInput { Resource = Nginx(), Events = [], TimeZone = TimeZoneInfo.Utc }, Now);
        Assert.Equal("nginx", sections.Single(s => s.Label == "Name").Value);
        var containers = sections.Single(s => s.Label == "Containers");
        Assert.Equal(DescribeSectionKind.Group, containers.Kind);
        var nginx = Assert.Single(containers.Children);
        Assert.Equal("nginx", nginx.Label);
        Assert.Equal("Running", nginx.Children.Single(c => c.Label == "State").Value);
        var conditions = sections.Single(s => s.Label == "Conditions");
        Assert.Equal(DescribeSectionKind.Table, conditions.Kind);
        Assert.Equal(["Type", "Status"], conditions.Columns);
        Assert.Equal(["Ready", "True"], conditions.Rows[2]);
        var tolerations = sections.Single(s => s.Label == "Tolerations");
        Assert.Equal("node.kubernetes.io/not-ready:NoExecute op=Exists for 300s", tolerations.Value);
        Assert.Equal(["node.kubernetes.io/unreachable:NoExecute op=Exists for 300s"], tolerations.MoreValues);
        Assert.Contains(sections.SelectMany(s => s.Descendants().Prepend(s)), s => s.Label == "TokenExpirationSeconds" && s.Value == "3607");
        Assert.Equal("<none>", sections.Single(s => s.Label == "Events").Value);
    }
}
