using System.Text;
using System.Text.Json;
using k8s.Models;
using PracticeK8s.Printing;
using static PracticeK8s.Tests.Printing.Build;

namespace PracticeK8s.Tests.Printing;

public sealed class DescribeOtherKindsTests
{
    private static string Aligned(string raw) => TabWriter.FormatText(raw, TabWriter.DescribeMinWidth, TabWriter.DescribePadding);

    private static readonly DateTime Created = new(2024, 3, 1, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Namespace_WithEmptyQuotaAndLimitLists()
    {
        var ns = new V1Namespace { Metadata = Meta("default", Created, labels: Labels("kubernetes.io/metadata.name=default")), Status = new V1NamespaceStatus { Phase = "Active" } };
        var expected = """
            Name:         default
            Labels:       kubernetes.io/metadata.name=default
            Annotations:  <none>
            Status:       Active

            No resource quota.

            No LimitRange resource.

            """;
        Assert.Equal(expected, Describer.Describe(new DescribeInput { Resource = ns, ResourceQuotas = [], LimitRanges = [], Events = [] }, Now));
    }

    [Fact]
    public void Namespace_WithQuotaAndLimits()
    {
        var ns = new V1Namespace { Metadata = Meta("shop"), Status = new V1NamespaceStatus { Phase = "Terminating" } };
        var quota = new V1ResourceQuota
        {
            Metadata = Meta("compute"),
            Status = new V1ResourceQuotaStatus
            {
                Hard = new Dictionary<string, ResourceQuantity> { ["pods"] = new("10"), ["limits.memory"] = new("2Gi") },
                Used = new Dictionary<string, ResourceQuantity> { ["pods"] = new("3") },
            },
        };
        var limits = new V1LimitRange
        {
            Metadata = Meta("defaults"),
            Spec = new V1LimitRangeSpec { Limits = [new V1LimitRangeItem { Type = "Container", DefaultProperty = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("500m") }, Max = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("1") } }] },
        };
        var raw = "Name:\tshop\nLabels:\t<none>\nAnnotations:\t<none>\nStatus:\tTerminating\n\nResource Quotas\n  Name:\tcompute\n" +
                  "  Resource\tUsed\tHard\n  --------\t---\t---\n  limits.memory\t0\t2Gi\n  pods\t3\t10\n\n" +
                  "Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n" +
                  " ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n Container\tcpu\t-\t1\t-\t500m\t-\n";
        Assert.Equal(Aligned(raw), Describer.Describe(new DescribeInput { Resource = ns, ResourceQuotas = [quota], LimitRanges = [limits] }, Now));
    }

    [Fact]
    public void PersistentVolumeClaim_BoundAndUsedBy()
    {
        var claim = new V1PersistentVolumeClaim
        {
            Metadata = new V1ObjectMeta
            {
                Name = "csi-pvc-my-csi-app-set-0", NamespaceProperty = "default", Labels = Labels("app=my-csi-app"), Finalizers = ["kubernetes.io/pvc-protection"],
                Annotations = new Dictionary<string, string> { ["pv.kubernetes.io/bind-completed"] = "yes" },
            },
            Spec = new V1PersistentVolumeClaimSpec { StorageClassName = "linode-block-storage", VolumeName = "pvc-5126d452623e4c2d", VolumeMode = "Filesystem", AccessModes = ["ReadWriteOnce"] },
            Status = new V1PersistentVolumeClaimStatus { Phase = "Bound", AccessModes = ["ReadWriteOnce"], Capacity = new Dictionary<string, ResourceQuantity> { ["storage"] = new("10Gi") } },
        };
        V1Pod Pod(string name, string claimName) => new()
        {
            Metadata = Meta(name),
            Spec = new V1PodSpec { Volumes = [new V1Volume { Name = "v", PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = claimName } }] },
        };
        var events = new[] { new Corev1Event { Type = "Normal", Reason = "ProvisioningSucceeded", Message = "Successfully provisioned volume pvc-5126d452623e4c2d", Source = new V1EventSource { Component = "linodebs.csi.linode.com_csi-linode-controller-0" }, FirstTimestamp = MinutesAgo(26), LastTimestamp = MinutesAgo(26), Count = 1 } };
        var raw = "Name:\tcsi-pvc-my-csi-app-set-0\nNamespace:\tdefault\nStorageClass:\tlinode-block-storage\nStatus:\tBound\nVolume:\tpvc-5126d452623e4c2d\n" +
                  "Labels:\tapp=my-csi-app\nAnnotations:\tpv.kubernetes.io/bind-completed: yes\nFinalizers:\t[kubernetes.io/pvc-protection]\n" +
                  "Capacity:\t10Gi\nAccess Modes:\tRWO\nVolumeMode:\tFilesystem\nUsed By:\tmy-csi-app-set-0\n\tz-other-user\n" +
                  "Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n" +
                  "  Normal\tProvisioningSucceeded\t26m\tlinodebs.csi.linode.com_csi-linode-controller-0\tSuccessfully provisioned volume pvc-5126d452623e4c2d\n";
        var input = new DescribeInput
        {
            Resource = claim, Events = events, TimeZone = TimeZoneInfo.Utc,
            Pods = [Pod("z-other-user", "csi-pvc-my-csi-app-set-0"), Pod("unrelated", "x"), Pod("my-csi-app-set-0", "csi-pvc-my-csi-app-set-0")],
        };
        Assert.Equal(Aligned(raw), Describer.Describe(input, Now));
    }

    [Fact]
    public void PersistentVolumeClaim_PendingWithConditionsAndDataSource()
    {
        var claim = new V1PersistentVolumeClaim
        {
            Metadata = new V1ObjectMeta { Name = "data", NamespaceProperty = "default", DeletionTimestamp = SecondsAgo(30) },
            Spec = new V1PersistentVolumeClaimSpec { DataSource = new V1TypedLocalObjectReference { ApiGroup = "snapshot.storage.k8s.io", Kind = "VolumeSnapshot", Name = "snap-1" } },
            Status = new V1PersistentVolumeClaimStatus
            {
                Phase = "Pending",
                Conditions = [new V1PersistentVolumeClaimCondition { Type = "Resizing", Status = "True", LastTransitionTime = Created }],
            },
        };
        var raw = "Name:\tdata\nNamespace:\tdefault\nStorageClass:\t\nStatus:\tTerminating (lasts 30s)\nVolume:\t\nLabels:\t<none>\nAnnotations:\t<none>\n" +
                  "Finalizers:\t[]\nCapacity:\t\nAccess Modes:\t\nDataSource:\n  APIGroup:\tsnapshot.storage.k8s.io\n  Kind:\tVolumeSnapshot\n  Name:\tsnap-1\n" +
                  "Used By:\t<none>\nConditions:\n  Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n" +
                  "  ----\t------\t-----------------\t------------------\t------\t-------\n" +
                  "  Resizing \tTrue \tMon, 01 Jan 0001 00:00:00 +0000 \tFri, 01 Mar 2024 09:30:00 +0000 \t \t\n";
        Assert.Equal(Aligned(raw), Describer.Describe(new DescribeInput { Resource = claim, TimeZone = TimeZoneInfo.Utc }, Now));
    }

    [Fact]
    public void PersistentVolume_CsiWithNodeAffinity()
    {
        var volume = new V1PersistentVolume
        {
            Metadata = new V1ObjectMeta { Name = "pvc-5126d452623e4c2d", Finalizers = ["kubernetes.io/pv-protection"], Annotations = new Dictionary<string, string> { ["pv.kubernetes.io/provisioned-by"] = "linodebs.csi.linode.com" } },
            Spec = new V1PersistentVolumeSpec
            {
                StorageClassName = "linode-block-storage", PersistentVolumeReclaimPolicy = "Delete", AccessModes = ["ReadWriteOnce"], VolumeMode = "Filesystem",
                Capacity = new Dictionary<string, ResourceQuantity> { ["storage"] = new("10Gi") },
                ClaimRef = new V1ObjectReference { NamespaceProperty = "default", Name = "csi-pvc-my-csi-app-set-0" },
                NodeAffinity = new V1VolumeNodeAffinity { Required = new V1NodeSelector { NodeSelectorTerms = [new V1NodeSelectorTerm { MatchExpressions = [new V1NodeSelectorRequirement { Key = "topology.linode.com/region", OperatorProperty = "In", Values = ["us-east"] }, new V1NodeSelectorRequirement { Key = "disk", OperatorProperty = "Exists" }] }] } },
                Csi = new V1CSIPersistentVolumeSource { Driver = "linodebs.csi.linode.com", FsType = "ext4", VolumeHandle = "123-pvc", VolumeAttributes = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" } },
            },
            Status = new V1PersistentVolumeStatus { Phase = "Bound" },
        };
        var raw = "Name:\tpvc-5126d452623e4c2d\nLabels:\t<none>\nAnnotations:\tpv.kubernetes.io/provisioned-by: linodebs.csi.linode.com\n" +
                  "Finalizers:\t[kubernetes.io/pv-protection]\nStorageClass:\tlinode-block-storage\nStatus:\tBound\nClaim:\tdefault/csi-pvc-my-csi-app-set-0\n" +
                  "Reclaim Policy:\tDelete\nAccess Modes:\tRWO\nVolumeMode:\tFilesystem\nCapacity:\t10Gi\n" +
                  "Node Affinity:\t\n  Required Terms:\t\n    Term 0:\ttopology.linode.com/region in [us-east]\n    \tdisk exists\n" +
                  "Message:\t\nSource:\n    Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\tlinodebs.csi.linode.com\n" +
                  "    FSType:\text4\n    VolumeHandle:\t123-pvc\n    ReadOnly:\tfalse\n    VolumeAttributes:\t    a=1\n        \t    b=2\nEvents:\t<none>\n";
        Assert.Equal(Aligned(raw), Describer.Describe(new DescribeInput { Resource = volume, Events = [] }, Now));
    }

    [Fact]
    public void PersistentVolume_HostPathWithoutAffinity()
    {
        var volume = new V1PersistentVolume
        {
            Metadata = Meta("task-pv-volume"),
            Spec = new V1PersistentVolumeSpec { PersistentVolumeReclaimPolicy = "Retain", AccessModes = ["ReadWriteOnce"], Capacity = new Dictionary<string, ResourceQuantity> { ["storage"] = new("1Gi") }, HostPath = new V1HostPathVolumeSource { Path = "/mnt/data" } },
            Status = new V1PersistentVolumeStatus { Phase = "Available" },
        };
        var raw = "Name:\ttask-pv-volume\nLabels:\t<none>\nAnnotations:\t<none>\nFinalizers:\t[]\nStorageClass:\t\nStatus:\tAvailable\nClaim:\t\n" +
                  "Reclaim Policy:\tRetain\nAccess Modes:\tRWO\nCapacity:\t1Gi\nNode Affinity:\t<none>\nMessage:\t\nSource:\n" +
                  "    Type:\tHostPath (bare host directory volume)\n    Path:\t/mnt/data\n    HostPathType:\t<none>\n";
        Assert.Equal(Aligned(raw), Describer.Describe(new DescribeInput { Resource = volume }, Now));
    }

    [Fact]
    public void Ingress_RulesWithBackendsAndEndpoints()
    {
        var ingress = new V1Ingress
        {
            Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default", Annotations = new Dictionary<string, string> { ["nginx.ingress.kubernetes.io/rewrite-target"] = "/" } },
            Spec = new V1IngressSpec
            {
                IngressClassName = "nginx",
                Tls = [new V1IngressTLS { Hosts = ["shop.example.com"], SecretName = "shop-tls" }, new V1IngressTLS { Hosts = ["a.example.com", "b.example.com"] }],
                Rules =
                [
                    new V1IngressRule
                    {
                        Host = "shop.example.com",
                        Http = new V1HTTPIngressRuleValue
                        {
                            Paths =
                            [
                                new V1HTTPIngressPath { Path = "/", PathType = "Prefix", Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = "web", Port = new V1ServiceBackendPort { Number = 80 } } } },
                                new V1HTTPIngressPath { Path = "/api", PathType = "Prefix", Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = "api", Port = new V1ServiceBackendPort { Name = "http" } } } },
                            ],
                        },
                    },
                    new V1IngressRule { Http = new V1HTTPIngressRuleValue { Paths = [new V1HTTPIngressPath { Path = "/static", Backend = new V1IngressBackend { Resource = new V1TypedLocalObjectReference { ApiGroup = "k8s.example.com", Kind = "StorageBucket", Name = "static-assets" } } }] } },
                    new V1IngressRule { Host = "no-http.example.com" },
                ],
            },
            Status = new V1IngressStatus { LoadBalancer = new V1IngressLoadBalancerStatus { Ingress = [new V1IngressLoadBalancerIngress { Ip = "192.168.49.2" }] } },
        };
        var web = new V1Service { Metadata = Meta("web"), Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Name = "http", Port = 80 }] } };
        var slice = new V1EndpointSlice
        {
            Metadata = Meta("web-x", labels: Labels("kubernetes.io/service-name=web")),
            Ports = [new Discoveryv1EndpointPort { Name = "http", Port = 8080 }],
            Endpoints = [new V1Endpoint { Addresses = ["10.244.0.7"] }, new V1Endpoint { Addresses = ["10.244.0.8"] }],
        };
        var raw = "Name:\tweb\nLabels:\t<none>\nNamespace:\tdefault\nAddress:\t192.168.49.2\nIngress Class:\tnginx\nDefault backend:\t<default>\n" +
                  "TLS:\n  shop-tls terminates shop.example.com\n  SNI routes a.example.com,b.example.com\n" +
                  "Rules:\n  Host\tPath\tBackends\n  ----\t----\t--------\n  shop.example.com\t\n" +
                  "    \t/ \tweb:80 (10.244.0.7:8080,10.244.0.8:8080)\n" +
                  "    \t/api \tapi:http (<error: services \"api\" not found>)\n" +
                  "  *\t\n    \t/static \tAPIGroup: k8s.example.com, Kind: StorageBucket, Name: static-assets\n" +
                  "Annotations:\tnginx.ingress.kubernetes.io/rewrite-target: /\nEvents:\t<none>\n";
        var input = new DescribeInput { Resource = ingress, Services = [web], EndpointSlices = [slice], Events = [] };
        Assert.Equal(Aligned(raw), Describer.Describe(input, Now));
    }

    [Fact]
    public void Ingress_WithoutHttpRules_ShowsTheDefaultBackendRow()
    {
        var ingress = new V1Ingress
        {
            Metadata = Meta("minimal", ns: "default"),
            Spec = new V1IngressSpec { DefaultBackend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = "test", Port = new V1ServiceBackendPort { Number = 80 } } } },
        };
        var test = new V1Service { Metadata = Meta("test"), Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 80 }] } };
        var raw = "Name:\tminimal\nLabels:\t<none>\nNamespace:\tdefault\nAddress:\t\nIngress Class:\t<none>\nDefault backend:\ttest:80 (<none>)\n" +
                  "Rules:\n  Host\tPath\tBackends\n  ----\t----\t--------\n  *\t*\ttest:80 (<none>)\nAnnotations:\t<none>\n";
        Assert.Equal(Aligned(raw), Describer.Describe(new DescribeInput { Resource = ingress, Services = [test], EndpointSlices = [] }, Now));
    }

    [Fact]
    public void Secret_ShowsSizesAndServiceAccountTokens()
    {
        var secret = new V1Secret
        {
            Metadata = Meta("db", ns: "default"), Type = "Opaque",
            Data = new Dictionary<string, byte[]> { ["username"] = Encoding.UTF8.GetBytes("admin"), ["password"] = Encoding.UTF8.GetBytes("s3cr3t-pass") },
        };
        var expected = """
            Name:         db
            Namespace:    default
            Labels:       <none>
            Annotations:  <none>

            Type:  Opaque

            Data
            ====
            password:  11 bytes
            username:  5 bytes

            """;
        Assert.Equal(expected, Describer.Describe(new DescribeInput { Resource = secret, Events = [] }, Now));

        var token = new V1Secret { Metadata = Meta("t"), Type = "kubernetes.io/service-account-token", Data = new Dictionary<string, byte[]> { ["token"] = Encoding.UTF8.GetBytes("eyJabc") } };
        Assert.Contains("token:  eyJabc\n", Describer.Describe(new DescribeInput { Resource = token }, Now));
    }

    [Fact]
    public void ConfigMap_DataAndBinaryData()
    {
        var configMap = new V1ConfigMap
        {
            Metadata = Meta("game-config", ns: "default"),
            Data = new Dictionary<string, string> { ["mode"] = "easy", ["ui.properties"] = "color=blue\nsize=2" },
            BinaryData = new Dictionary<string, byte[]> { ["logo.png"] = [1, 2, 3] },
        };
        var expected = """
            Name:         game-config
            Namespace:    default
            Labels:       <none>
            Annotations:  <none>

            Data
            ====
            mode:
            ----
            easy

            ui.properties:
            ----
            color=blue
            size=2


            BinaryData
            ====
            logo.png: 3 bytes

            Events:  <none>

            """;
        Assert.Equal(expected, Describer.Describe(new DescribeInput { Resource = configMap, Events = [] }, Now));
    }

    [Fact]
    public void Generic_DescribesAnyObjectFieldByField()
    {
        var json = JsonDocument.Parse("""
            {"apiVersion":"stable.example.com/v1","kind":"CronTab",
             "metadata":{"name":"my-cron","namespace":"default","uid":"u-1","labels":{"app":"x"},"managedFields":[{"manager":"kubectl"}]},
             "spec":{"cronSpec":"* * * * */5","image":"my-cron-image","replicas":3,"suspend":false,"ports":[80,443],
                     "containers":[{"name":"a","image":"i"}]}}
            """).RootElement;
        var raw = "Name:\tmy-cron\nNamespace:\tdefault\nLabels:\tapp=x\nAnnotations:\t<none>\nAPI Version:\tstable.example.com/v1\nKind:\tCronTab\n" +
                  "Metadata:\n  UID:\tu-1\nSpec:\n  Containers:\n    Image:\ti\n    Name:\ta\n  Cron Spec:\t* * * * */5\n  Image:\tmy-cron-image\n" +
                  "  Ports:\n    80\n    443\n  Replicas:\t3\n  Suspend:\tfalse\nEvents:\t<none>\n";
        Assert.Equal(Aligned(raw), Describer.Describe(new DescribeInput { Resource = json, Events = [] }, Now));

        var role = new V1Role { ApiVersion = "rbac.authorization.k8s.io/v1", Kind = "Role", Metadata = new V1ObjectMeta { Name = "reader", NamespaceProperty = "default", CreationTimestamp = Created } };
        var text = Describer.Describe(new DescribeInput { Resource = role }, Now);
        Assert.Contains("Metadata:\n  Creation Timestamp:  2024-03-01T09:30:00Z\n", text);
    }

    [Fact]
    public void Events_SortedOldestFirst_WithSeriesAndCounts()
    {
        var events = new[]
        {
            new Corev1Event { Type = "Warning", Reason = "BackOff", Message = "Back-off restarting failed container", Source = new V1EventSource { Component = "kubelet" }, FirstTimestamp = MinutesAgo(10), LastTimestamp = SecondsAgo(30), Count = 12 },
            new Corev1Event { Type = "Normal", Reason = "Scheduled", Message = "assigned", ReportingComponent = "default-scheduler", EventTime = MinutesAgo(11) },
            new Corev1Event { Type = "Normal", Reason = "Series", Message = "repeating", ReportingComponent = "ctl", EventTime = MinutesAgo(9), Series = new Corev1EventSeries { Count = 4, LastObservedTime = MinutesAgo(2) } },
        };
        var text = Describer.Describe(new DescribeInput { Resource = new V1ConfigMap { Metadata = Meta("c") }, Events = events }, Now);
        Assert.EndsWith(
            "Events:\n" +
            "  Type     Reason     Age                 From               Message\n" +
            "  ----     ------     ----                ----               -------\n" +
            "  Normal   Scheduled  11m                 default-scheduler  assigned\n" +
            "  Normal   Series     2m (x4 over 9m)     ctl                repeating\n" +
            "  Warning  BackOff    30s (x12 over 10m)  kubelet            Back-off restarting failed container\n", text);
    }

    [Fact]
    public void Annotations_LongOrMultiLineValuesGoOnTheirOwnLines_LastAppliedIsHidden()
    {
        var longValue = new string('x', 150);
        var ns = new V1Namespace
        {
            Metadata = new V1ObjectMeta
            {
                Name = "a",
                Annotations = new Dictionary<string, string>
                {
                    ["kubectl.kubernetes.io/last-applied-configuration"] = "{\"apiVersion\":\"v1\"}\n",
                    ["long"] = longValue, ["short"] = "v", ["multi"] = "one\ntwo\n",
                },
            },
            Status = new V1NamespaceStatus { Phase = "Active" },
        };
        var raw = "Name:\ta\nLabels:\t<none>\nAnnotations:\tlong:\n\t  " + new string('x', 138) + "...\n\tmulti:\n\t  one\n\t  two\n\tshort: v\nStatus:\tActive\n";
        Assert.Equal(Aligned(raw), Describer.Describe(new DescribeInput { Resource = ns }, Now));
    }

    [Fact]
    public void DescribeAll_SeparatesDescriptionsAsKubectlDoes()
    {
        var a = new DescribeInput { Resource = new V1Namespace { Metadata = Meta("a"), Status = new V1NamespaceStatus { Phase = "Active" } } };
        var b = new DescribeInput { Resource = new V1Namespace { Metadata = Meta("b"), Status = new V1NamespaceStatus { Phase = "Active" } } };
        var text = Describer.DescribeAll([a, b], Now);
        Assert.Equal(Describer.Describe(a, Now) + "\n\n" + Describer.Describe(b, Now), text);
        Assert.Contains("Status:       Active\n\n\nName:         b\n", text);
    }
}
