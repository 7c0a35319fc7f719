using k8s.Models;
using PracticeK8s.Printing;

namespace PracticeK8s.Tests.Printing;

public sealed class KubePrintersTests
{
    [Theory]
    [InlineData("", "Pod")]
    [InlineData("apps", "ReplicaSet")]
    [InlineData("apps", "Deployment")]
    [InlineData("apps", "DaemonSet")]
    [InlineData("apps", "StatefulSet")]
    [InlineData("", "Service")]
    [InlineData("", "Node")]
    [InlineData("", "Namespace")]
    [InlineData("", "PersistentVolumeClaim")]
    [InlineData("", "PersistentVolume")]
    [InlineData("networking.k8s.io", "Ingress")]
    [InlineData("", "Event")]
    [InlineData("", "ConfigMap")]
    [InlineData("", "Secret")]
    [InlineData("batch", "Job")]
    [InlineData("batch", "CronJob")]
    [InlineData("", "Endpoints")]
    [InlineData("", "ServiceAccount")]
    [InlineData("storage.k8s.io", "StorageClass")]
    [InlineData("policy", "PodDisruptionBudget")]
    [InlineData("coordination.k8s.io", "Lease")]
    [InlineData("networking.k8s.io", "IngressClass")]
    [InlineData("apps", "ControllerRevision")]
    [InlineData("discovery.k8s.io", "EndpointSlice")]
    [InlineData("apiextensions.k8s.io", "CustomResourceDefinition")]
    [InlineData("", "ReplicationController")]
    [InlineData("autoscaling", "HorizontalPodAutoscaler")]
    [InlineData("networking.k8s.io", "NetworkPolicy")]
    [InlineData("rbac.authorization.k8s.io", "Role")]
    [InlineData("rbac.authorization.k8s.io", "ClusterRole")]
    [InlineData("rbac.authorization.k8s.io", "RoleBinding")]
    [InlineData("rbac.authorization.k8s.io", "ClusterRoleBinding")]
    [InlineData("scheduling.k8s.io", "PriorityClass")]
    [InlineData("", "ResourceQuota")]
    [InlineData("", "LimitRange")]
    public void EveryKindHasAPrinterStartingWithName(string group, string kind)
    {
        var printer = KubePrinters.ForKind(group, kind);
        Assert.NotNull(printer);
        Assert.Equal(kind, printer.Kind);
        Assert.Equal(group, printer.Group);
        Assert.Contains(printer, KubePrinters.All);
        Assert.Contains(printer.Columns, c => c.Header == "NAME" && c.Property == "Name" && c.Format == "name");
        Assert.All(printer.Columns, c => Assert.Contains(c.Type, new[] { "string", "integer", "number", "boolean", "date" }));
        Assert.All(printer.Columns, c => Assert.Equal(c.ServerName.ToUpperInvariant(), c.Header));
        Assert.All(printer.Columns, c => Assert.False(string.IsNullOrWhiteSpace(c.Description)));
        Assert.Equal(printer.Columns.Count, printer.Columns.Select(c => c.Property).Distinct().Count());
    }

    [Fact]
    public void ForKind_IsCaseInsensitive_CoreMeansEmptyGroup_UnknownIsNull()
    {
        Assert.Same(KubePrinters.ForKind("", "Pod"), KubePrinters.ForKind("core", "pod"));
        Assert.Null(KubePrinters.ForKind("apps", "Pod"));
        Assert.Null(KubePrinters.ForKind("example.com", "Widget"));
    }

    [Fact]
    public void For_PicksByRuntimeType()
    {
        Assert.Same(KubePrinters.ForKind("apps", "Deployment"), KubePrinters.For(new V1Deployment()));
        Assert.Same(KubePrinters.ForKind("", "Event"), KubePrinters.For(new Corev1Event()));
        Assert.Same(KubePrinters.Generic, KubePrinters.For(new V1PodTemplate()));
    }

    [Fact]
    public void Cells_RejectsAnotherKind()
    {
        var printer = KubePrinters.ForKind("", "Pod")!;
        Assert.Throws<ArgumentException>(() => printer.Cells(new V1Service(), Build.Now));
    }

    [Fact]
    public void EveryPrinter_ProducesOneCellPerColumn_ForAnEmptyObject()
    {
        foreach (var printer in KubePrinters.All)
        {
            var model = KubePrintersTestsModels.For(printer);
            Assert.Equal(printer.Columns.Count, printer.Cells(model, Build.Now).Count);
        }
    }

    [Fact]
    public void CellValue_TurnsIntegerColumnsIntoNumbers()
    {
        var printer = KubePrinters.ForKind("apps", "ReplicaSet")!;
        Assert.Equal(3L, KubeTable.CellValue(printer.Columns[1], "3"));
        Assert.Equal("3/3", KubeTable.CellValue(KubePrinters.ForKind("apps", "Deployment")!.Columns[1], "3/3"));
    }
}

internal static class KubePrintersTestsModels
{
    /// <summary>A bare model of the printer's kind (nothing but empty metadata), found among the client's model types.</summary>
    public static object For(IKindPrinter printer)
    {
        foreach (var type in typeof(V1Pod).Assembly.GetTypes().Where(t => t.Namespace == "k8s.Models" && t.Name.EndsWith(printer.Kind) && t.GetConstructor(Type.EmptyTypes) is not null))
        {
            var model = Activator.CreateInstance(type)!;
            type.GetProperty("Metadata")?.SetValue(model, new V1ObjectMeta());
            if (ReferenceEquals(KubePrinters.For(model), printer)) return model;
        }
        throw new InvalidOperationException($"No model type for {printer.Kind}");
    }
}
