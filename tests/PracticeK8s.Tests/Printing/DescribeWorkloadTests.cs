using k8s.Models;
using PracticeK8s.Printing;
using static PracticeK8s.Tests.Printing.Build;

namespace PracticeK8s.Tests.Printing;

public sealed class DescribeWorkloadTests
{
    private static string Aligned(string raw) => TabWriter.FormatText(raw, TabWriter.DescribeMinWidth, TabWriter.DescribePadding);

    private static readonly DateTime Created = new(2024, 2, 1, 10, 0, 0, DateTimeKind.Utc);

    private static V1PodTemplateSpec NginxTemplate(string? hash = null) => new()
    {
        Metadata = new V1ObjectMeta { Labels = hash is null ? Labels("app=nginx") : Labels("app=nginx", "pod-template-hash=" + hash) },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "nginx", Image = "nginx:1.14.2", Ports = [new V1ContainerPort { ContainerPort = 80, Protocol = "TCP" }] }] },
    };

    private static V1Deployment Deployment() => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "nginx-deployment", NamespaceProperty = "default", Uid = "d-1", CreationTimestamp = Created, Labels = Labels("app=nginx"),
            Annotations = new Dictionary<string, string> { ["deployment.kubernetes.io/revision"] = "2", ["kubectl.kubernetes.io/last-applied-configuration"] = "{\"big\":1}\n" },
        },
        Spec = new V1DeploymentSpec
        {
            Replicas = 3, Selector = new V1LabelSelector { MatchLabels = Labels("app=nginx") }, MinReadySeconds = 0,
            Strategy = new V1DeploymentStrategy { Type = "RollingUpdate", RollingUpdate = new V1RollingUpdateDeployment { MaxUnavailable = "25%", MaxSurge = "25%" } },
            Template = NginxTemplate(),
        },
        Status = new V1DeploymentStatus
        {
            Replicas = 3, UpdatedReplicas = 3, ReadyReplicas = 3, AvailableReplicas = 3,
            Conditions =
            [
                new V1DeploymentCondition { Type = "Available", Status = "True", Reason = "MinimumReplicasAvailable" },
                new V1DeploymentCondition { Type = "Progressing", Status = "True", Reason = "NewReplicaSetAvailable" },
            ],
        },
    };

    private static V1ReplicaSet ReplicaSet(string hash, DateTime created, int replicas, string image = "nginx:1.14.2", string ownerUid = "d-1") => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "nginx-deployment-" + hash, NamespaceProperty = "default", Uid = "rs-" + hash, CreationTimestamp = created,
            Labels = Labels("app=nginx", "pod-template-hash=" + hash),
            OwnerReferences = [new V1OwnerReference { Kind = "Deployment", Name = "nginx-deployment", Uid = ownerUid, Controller = true, ApiVersion = "apps/v1" }],
        },
        Spec = new V1ReplicaSetSpec
        {
            Replicas = replicas, Selector = new V1LabelSelector { MatchLabels = Labels("app=nginx", "pod-template-hash=" + hash) },
            Template = NginxTemplate(hash) is var t && image != "nginx:1.14.2" ? t with { Spec = t.Spec with { Containers = [t.Spec.Containers[0] with { Image = image }] } } : t,
        },
        Status = new V1ReplicaSetStatus { Replicas = replicas },
    };

    [Fact]
    public void Deployment_AsKubectlPrintsIt()
    {
        var sets = new[]
        {
            ReplicaSet("5d59d67564", Created.AddHours(-1), 0, image: "nginx:1.13"),
            ReplicaSet("7854ff8877", Created, 3),
            ReplicaSet("0000000000", Created, 2, ownerUid: "someone-else"),
        };
        var events = new[]
        {
            new Corev1Event { Type = "Normal", Reason = "ScalingReplicaSet", Message = "Scaled up replica set nginx-deployment-7854ff8877 to 3", Source = new V1EventSource { Component = "deployment-controller" }, FirstTimestamp = SecondsAgo(10), LastTimestamp = SecondsAgo(10), Count = 1 },
        };
        var expected = """
            Name:                   nginx-deployment
            Namespace:              default
            CreationTimestamp:      Thu, 01 Feb 2024 10:00:00 +0000
            Labels:                 app=nginx
            Annotations:            deployment.kubernetes.io/revision: 2
            Selector:               app=nginx
            Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable
            StrategyType:           RollingUpdate
            MinReadySeconds:        0
            RollingUpdateStrategy:  25% max unavailable, 25% max surge
            Pod Template:
              Labels:  app=nginx
              Containers:
               nginx:
                Image:         nginx:1.14.2
                Port:          80/TCP
                Host Port:     0/TCP
                Environment:   <none>
                Mounts:        <none>
              Volumes:         <none>
              Node-Selectors:  <none>
              Tolerations:     <none>
            Conditions:
              Type           Status  Reason
              ----           ------  ------
              Available      True    MinimumReplicasAvailable
              Progressing    True    NewReplicaSetAvailable
            OldReplicaSets:  nginx-deployment-5d59d67564 (0/0 replicas created)
            NewReplicaSet:   nginx-deployment-7854ff8877 (3/3 replicas created)
            Events:
              Type    Reason             Age   From                   Message
              ----    ------             ----  ----                   -------
              Normal  ScalingReplicaSet  10s   deployment-controller  Scaled up replica set nginx-deployment-7854ff8877 to 3

            """;
        var input = new DescribeInput { Resource = Deployment(), ReplicaSets = sets, Events = events, TimeZone = TimeZoneInfo.Utc };
        Assert.Equal(expected, Describer.Describe(input, Now));
    }

    [Fact]
    public void Deployment_WithoutReplicaSets_LeavesThoseLinesOut_AndNoneForAMissingNewOne()
    {
        var text = Describer.Describe(new DescribeInput { Resource = Deployment(), TimeZone = TimeZoneInfo.Utc }, Now);
        Assert.DoesNotContain("OldReplicaSets", text);
        Assert.DoesNotContain("NewReplicaSet:", text);

        var onlyOld = new DescribeInput { Resource = Deployment(), ReplicaSets = [ReplicaSet("5d59d67564", Created, 1, image: "nginx:1.13")], TimeZone = TimeZoneInfo.Utc };
        Assert.Contains("OldReplicaSets:  nginx-deployment-5d59d67564 (1/1 replicas created)\nNewReplicaSet:   <none>\n", Describer.Describe(onlyOld, Now));
    }

    [Fact]
    public void ReplicaSet_CountsOnlyItsOwnPodsByPhase()
    {
        var rs = ReplicaSet("7854ff8877", Created, 3);
        rs.Status.Conditions = [new V1ReplicaSetCondition { Type = "ReplicaFailure", Status = "True", Reason = "FailedCreate" }];
        V1Pod Pod(string phase, string ownerUid) => new()
        {
            Metadata = new V1ObjectMeta { Name = "p", OwnerReferences = [new V1OwnerReference { Kind = "ReplicaSet", Uid = ownerUid, Controller = true }] },
            Status = new V1PodStatus { Phase = phase },
        };
        var pods = new[] { Pod("Running", "rs-7854ff8877"), Pod("Running", "rs-7854ff8877"), Pod("Pending", "rs-7854ff8877"), Pod("Failed", "rs-7854ff8877"), Pod("Running", "other") };
        var raw =
            "Name:\tnginx-deployment-7854ff8877\nNamespace:\tdefault\nSelector:\tapp=nginx,pod-template-hash=7854ff8877\n" +
            "Labels:\tapp=nginx\n\tpod-template-hash=7854ff8877\nAnnotations:\t<none>\nControlled By:\tDeployment/nginx-deployment\n" +
            "Replicas:\t3 current / 3 desired\nPods Status:\t2 Running / 1 Waiting / 0 Succeeded / 1 Failed\n" +
            "Pod Template:\n  Labels:\tapp=nginx\n\tpod-template-hash=7854ff8877\n  Containers:\n   nginx:\n    Image:\tnginx:1.14.2\n" +
            "    Port:\t80/TCP\n    Host Port:\t0/TCP\n    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n" +
            "  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n" +
            "Conditions:\n  Type\tStatus\tReason\n  ----\t------\t------\n  ReplicaFailure \tTrue\tFailedCreate\nEvents:\t<none>\n";
        var input = new DescribeInput { Resource = rs, Pods = pods, Events = [], TimeZone = TimeZoneInfo.Utc };
        Assert.Equal(Aligned(raw), Describer.Describe(input, Now));
    }

    [Fact]
    public void DaemonSet_NumberLinesStayOutOfAlignment()
    {
        var ds = new V1DaemonSet
        {
            Metadata = Meta("kube-proxy", Created, "kube-system", Labels("k8s-app=kube-proxy")),
            Spec = new V1DaemonSetSpec
            {
                Selector = new V1LabelSelector { MatchLabels = Labels("k8s-app=kube-proxy") },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = Labels("k8s-app=kube-proxy") },
                    Spec = new V1PodSpec
                    {
                        ServiceAccountName = "kube-proxy", PriorityClassName = "system-node-critical", NodeSelector = Labels("kubernetes.io/os=linux"),
                        Containers = [new V1Container { Name = "kube-proxy", Image = "registry.k8s.io/kube-proxy:v1.32.0", Command = ["/usr/local/bin/kube-proxy"] }],
                        Volumes = [new V1Volume { Name = "lib-modules", HostPath = new V1HostPathVolumeSource { Path = "/lib/modules", Type = "" } }],
                        Tolerations = [new V1Toleration { OperatorProperty = "Exists" }],
                    },
                },
            },
            Status = new V1DaemonSetStatus { DesiredNumberScheduled = 3, CurrentNumberScheduled = 3, UpdatedNumberScheduled = 3, NumberAvailable = 2, NumberMisscheduled = 0, NumberReady = 2 },
        };
        var raw =
            "Name:\tkube-proxy\nSelector:\tk8s-app=kube-proxy\nNode-Selector:\tkubernetes.io/os=linux\n" +
            "Labels:\tk8s-app=kube-proxy\nAnnotations:\t<none>\n" +
            "Desired Number of Nodes Scheduled: 3\nCurrent Number of Nodes Scheduled: 3\n" +
            "Number of Nodes Scheduled with Up-to-date Pods: 3\nNumber of Nodes Scheduled with Available Pods: 2\nNumber of Nodes Misscheduled: 0\n" +
            "Pods Status:\t0 Running / 0 Waiting / 0 Succeeded / 0 Failed\n" +
            "Pod Template:\n  Labels:\tk8s-app=kube-proxy\n  Service Account:\tkube-proxy\n  Containers:\n   kube-proxy:\n" +
            "    Image:\tregistry.k8s.io/kube-proxy:v1.32.0\n    Port:\t<none>\n    Host Port:\t<none>\n    Command:\n      /usr/local/bin/kube-proxy\n" +
            "    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\n   lib-modules:\n    Type:\tHostPath (bare host directory volume)\n" +
            "    Path:\t/lib/modules\n    HostPathType:\t\n  Priority Class Name:\tsystem-node-critical\n" +
            "  Node-Selectors:\tkubernetes.io/os=linux\n  Tolerations:\top=Exists\n";
        Assert.Equal(Aligned(raw), Describer.Describe(new DescribeInput { Resource = ds, TimeZone = TimeZoneInfo.Utc }, Now));

        // kubectl v1.33 adds the namespace after the name.
        var newer = Describer.Describe(new DescribeInput { Resource = ds, TimeZone = TimeZoneInfo.Utc, KubectlMinorVersion = 33 }, Now);
        Assert.StartsWith("Name:           kube-proxy\nNamespace:      kube-system\nSelector:       k8s-app=kube-proxy\n", newer);
    }

    [Fact]
    public void StatefulSet_WithVolumeClaimTemplates()
    {
        var sts = new V1StatefulSet
        {
            Metadata = new V1ObjectMeta { Name = "my-csi-app-set", NamespaceProperty = "default", Uid = "s-1", CreationTimestamp = Created },
            Spec = new V1StatefulSetSpec
            {
                Replicas = 1, Selector = new V1LabelSelector { MatchLabels = Labels("app=my-csi-app") },
                UpdateStrategy = new V1StatefulSetUpdateStrategy { Type = "RollingUpdate", RollingUpdate = new V1RollingUpdateStatefulSetStrategy { Partition = 0 } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = Labels("app=my-csi-app") },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "my-frontend", Image = "busybox", VolumeMounts = [new V1VolumeMount { Name = "csi-pvc", MountPath = "/data" }] }] },
                },
                VolumeClaimTemplates =
                [
                    new V1PersistentVolumeClaim
                    {
                        Metadata = new V1ObjectMeta { Name = "csi-pvc" },
                        Spec = new V1PersistentVolumeClaimSpec
                        {
                            StorageClassName = "linode-block-storage", AccessModes = ["ReadWriteOnce"],
                            Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("10Gi") } },
                        },
                    },
                ],
            },
            Status = new V1StatefulSetStatus { Replicas = 1 },
        };
        var pods = new[] { new V1Pod { Metadata = new V1ObjectMeta { Name = "my-csi-app-set-0", OwnerReferences = [new V1OwnerReference { Uid = "s-1", Controller = true }] }, Status = new V1PodStatus { Phase = "Running" } } };
        var raw =
            "Name:\tmy-csi-app-set\nNamespace:\tdefault\nCreationTimestamp:\tThu, 01 Feb 2024 10:00:00 +0000\nSelector:\tapp=my-csi-app\n" +
            "Labels:\t<none>\nAnnotations:\t<none>\nReplicas:\t1 desired | 1 total\nUpdate Strategy:\tRollingUpdate\n  Partition:\t0\n" +
            "Pods Status:\t1 Running / 0 Waiting / 0 Succeeded / 0 Failed\n" +
            "Pod Template:\n  Labels:\tapp=my-csi-app\n  Containers:\n   my-frontend:\n    Image:\tbusybox\n    Port:\t<none>\n    Host Port:\t<none>\n" +
            "    Environment:\t<none>\n    Mounts:\n      /data from csi-pvc (rw)\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n" +
            "Volume Claims:\n  Name:\tcsi-pvc\n  StorageClass:\tlinode-block-storage\n  Labels:\t<none>\n  Annotations:\t<none>\n" +
            "  Capacity:\t10Gi\n  Access Modes:\t[ReadWriteOnce]\nEvents:\t<none>\n";
        Assert.Equal(Aligned(raw), Describer.Describe(new DescribeInput { Resource = sts, Pods = pods, Events = [], TimeZone = TimeZoneInfo.Utc }, Now));
    }

    [Fact]
    public void Job_And_CronJob()
    {
        var job = new V1Job
        {
            Metadata = Meta("pi", Created, "default"),
            Spec = new V1JobSpec
            {
                Parallelism = 1, Completions = 1, CompletionMode = "NonIndexed", Suspend = false, BackoffLimit = 4,
                Selector = new V1LabelSelector { MatchLabels = Labels("batch.kubernetes.io/controller-uid=abc") },
                Template = new V1PodTemplateSpec { Metadata = new V1ObjectMeta { Labels = Labels("job-name=pi") }, Spec = new V1PodSpec { Containers = [new V1Container { Name = "pi", Image = "perl:5.34.0" }] } },
            },
            Status = new V1JobStatus { StartTime = Created, CompletionTime = Created.AddSeconds(34), Succeeded = 1, Ready = 0 },
        };
        var raw =
            "Name:\tpi\nNamespace:\tdefault\nSelector:\tbatch.kubernetes.io/controller-uid=abc\nLabels:\t<none>\nAnnotations:\t<none>\n" +
            "Parallelism:\t1\nCompletions:\t1\nCompletion Mode:\tNonIndexed\nSuspend:\tfalse\nBackoff Limit:\t4\n" +
            "Start Time:\tThu, 01 Feb 2024 10:00:00 +0000\nCompleted At:\tThu, 01 Feb 2024 10:00:34 +0000\nDuration:\t34s\n" +
            "Pods Statuses:\t0 Active (0 Ready) / 1 Succeeded / 0 Failed\n" +
            "Pod Template:\n  Labels:\tjob-name=pi\n  Containers:\n   pi:\n    Image:\tperl:5.34.0\n    Port:\t<none>\n    Host Port:\t<none>\n" +
            "    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\nEvents:\t<none>\n";
        Assert.Equal(Aligned(raw), Describer.Describe(new DescribeInput { Resource = job, Events = [], TimeZone = TimeZoneInfo.Utc }, Now));

        var cron = new V1CronJob
        {
            Metadata = Meta("hello", Created, "default"),
            Spec = new V1CronJobSpec
            {
                Schedule = "* * * * *", ConcurrencyPolicy = "Allow", Suspend = false, SuccessfulJobsHistoryLimit = 3, FailedJobsHistoryLimit = 1,
                JobTemplate = new V1JobTemplateSpec { Spec = new V1JobSpec { Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "hello", Image = "busybox:1.28" }] } } } },
            },
            Status = new V1CronJobStatus { LastScheduleTime = Created.AddMinutes(1), Active = [new V1ObjectReference { Name = "hello-1" }, new V1ObjectReference { Name = "hello-2" }] },
        };
        var cronRaw =
            "Name:\thello\nNamespace:\tdefault\nLabels:\t<none>\nAnnotations:\t<none>\nSchedule:\t* * * * *\nConcurrency Policy:\tAllow\n" +
            "Suspend:\tFalse\nSuccessful Job History Limit:\t3\nFailed Job History Limit:\t1\nStarting Deadline Seconds:\t<unset>\n" +
            "Selector:\t<unset>\nParallelism:\t<unset>\nCompletions:\t<unset>\n" +
            "Pod Template:\n  Labels:\t<none>\n  Containers:\n   hello:\n    Image:\tbusybox:1.28\n    Port:\t<none>\n    Host Port:\t<none>\n" +
            "    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n" +
            "Last Schedule Time:\tThu, 01 Feb 2024 10:01:00 +0000\nActive Jobs:\thello-1, hello-2\n";
        Assert.Equal(Aligned(cronRaw), Describer.Describe(new DescribeInput { Resource = cron, TimeZone = TimeZoneInfo.Utc }, Now));
    }
}
