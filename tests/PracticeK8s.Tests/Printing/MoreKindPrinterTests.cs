using k8s.Models;
using PracticeK8s.Printing;
using static PracticeK8s.Tests.Printing.Build;

namespace PracticeK8s.Tests.Printing;

public sealed class MoreKindPrinterTests
{
    [Fact]
    public void ReplicationController_Row()
    {
        var rc = new V1ReplicationController
        {
            Metadata = Meta("nginx", MinutesAgo(5)),
            Spec = new V1ReplicationControllerSpec
            {
                Replicas = 3, Selector = Labels("app=nginx"),
                Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "nginx", Image = "nginx" }] } },
            },
            Status = new V1ReplicationControllerStatus { Replicas = 3, ReadyReplicas = 1 },
        };
        var printer = KubePrinters.For(rc);
        Assert.Equal(["NAME", "DESIRED", "CURRENT", "READY", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"], printer.Columns.Select(c => c.Header));
        Assert.Equal(["nginx", "3", "3", "1", "5m", "nginx", "nginx", "app=nginx"], printer.Cells(rc, Now));
    }

    private static V2MetricSpec Resource(string name, int? utilization = null, string? average = null) => new()
    {
        Type = "Resource",
        Resource = new V2ResourceMetricSource
        {
            Name = name,
            Target = new V2MetricTarget { Type = average is null ? "Utilization" : "AverageValue", AverageUtilization = utilization, AverageValue = average is null ? null : new ResourceQuantity(average) },
        },
    };

    [Fact]
    public void HorizontalPodAutoscaler_TargetsAndCounts()
    {
        var hpa = new V2HorizontalPodAutoscaler
        {
            Metadata = Meta("web", HoursAgo(2)),
            Spec = new V2HorizontalPodAutoscalerSpec
            {
                ScaleTargetRef = new V2CrossVersionObjectReference { Kind = "Deployment", Name = "web", ApiVersion = "apps/v1" },
                MinReplicas = 1, MaxReplicas = 10, Metrics = [Resource("cpu", utilization: 50)],
            },
            Status = new V2HorizontalPodAutoscalerStatus
            {
                CurrentReplicas = 2,
                CurrentMetrics = [new V2MetricStatus { Type = "Resource", Resource = new V2ResourceMetricStatus { Name = "cpu", Current = new V2MetricValueStatus { AverageUtilization = 12 } } }],
            },
        };
        var printer = KubePrinters.For(hpa);
        Assert.Equal(["NAME", "REFERENCE", "TARGETS", "MINPODS", "MAXPODS", "REPLICAS", "AGE"], printer.Columns.Select(c => c.Header));
        Assert.Equal(["web", "Deployment/web", "cpu: 12%/50%", "1", "10", "2", "120m"], printer.Cells(hpa, Now));

        hpa.Status.CurrentMetrics = null;
        hpa.Spec.MinReplicas = null;
        hpa.Spec.Metrics = [Resource("cpu", utilization: 50), Resource("memory", average: "512Mi"), Resource("cpu")];
        Assert.Equal("cpu: <unknown>/50%, memory: <unknown>/512Mi + 1 more...", Cell(hpa, "Targets"));
        Assert.Equal("<unset>", Cell(hpa, "MinPods"));
        hpa.Spec.Metrics = null;
        Assert.Equal("<none>", Cell(hpa, "Targets"));
    }

    [Fact]
    public void Rbac_CreatedAtAndBindings()
    {
        var role = new V1Role { Metadata = Meta("pod-reader", new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc)) };
        Assert.Equal(["NAME", "CREATED AT"], KubePrinters.For(role).Columns.Select(c => c.Header));
        Assert.Equal(["pod-reader", "2024-01-02T03:04:05Z"], KubePrinters.For(role).Cells(role, Now));

        var binding = new V1ClusterRoleBinding
        {
            Metadata = Meta("admins", HoursAgo(30)),
            RoleRef = new V1RoleRef { Kind = "ClusterRole", Name = "cluster-admin", ApiGroup = "rbac.authorization.k8s.io" },
            Subjects =
            [
                new Rbacv1Subject { Kind = "User", Name = "alice" }, new Rbacv1Subject { Kind = "User", Name = "bob" },
                new Rbacv1Subject { Kind = "Group", Name = "system:masters" },
                new Rbacv1Subject { Kind = "ServiceAccount", Name = "deployer", NamespaceProperty = "ci" },
            ],
        };
        var printer = KubePrinters.For(binding);
        Assert.Equal(["NAME", "ROLE", "AGE", "USERS", "GROUPS", "SERVICEACCOUNTS"], printer.Columns.Select(c => c.Header));
        Assert.Equal(["admins", "ClusterRole/cluster-admin", "30h", "alice, bob", "system:masters", "ci/deployer"], printer.Cells(binding, Now));
    }

    [Fact]
    public void NetworkPolicy_PriorityClass_ResourceQuota_LimitRange()
    {
        var policy = new V1NetworkPolicy { Metadata = Meta("deny-all", MinutesAgo(1)), Spec = new V1NetworkPolicySpec { PodSelector = new V1LabelSelector() } };
        Assert.Equal(["deny-all", "<none>", "60s"], KubePrinters.For(policy).Cells(policy, Now));
        Assert.Equal("POD-SELECTOR", KubePrinters.For(policy).Columns[1].Header);

        var priority = new V1PriorityClass { Metadata = Meta("system-cluster-critical", HoursAgo(240)), Value = 2000000000, GlobalDefault = false, PreemptionPolicy = "PreemptLowerPriority" };
        Assert.Equal(["NAME", "VALUE", "GLOBAL-DEFAULT", "AGE", "PREEMPTIONPOLICY"], KubePrinters.For(priority).Columns.Select(c => c.Header));
        Assert.Equal(["system-cluster-critical", "2000000000", "false", "10d", "PreemptLowerPriority"], KubePrinters.For(priority).Cells(priority, Now));

        var quota = new V1ResourceQuota
        {
            Metadata = Meta("compute", MinutesAgo(3)),
            Status = new V1ResourceQuotaStatus
            {
                Hard = new Dictionary<string, ResourceQuantity> { ["requests.cpu"] = new("1"), ["pods"] = new("10"), ["limits.memory"] = new("2Gi"), ["limits.cpu"] = new("2") },
                Used = new Dictionary<string, ResourceQuantity> { ["requests.cpu"] = new("500m"), ["pods"] = new("4"), ["limits.cpu"] = new("1") },
            },
        };
        Assert.Equal(["NAME", "AGE", "REQUEST", "LIMIT"], KubePrinters.For(quota).Columns.Select(c => c.Header));
        Assert.Equal(["compute", "3m", "pods: 4/10, requests.cpu: 500m/1", "limits.cpu: 1/2, limits.memory: 0/2Gi"], KubePrinters.For(quota).Cells(quota, Now));

        var limits = new V1LimitRange { Metadata = Meta("defaults", new DateTime(2024, 4, 30, 23, 0, 0, DateTimeKind.Utc)) };
        Assert.Equal(["defaults", "2024-04-30T23:00:00Z"], KubePrinters.For(limits).Cells(limits, Now));
    }

    [Fact]
    public void ClusterScopedKinds_NeverGetANamespaceColumn()
    {
        var priority = new V1PriorityClass { Metadata = Meta("p", HoursAgo(1)), Value = 1, GlobalDefault = false, PreemptionPolicy = "Never" };
        Assert.StartsWith("NAME   VALUE", KubeTable.Render([priority], Now, new TableOptions { WithNamespace = true }));
    }
}
