using PracticeK8s.Merge;

namespace PracticeK8s.Tests.Merge;

/// <summary>Applying strategic merge patches: list merge keys, strategies and every directive.</summary>
public class StrategicMergePatchApplyTests
{
    [Theory]
    [MemberData(nameof(StrategicCases.Data), MemberType = typeof(StrategicCases))]
    public void AppliesLikeKubernetes(StrategicCases.Case example)
    {
        var original = Json.Parse(example.Original)!;
        var result = StrategicMergePatch.Apply(original, Json.Parse(example.Patch)!, original["apiVersion"]!.GetValue<string>(), original["kind"]!.GetValue<string>());
        Json.Equal(example.Expected, result);
    }

    [Theory]
    [MemberData(nameof(StrategicCases.Data), MemberType = typeof(StrategicCases))]
    public void StockKubectlAgreesWithTheExpectedResult(StrategicCases.Case example)
    {
        var result = Kubectl.PatchLocally(Json.Parse(example.Original)!, Json.Parse(example.Patch)!, "strategic");
        Json.Equal(example.Expected, result);
    }

    [Fact]
    public void DirectivesInNewSubtreesAreConsumedNotStored()
    {
        var pod = Json.Parse("{'apiVersion':'v1','kind':'Pod','spec':{'containers':[{'name':'a'}]}}")!;
        var patch = Json.Parse(
            "{'spec':{'$setElementOrder/initContainers':[{'name':'i'}],'initContainers':[{'name':'i','$setElementOrder/env':[{'name':'E'}]," +
            "'env':[{'name':'E','value':'1'}]}],'volumes':[{'name':'v','$retainKeys':['name','emptyDir'],'emptyDir':{}}]}}")!;

        var result = StrategicMergePatch.Apply(pod, patch, "v1", "Pod");

        Json.Equal("{'apiVersion':'v1','kind':'Pod','spec':{'containers':[{'name':'a'}],'initContainers':[{'name':'i','env':[{'name':'E','value':'1'}]}],'volumes':[{'name':'v','emptyDir':{}}]}}", result);
        Assert.DoesNotContain("$", result.ToJsonString());
    }

    [Fact]
    public void DoesNotModifyItsInputs()
    {
        var pod = Json.Parse("{'spec':{'containers':[{'name':'a','image':'x'}]}}")!;
        var patch = Json.Parse("{'spec':{'containers':[{'name':'a','image':'y'}],'$setElementOrder/containers':[{'name':'a'}]}}")!;
        var podText = pod.ToJsonString();
        var patchText = patch.ToJsonString();

        StrategicMergePatch.Apply(pod, patch, "v1", "Pod");

        Assert.Equal(podText, pod.ToJsonString());
        Assert.Equal(patchText, patch.ToJsonString());
    }

    [Fact]
    public void CustomKindsMergeMapsButReplaceLists()
    {
        var widget = Json.Parse("{'apiVersion':'example.com/v1','kind':'Widget','spec':{'a':1,'items':[{'name':'x','v':1}]}}")!;
        var result = StrategicMergePatch.Apply(widget, Json.Parse("{'spec':{'b':2,'items':[{'name':'y'}]}}")!, "example.com/v1", "Widget");
        Json.Equal("{'apiVersion':'example.com/v1','kind':'Widget','spec':{'a':1,'b':2,'items':[{'name':'y'}]}}", result);
    }

    [Theory]
    [InlineData("{'spec':{'$patch':'bogus'}}", "unknown patch type: bogus")]
    [InlineData("{'spec':{'$patch':'merge','hostname':'h'}}", "unknown patch type: merge")]
    [InlineData("{'spec':{'containers':[{'name':'a','$patch':'merge'}]}}", "merging lists cannot yet be specified in the patch")]
    [InlineData("{'spec':{'containers':[{'image':'nokey'}]}}", "does not contain declared merge key: name")]
    [InlineData("{'spec':{'$setElementOrder/containers':[{'name':'a'}],'containers':[{'name':'b','image':'z'}]}}", "doesn't match $setElementOrder list")]
    [InlineData("{'spec':{'volumes':[{'name':'v','$retainKeys':['name'],'hostPath':{'path':'/x'}}]}}", "invalid patch format of retainKeys")]
    [InlineData("{'spec':{'volumes':[{'name':'v','$retainKeys':'name'}]}}", "invalid patch format of retainKeys")]
    [InlineData("{'metadata':{'$deleteFromPrimitiveList':['a']}}", "invalid patch format of primitive list")]
    public void BadDirectivesAreBadRequests(string patch, string message)
    {
        var pod = Json.Parse("{'metadata':{'finalizers':['a']},'spec':{'containers':[{'name':'a','image':'x'},{'name':'b','image':'y'}],'volumes':[{'name':'v','emptyDir':{}}]}}")!;
        var error = Json.Throws(() => StrategicMergePatch.Apply(pod, Json.Parse(patch)!, "v1", "Pod"));
        Assert.Equal(PatchErrorKind.BadRequest, error.Kind);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void ListsOfListsAreInvalid()
    {
        var pod = Json.Parse("{'metadata':{'finalizers':[['a']]}}")!;
        var error = Json.Throws(() => StrategicMergePatch.Apply(pod, Json.Parse("{'metadata':{'finalizers':[['b']]}}")!, "v1", "Pod"));
        Assert.Equal(PatchErrorKind.Invalid, error.Kind);
    }

    [Fact]
    public void OnlyObjectsCanBePatched()
    {
        Assert.Equal(PatchErrorKind.BadRequest, Json.Throws(() => StrategicMergePatch.Apply(Json.Parse("{}")!, Json.Parse("[1]")!, "v1", "Pod")).Kind);
    }
}
