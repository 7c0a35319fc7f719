using k8s.Models;
using PracticeK8s.Printing;
using static PracticeK8s.Tests.Printing.Build;

namespace PracticeK8s.Tests.Printing;

public sealed class DescribeMoreKindsTests
{
    private static string Aligned(string raw) => TabWriter.FormatText(raw, TabWriter.DescribeMinWidth, TabWriter.DescribePadding);

    private static string Describe(object resource, IReadOnlyList<Corev1Event>? events = null, IReadOnlyList<V1Secret>? secrets = null) =>
        Describer.Describe(new DescribeInput { Resource = resource, Events = events, Secrets = secrets, TimeZone = TimeZoneInfo.Utc }, Now);

    [Fact]
    public void Endpoints_SubsetsWithPorts()
    {
        var endpoints = new V1Endpoints
        {
            Metadata = Meta("web", ns: "default"),
            Subsets =
            [
                new V1EndpointSubset
                {
                    Addresses = [new V1EndpointAddress { Ip = "10.0.0.1" }, new V1EndpointAddress { Ip = "10.0.0.2" }],
                    Ports = [new Corev1EndpointPort { Port = 8080, Protocol = "TCP" }, new Corev1EndpointPort { Name = "metrics", Port = 9090, Protocol = "TCP" }],
                },
            ],
        };
        var raw = "Name:\tweb\nNamespace:\tdefault\nLabels:\t<none>\nAnnotations:\t<none>\nSubsets:\n  Addresses:\t10.0.0.1,10.0.0.2\n" +
                  "  NotReadyAddresses:\t<none>\n  Ports:\n    Name\tPort\tProtocol\n    ----\t----\t--------\n    <unset>\t8080\tTCP\n" +
                  "    metrics\t9090\tTCP\n\nEvents:\t<none>\n";
        Assert.Equal(Aligned(raw), Describe(endpoints, []));
    }

    [Fact]
    public void EndpointSlice_EndpointsWithConditions()
    {
        var slice = new V1EndpointSlice
        {
            Metadata = Meta("web-abc", ns: "default", labels: Labels("kubernetes.io/service-name=web")),
            AddressType = "IPv4",
            Ports = [new Discoveryv1EndpointPort { Name = "", Port = 8080, Protocol = "TCP" }],
            Endpoints =
            [
                new V1Endpoint { Addresses = ["10.0.0.1"], Conditions = new V1EndpointConditions { Ready = true }, NodeName = "node-1", TargetRef = new V1ObjectReference { Kind = "Pod", Name = "web-1" } },
                new V1Endpoint { Addresses = ["10.0.0.2"], Conditions = new V1EndpointConditions() },
            ],
        };
        var raw = "Name:\tweb-abc\nNamespace:\tdefault\nLabels:\tkubernetes.io/service-name=web\nAnnotations:\t<none>\nAddressType:\tIPv4\n" +
                  "Ports:\n  Name\tPort\tProtocol\n  ----\t----\t--------\n  <unset>\t8080\tTCP\n" +
                  "Endpoints:\n  - Addresses:\t10.0.0.1\n    Conditions:\n      Ready:\ttrue\n    Hostname:\t<unset>\n    TargetRef:\tPod/web-1\n" +
                  "    NodeName:\tnode-1\n    Zone:\t<unset>\n  - Addresses:\t10.0.0.2\n    Conditions:\n      Ready:\t<unset>\n" +
                  "    Hostname:\t<unset>\n    NodeName:\t<unset>\n    Zone:\t<unset>\n";
        Assert.Equal(Aligned(raw), Describe(slice));

        var empty = new V1EndpointSlice { Metadata = Meta("e", ns: "default"), AddressType = "IPv4" };
        Assert.Contains("AddressType:  IPv4\nPorts: <unset>\nEndpoints: <none>\n", Describe(empty));
    }

    [Fact]
    public void ServiceAccount_SecretsAndTokens()
    {
        var account = new V1ServiceAccount
        {
            Metadata = new V1ObjectMeta { Name = "build-robot", NamespaceProperty = "default", Uid = "sa-1" },
            Secrets = [new V1ObjectReference { Name = "build-robot-token" }, new V1ObjectReference { Name = "gone" }],
            ImagePullSecrets = [new V1LocalObjectReference { Name = "registry" }],
        };
        var secrets = new[]
        {
            new V1Secret { Metadata = Meta("registry"), Type = "kubernetes.io/dockerconfigjson" },
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = "build-robot-token", Annotations = new Dictionary<string, string> { ["kubernetes.io/service-account.name"] = "build-robot", ["kubernetes.io/service-account.uid"] = "sa-1" } },
                Type = "kubernetes.io/service-account-token",
            },
        };
        var expected = """
            Name:                build-robot
            Namespace:           default
            Labels:              <none>
            Annotations:         <none>
            Image pull secrets:  registry
            Mountable secrets:   build-robot-token
                                 gone (not found)
            Tokens:              build-robot-token
            Events:              <none>

            """;
        Assert.Equal(expected, Describe(account, [], secrets));
    }

    [Fact]
    public void StorageClass_AndPodDisruptionBudget()
    {
        var storageClass = new V1StorageClass
        {
            Metadata = Meta("standard", annotations: new Dictionary<string, string> { ["storageclass.kubernetes.io/is-default-class"] = "true" }),
            Provisioner = "rancher.io/local-path", ReclaimPolicy = "Delete", VolumeBindingMode = "WaitForFirstConsumer",
            AllowedTopologies = [new V1TopologySelectorTerm { MatchLabelExpressions = [new V1TopologySelectorLabelRequirement { Key = "zone", Values = ["a", "b"] }] }],
        };
        var raw = "Name:\tstandard\nIsDefaultClass:\tYes\nAnnotations:\tstorageclass.kubernetes.io/is-default-class=true\nProvisioner:\trancher.io/local-path\n" +
                  "Parameters:\t<none>\nAllowVolumeExpansion:\t<unset>\nMountOptions:\t<none>\nReclaimPolicy:\tDelete\nVolumeBindingMode:\tWaitForFirstConsumer\n" +
                  "AllowedTopologies:\t\n  Term 0:\tzone in [a, b]\nEvents:\t<none>\n";
        Assert.Equal(Aligned(raw), Describe(storageClass, []));

        var budget = new V1PodDisruptionBudget
        {
            Metadata = Meta("web-pdb", ns: "default"),
            Spec = new V1PodDisruptionBudgetSpec { MinAvailable = 2, Selector = new V1LabelSelector { MatchLabels = Labels("app=web") } },
            Status = new V1PodDisruptionBudgetStatus { DisruptionsAllowed = 1, CurrentHealthy = 3, DesiredHealthy = 2, ExpectedPods = 3 },
        };
        var pdbRaw = "Name:\tweb-pdb\nNamespace:\tdefault\nMin available:\t2\nSelector:\tapp=web\nStatus:\n    Allowed disruptions:\t1\n" +
                     "    Current:\t3\n    Desired:\t2\n    Total:\t3\nEvents:\t<none>\n";
        Assert.Equal(Aligned(pdbRaw), Describe(budget, []));
    }

    [Fact]
    public void IngressClass_PriorityClass_RoleBinding()
    {
        var ingressClass = new V1IngressClass
        {
            Metadata = Meta("nginx"),
            Spec = new V1IngressClassSpec { Controller = "k8s.io/ingress-nginx", Parameters = new V1IngressClassParametersReference { Kind = "IngressParameters", Name = "p" } },
        };
        Assert.Equal(Aligned("Name:\tnginx\nLabels:\t<none>\nAnnotations:\t<none>\nController:\tk8s.io/ingress-nginx\nParameters:\n  Kind:\tIngressParameters\n  Name:\tp\n"),
            Describe(ingressClass));

        var priority = new V1PriorityClass { Metadata = Meta("high"), Value = 1000, GlobalDefault = false, PreemptionPolicy = "PreemptLowerPriority", Description = "for important pods" };
        Assert.Equal(Aligned("Name:\thigh\nValue:\t1000\nGlobalDefault:\tfalse\nPreemptionPolicy:\tPreemptLowerPriority\nDescription:\tfor important pods\nAnnotations:\t<none>\nEvents:\t<none>\n"),
            Describe(priority, []));

        var binding = new V1RoleBinding
        {
            Metadata = Meta("read-pods", ns: "default"),
            RoleRef = new V1RoleRef { Kind = "Role", Name = "pod-reader" },
            Subjects = [new Rbacv1Subject { Kind = "User", Name = "jane" }, new Rbacv1Subject { Kind = "ServiceAccount", Name = "ci", NamespaceProperty = "build" }],
        };
        Assert.Equal(Aligned("Name:\tread-pods\nLabels:\t<none>\nAnnotations:\t<none>\nRole:\n  Kind:\tRole\n  Name:\tpod-reader\n" +
                             "Subjects:\n  Kind\tName\tNamespace\n  ----\t----\t---------\n  User\tjane\t\n  ServiceAccount\tci\tbuild\n"),
            Describe(binding, []));
    }
}
