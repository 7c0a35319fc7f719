using System.Management.Automation;
using k8s.Models;
using PracticeK8s.Engine.Describe;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Presentation;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Printing;
using PracticeK8s.Printing.Catalog;

namespace PracticeK8s.Tests.Resources;

public sealed class KindCatalogTests
{
    [Fact]
    public void EveryBuiltInEntry_HasItsModel_AndThePrinterAndDescriberOfThatModel()
    {
        foreach (var entry in KindCatalog.Entries.Where(e => e.Model is not null))
        {
            Assert.Same(entry, KindCatalog.ForModel(entry.Model!));
            Assert.Same(KubePrinters.ForType(entry.Model!), entry.Printer);
            Assert.Same(KindDescribers.ForType(entry.Model!) ?? KindDescribers.Generic, entry.Describer);
        }
        Assert.All(KindCatalog.Entries, e => Assert.NotNull(e.Model));
    }

    [Fact]
    public void EveryBuiltInEntry_IsNamedAsTheSharedListNamesIt()
    {
        foreach (var entry in KindCatalog.Entries)
        {
            var names = Assert.Single(BuiltinKinds.All, k => k.Group == entry.Resource.Group && k.Version == entry.Resource.Version && k.Kind == entry.Resource.Kind);
            Assert.Equal((names.Plural, names.Singular, names.Namespaced), (entry.Resource.Plural, entry.Resource.Singular, entry.Resource.Namespaced));
            Assert.Equal(names.ShortNames, entry.Resource.ShortNames);
            Assert.Equal(names.Categories, entry.Resource.Categories);
        }
    }

    [Fact]
    public void TheFactsOnceListedSeparately_ComeFromTheEntries()
    {
        Assert.Equal(["Namespace", "Node", "PersistentVolume", "IngressClass", "StorageClass", "CustomResourceDefinition"],
            KindCatalog.Entries.Where(e => !e.Resource.Namespaced).Select(e => e.Resource.Kind));
        Assert.Equal(["Service", "Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job", "PodDisruptionBudget"],
            KindCatalog.Entries.Where(e => e.Selector is not null).Select(e => e.Resource.Kind));
        Assert.Equal(["Namespace", "Node", "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition"],
            KindCatalog.Entries.Where(e => e.DeleteImpact == DeleteImpact.Dangerous).Select(e => e.Resource.Kind));
        Assert.False(ObjectProperties.For(typeof(V1IngressClass)).Namespaced);
        Assert.True(ObjectProperties.For(typeof(V1Lease)).Namespaced);
    }

    [Fact]
    public void AKindOnlyDiscoveryKnows_GetsTheDefaults()
    {
        var entry = KindCatalog.For(new ResourceKind("example.com", "v1", "Thing", "things", true));
        Assert.Equal(DeleteImpact.Normal, entry.DeleteImpact);
        Assert.Equal(PipedScope.OwnNamespace, entry.Piped);
        Assert.Equal(DescribeEvents.OfObject, entry.Events);
        Assert.Null(entry.Related);
        Assert.Null(entry.Printer);
        Assert.Same(KindDescribers.Generic, entry.Describer);
        Assert.Same(KindCatalog.Deployment, KindCatalog.For(new ResourceKind("apps", "v1beta9", "deployment", "deployments", true)));
    }

    [Fact]
    public void AnAddedKind_IsFoundForGenericObjects_AndItsSelectorIsReadAtItsPath()
    {
        var gizmo = new PSObject();
        gizmo.Properties.Add(new PSNoteProperty("apiVersion", "unit.example.com/v1"));
        gizmo.Properties.Add(new PSNoteProperty("kind", "Gizmo"));
        gizmo.Properties.Add(new PSNoteProperty("metadata", PSObject.AsPSObject(new PSObject(new { name = "g" }))));
        var spec = new PSObject();
        var selector = new PSObject();
        var matchLabels = new PSObject();
        matchLabels.Properties.Add(new PSNoteProperty("tier", "db"));
        matchLabels.Properties.Add(new PSNoteProperty("app", "web"));
        selector.Properties.Add(new PSNoteProperty("matchLabels", matchLabels));
        spec.Properties.Add(new PSNoteProperty("selector", selector));
        gizmo.Properties.Add(new PSNoteProperty("spec", spec));

        Assert.Null(KindCatalog.Of(gizmo));
        Assert.Null(ObjectCells.LabelSelector(gizmo));
        var entry = new KindEntry(new ResourceKind("unit.example.com", "v1", "Gizmo", "gizmos", true))
        {
            Selector = SelectorAccessors.AtPath("spec.selector"),
            DeleteImpact = DeleteImpact.Dangerous,
            Related = RelatedPlans.PodsBySelector,
        };
        KindCatalog.Add(entry);
        try
        {
            Assert.Same(entry, KindCatalog.Of(gizmo));
            Assert.Equal(PipedScope.Selector, entry.Piped);
            Assert.Equal("app=web,tier=db", ObjectCells.LabelSelector(gizmo));
        }
        finally
        {
            Assert.True(KindCatalog.Remove("unit.example.com", "Gizmo"));
        }
        Assert.Null(KindCatalog.Of(gizmo));
        Assert.False(KindCatalog.Remove("", "Pod"));
        Assert.NotNull(KindCatalog.Find("", "pod"));
    }

    [Fact]
    public void TypedSelectors_ReadWrappedModels_AndAServiceWithoutSelectorSelectsNothing()
    {
        var deployment = new V1Deployment { Spec = new V1DeploymentSpec { Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } } } };
        Assert.Equal("app=web", ObjectCells.LabelSelector(PSObject.AsPSObject(deployment)));
        Assert.Null(ObjectCells.LabelSelector(new V1Service { Spec = new V1ServiceSpec { Selector = new Dictionary<string, string>() } }));
        Assert.Null(ObjectCells.LabelSelector(new V1ConfigMap()));
    }
}
