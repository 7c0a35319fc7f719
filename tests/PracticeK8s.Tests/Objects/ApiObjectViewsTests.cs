using System.Collections;
using System.Collections.Specialized;
using System.Management.Automation;
using k8s;
using k8s.Models;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Presentation;
using PracticeK8s.Engine.Presentation.Views;
using PracticeK8s.Engine.Targets;
using PracticeK8s.Engine.Yaml;
using PracticeK8s.Printing;

namespace PracticeK8s.Tests.Objects;

public sealed class ApiObjectViewsTests
{
    private static V1Pod Pod() => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta { Name = "web-1", NamespaceProperty = "demo", Labels = new Dictionary<string, string> { ["app"] = "web" } },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "nginx", Image = "nginx:1.14.2", Ports = [new V1ContainerPort { ContainerPort = 80 }] }] },
        Status = new V1PodStatus { Phase = "Running", ContainerStatuses = [new V1ContainerStatus { Name = "nginx", Ready = true, RestartCount = 2, Image = "nginx", ImageID = "", }] },
    };

    [Fact]
    public void AModel_BecomesASubclassWithTheSameValues_AndIsCopiedNotShared()
    {
        var pod = Pod();
        var view = ApiObjectViews.ForPipeline(pod);
        var typed = Assert.IsAssignableFrom<V1Pod>(view);
        Assert.IsAssignableFrom<IApiObjectView>(view);
        Assert.NotSame(pod, view);
        Assert.Equal("PracticeK8s.ApiViews.V1Pod", view!.GetType().FullName);
        Assert.Same(pod.Metadata, typed.Metadata);
        Assert.Same(pod.Spec, typed.Spec);
        Assert.Same(pod.Status, typed.Status);
        Assert.Equal(typeof(V1Pod), ApiObjectViews.ModelType(view.GetType()));
    }

    [Fact]
    public void OtherValues_PassThroughUnchanged()
    {
        var container = new V1Container { Name = "c" };
        Assert.Same(container, ApiObjectViews.ForPipeline(container));
        Assert.Equal("text", ApiObjectViews.ForPipeline("text"));
        Assert.Null(ApiObjectViews.ForPipeline(null));
        var view = ApiObjectViews.ForPipeline(Pod());
        Assert.Same(view, ApiObjectViews.ForPipeline(view));
    }

    [Fact]
    public void TheDictionaryEntries_AreTheApiFields_InTheApiOrder()
    {
        var view = (IDictionary)ApiObjectViews.ForPipeline(Pod())!;
        var entries = view.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value);
        Assert.Equal(["apiVersion", "kind", "metadata", "spec", "status"], entries.Keys);
        Assert.Equal("v1", entries["apiVersion"]);
        var metadata = Assert.IsType<OrderedDictionary>(entries["metadata"]);
        Assert.Equal("web-1", metadata["name"]);
        Assert.Equal("demo", metadata["namespace"]);
        var containers = Assert.IsType<object[]>(((OrderedDictionary)entries["spec"]!)["containers"]);
        var ports = Assert.IsType<object[]>(((OrderedDictionary)containers[0])["ports"]);
        Assert.Equal(80, ((OrderedDictionary)ports[0])["containerPort"]);
    }

    [Fact]
    public void AsADictionary_ItHasNoKeysToLookUp_CountsAsOne_AndIsItselfAtPositionZero()
    {
        var view = (IDictionary)ApiObjectViews.ForPipeline(Pod())!;
        Assert.False(view.Contains("metadata"));
        Assert.Null(view["metadata"]);
        Assert.Equal(1, view.Count);
        Assert.Same(view, view[0]);
        Assert.Same(view, view[-1]);
        Assert.True(view.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => view["kind"] = "Other");
        Assert.Throws<NotSupportedException>(() => view.Add("x", 1));
    }

    [Fact]
    public void TheViewClass_HidesTheDictionaryPropertiesFromPowerShell()
    {
        var view = ApiObjectViews.ForPipeline(Pod())!;
        foreach (var name in new[] { "Keys", "Values", "Count", "IsReadOnly", "IsFixedSize", "IsSynchronized", "SyncRoot" })
        {
            var property = view.GetType().GetProperty(name);
            Assert.NotNull(property);
            Assert.True(property!.IsDefined(typeof(HiddenAttribute), false), name);
        }
        Assert.Equal(1, view.GetType().GetProperty("Count")!.GetValue(view));
        Assert.Same(ApiObjectViews.SyncRoot, view.GetType().GetProperty("SyncRoot")!.GetValue(view));
    }

    [Fact]
    public void TheKeys_AreTheTableProperties_SoACsvHoldsWhatTheTableShows()
    {
        var view = (IDictionary)ApiObjectViews.ForPipeline(Pod())!;
        Assert.Equal(["Name", "Namespace", "Ready", "Status", "Restarts", "IP", "Node", "NominatedNode", "ReadinessGates", "Age"],
            view.Keys.Cast<string>());
    }

    [Fact]
    public void Serializers_WriteTheModel_NotTheDictionary()
    {
        var pod = Pod();
        var view = ApiObjectViews.ForPipeline(pod)!;
        Assert.Equal(KubernetesJson.Serialize(pod), KubernetesJson.Serialize(view));
        Assert.Equal(KubernetesJson.Serialize(pod), PSObjectJson.ToJson(PSObject.AsPSObject(view))!.ToJsonString());
        var back = KubernetesJson.Deserialize<V1Pod>(KubernetesJson.Serialize(view));
        Assert.Equal("web-1", back.Metadata.Name);
    }

    [Fact]
    public void TheEngine_TreatsAViewAsItsModel()
    {
        var view = ApiObjectViews.ForPipeline(Pod())!;
        Assert.Equal("Pod", KubePrinters.For(view).Kind);
        Assert.Equal("Running", ObjectCells.Cell(view, 2));
        Assert.Equal(2, ObjectCells.Restarts(view));
        Assert.Equal(new InputReference("v1", "Pod", "demo", "web-1"), InputReference.From(PSObject.AsPSObject(view)));
        Assert.Equal("pod/web-1", ObjectCells.KindName(view));
        Assert.Equal(new ObjectFacts("v1", "Pod", "demo", "web-1", null), ObjectFacts.Of(view));
    }

    [Fact]
    public void EveryBuiltInKind_HasAView()
    {
        var views = ApiObjectViews.DefineAll();
        Assert.Equal(PracticeK8s.Engine.Resources.ModelTypes.All.Count, views.Count);
        Assert.All(views, v => Assert.True(typeof(IApiObjectView).IsAssignableFrom(v)));
        Assert.Contains(views, v => v.BaseType == typeof(V1Deployment));
    }
}
