using PracticeK8s.Merge;

namespace PracticeK8s.Tests.Merge;

/// <summary>Looking up list semantics and strategies by kind and path.</summary>
public class PatchSchemaTests
{
    [Fact]
    public void PodContainersMergeByName()
    {
        var containers = PatchSchema.ListAt("v1", "Pod", ["spec", "containers"]);
        Assert.Equal(new ListSemantics("name", "merge", "map", ["name"]), containers);
    }

    [Fact]
    public void PathsStepThroughListsAndTemplates()
    {
        Assert.Equal(new ListSemantics("containerPort", "merge", "map", ["containerPort", "protocol"]),
            PatchSchema.ListAt("apps/v1", "Deployment", ["spec", "template", "spec", "containers", "ports"]));
        Assert.Equal(new ListSemantics("mountPath", "merge", "map", ["mountPath"]),
            PatchSchema.ListAt("batch/v1", "CronJob", ["spec", "jobTemplate", "spec", "template", "spec", "initContainers", "volumeMounts"]));
        Assert.Equal(new ListSemantics("type", "merge", "map", ["type"]),
            PatchSchema.ListAt("apps/v1", "StatefulSet", ["status", "conditions"]));
        Assert.Equal(new ListSemantics("uid", "merge", "map", ["uid"]),
            PatchSchema.ListAt("v1", "ConfigMap", ["metadata", "ownerReferences"]));
        Assert.Equal(new ListSemantics(null, "merge", "set", []),
            PatchSchema.ListAt("v1", "Namespace", ["metadata", "finalizers"]));
    }

    [Fact]
    public void ListsWithoutMetadataAreAtomicAndNonListsHaveNoListSemantics()
    {
        Assert.Equal(ListSemantics.Atomic, PatchSchema.ListAt("v1", "Pod", ["spec", "tolerations"]));
        Assert.Equal(ListSemantics.Atomic, PatchSchema.ListAt("v1", "Pod", ["spec", "containers", "args"]));
        Assert.Null(PatchSchema.ListAt("v1", "Pod", ["spec", "nodeName"]));
        Assert.Null(PatchSchema.ListAt("v1", "Pod", ["spec", "noSuchField"]));
        Assert.Null(PatchSchema.ListAt("example.com/v1", "Widget", ["spec", "items"]));
    }

    [Fact]
    public void StrategiesOfStructsAndLists()
    {
        Assert.Equal("retainKeys", PatchSchema.StrategyAt("apps/v1", "Deployment", ["spec", "strategy"]));
        Assert.Equal("merge,retainKeys", PatchSchema.StrategyAt("v1", "Pod", ["spec", "volumes"]));
        Assert.Equal("replace", PatchSchema.StrategyAt("policy/v1", "PodDisruptionBudget", ["spec", "selector"]));
        Assert.Null(PatchSchema.StrategyAt("apps/v1", "Deployment", ["spec", "selector"]));
    }

    [Fact]
    public void BuiltInKindsAreKnownCustomOnesAreNot()
    {
        Assert.True(PatchSchema.IsKnownKind("v1", "Pod"));
        Assert.True(PatchSchema.IsKnownKind("apps/v1", "Deployment"));
        Assert.True(PatchSchema.IsKnownKind("events.k8s.io/v1", "Event"));
        Assert.True(PatchSchema.IsKnownKind("coordination.k8s.io/v1", "Lease"));
        Assert.False(PatchSchema.IsKnownKind("example.com/v1", "Widget"));
        Assert.False(PatchSchema.IsKnownKind("v1", "Widget"));
        Assert.Equal(typeof(k8s.Models.V1Deployment), PatchSchema.ModelTypeOf("apps/v1", "Deployment"));
    }

    [Fact]
    public void TheTableIsKeyedByModelClassAndJsonName()
    {
        Assert.Equal(new ListSemantics("port", "merge", "map", ["port", "protocol"]), PatchSchema.Lists[("V1ServiceSpec", "ports")]);
        Assert.Equal("retainKeys", PatchSchema.FieldStrategies[("V1DeploymentSpec", "strategy")]);
        Assert.Contains("V1LabelSelector", PatchSchema.AtomicTypes);
    }
}
