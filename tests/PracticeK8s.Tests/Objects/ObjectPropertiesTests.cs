using k8s.Models;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Presentation;

namespace PracticeK8s.Tests.Objects;

public sealed class ObjectPropertiesTests
{
    [Fact]
    public void APod_GetsItsColumns_RestartsAsANumber_AndTheApiStatusUnderAnotherName()
    {
        var plan = ObjectProperties.For(typeof(V1Pod));
        Assert.Equal(["Name", "Namespace", "Age", "ApiStatus", "Ready", "Status", "Restarts", "IP", "Node", "NominatedNode", "ReadinessGates"],
            plan.Properties.Where(p => !p.Hidden).Select(p => p.Name));
        Assert.Equal(["AgeText", "KindName", "RestartsText"], plan.Properties.Where(p => p.Hidden).Select(p => p.Name));
        Assert.Equal(typeof(int), plan.Properties.Single(p => p.Name == "Restarts").ValueType);
        Assert.Equal(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"], plan.Columns.Select(c => c.Header));
        Assert.Equal(["Name", "Ready", "Status", "RestartsText", "AgeText", "IP", "Node", "NominatedNode", "ReadinessGates"], plan.Columns.Select(c => c.Property));
        Assert.Equal(["Name", "Namespace", "Status", "Age"], plan.Display);
        Assert.True(plan.Namespaced);
    }

    [Fact]
    public void AColumnNamedLikeAnApiField_IsSuffixedWithText()
    {
        var plan = ObjectProperties.For(typeof(V1ConfigMap));
        Assert.Contains(plan.Properties, p => p.Name == "DataText" && !p.Hidden);
        Assert.DoesNotContain(plan.Properties, p => p.Name == "Data");
    }

    [Fact]
    public void Workloads_AndServices_CarryTheirLabelSelector_ClusterKinds_NoNamespaceColumn()
    {
        Assert.Contains(ObjectProperties.For(typeof(V1Deployment)).Properties, p => p.Name == "LabelSelector");
        Assert.Contains(ObjectProperties.For(typeof(V1Service)).Properties, p => p.Name == "LabelSelector");
        Assert.DoesNotContain(ObjectProperties.For(typeof(V1Node)).Properties, p => p.Name == "LabelSelector");
        Assert.False(ObjectProperties.For(typeof(V1Node)).Namespaced);
        Assert.Equal(["Name", "Status", "Age"], ObjectProperties.For(typeof(V1Node)).Display);
    }

    [Fact]
    public void AKindWithoutATable_StillGetsNameNamespaceAndAge()
    {
        var plan = ObjectProperties.For(typeof(V1CSIDriver));
        Assert.Null(plan.Printer);
        Assert.Empty(plan.Columns);
        Assert.Equal(["Name", "Namespace", "Age"], plan.Properties.Where(p => !p.Hidden).Select(p => p.Name));
        Assert.Equal(["Name", "Namespace", "Age"], plan.TableKeys);
        var driver = new V1CSIDriver { Metadata = new V1ObjectMeta { Name = "csi.example" } };
        Assert.Equal("csi.example", plan.Properties[0].Get(driver));
    }
}
