using System.Text.Json.Nodes;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Apply;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Tests.Apply;

public sealed class ApplyPatchTests
{
    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    private static (JsonObject Modified, JsonObject Live) AppliedDeployment(string replicas = "2", string image = "nginx:1.14.2")
    {
        var input = Json($$$"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default","labels":{"app":"web"}},
             "spec":{"replicas":{{{replicas}}},"selector":{"matchLabels":{"app":"web"}},
                     "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"{{{image}}}"}]} } } }
            """);
        var modified = LastAppliedConfiguration.Modified(input, out _);
        // The live object: what was applied plus what the server and controllers add.
        var live = (JsonObject)modified.DeepClone();
        live["metadata"]!["uid"] = "u1";
        live["metadata"]!["resourceVersion"] = "7";
        live["spec"]!["strategy"] = Json("""{"type":"RollingUpdate"}""");
        live["spec"]!["template"]!["spec"]!["containers"]![0]!["imagePullPolicy"] = "IfNotPresent";
        live["status"] = Json("""{"replicas":2}""");
        return (modified, live);
    }

    [Fact]
    public void SameInputAgain_GivesAnEmptyPatch()
    {
        var (modified, live) = AppliedDeployment();
        var patch = KubectlPatches.ThreeWay(LastAppliedConfiguration.Of(live), modified, live, "apps/v1", "Deployment");
        Assert.True(patch.IsEmpty, patch.Text);
        Assert.Equal(PatchTypes.StrategicMerge, patch.PatchType);
    }

    [Fact]
    public void FieldsSetOnlyByOthers_SurviveAReApply()
    {
        var (modified, live) = AppliedDeployment();
        live["metadata"]!["labels"]!["owner"] = "ops";           // edited on the server, never in the manifest
        live["metadata"]!["annotations"]!["note"] = "kept";
        var patch = KubectlPatches.ThreeWay(LastAppliedConfiguration.Of(live), modified, live, "apps/v1", "Deployment");
        Assert.True(patch.IsEmpty, patch.Text);
    }

    [Fact]
    public void AFieldOfTheManifestChangedOnTheServer_IsSetBack()
    {
        var (modified, live) = AppliedDeployment();
        live["spec"]!["replicas"] = 5;
        var patch = KubectlPatches.ThreeWay(LastAppliedConfiguration.Of(live), modified, live, "apps/v1", "Deployment");
        Assert.Equal(2, patch.Body["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public void AFieldRemovedFromTheManifest_IsDeleted_AndAChangedOneSet()
    {
        var (_, live) = AppliedDeployment();
        var input = Json("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},
             "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
                     "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}}
            """);
        var modified = LastAppliedConfiguration.Modified(input, out var annotation);
        var patch = KubectlPatches.ThreeWay(LastAppliedConfiguration.Of(live), modified, live, "apps/v1", "Deployment");
        Assert.True(patch.Body["metadata"]!.AsObject().ContainsKey("labels"));
        Assert.Null(patch.Body["metadata"]!["labels"]);                       // the labels the manifest dropped are deleted
        Assert.Equal(annotation, patch.Body["metadata"]!["annotations"]![LastAppliedConfiguration.Annotation]!.GetValue<string>());
        var container = patch.Body["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("nginx", container["name"]!.GetValue<string>());         // merged by name, not replaced
        Assert.Equal("nginx:1.25", container["image"]!.GetValue<string>());
        Assert.Null(container["imagePullPolicy"]);                             // the server's default is left alone
    }

    [Fact]
    public void CustomResources_GetAJsonMergePatch()
    {
        var input = Json("""{"apiVersion":"stable.example.com/v1","kind":"CronTab","metadata":{"name":"c","namespace":"default"},"spec":{"cronSpec":"* * * * */5","list":[1,2]}}""");
        var modified = LastAppliedConfiguration.Modified(input, out _);
        var live = (JsonObject)modified.DeepClone();
        live["spec"]!["list"] = Json("""{"x":[1,2,3]}""")["x"]!.DeepClone();
        var patch = KubectlPatches.ThreeWay(LastAppliedConfiguration.Of(live), modified, live, "stable.example.com/v1", "CronTab");
        Assert.Equal(PatchTypes.Merge, patch.PatchType);
        Assert.Equal("""{"spec":{"list":[1,2]}}""", patch.Text);
    }

    [Fact]
    public void TwoWay_IsWhatEditSends_AndRefusesIdentityChanges()
    {
        var original = Json("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","resourceVersion":"3"},"data":{"a":"1","b":"2"}}""");
        var edited = Json("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","resourceVersion":"3"},"data":{"a":"9"}}""");
        var patch = KubectlPatches.TwoWay(original, edited, "v1", "ConfigMap");
        Assert.Equal(PatchTypes.StrategicMerge, patch.PatchType);
        Assert.Equal("""{"data":{"a":"9","b":null}}""", patch.Text);

        var renamed = Json("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"other","resourceVersion":"3"},"data":{"a":"1","b":"2"}}""");
        var error = Assert.Throws<KubeException>(() => KubectlPatches.TwoWay(original, renamed, "v1", "ConfigMap"));
        Assert.Equal("At least one of apiVersion, kind and name was changed", error.Message);
    }
}
