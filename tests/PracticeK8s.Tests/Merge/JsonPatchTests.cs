using PracticeK8s.Merge;

namespace PracticeK8s.Tests.Merge;

/// <summary>RFC 6902 (the examples of its appendix A) and the API server's error kinds.</summary>
public class JsonPatchTests
{
    [Theory]
    [InlineData("{'foo':'bar'}", "[{'op':'add','path':'/baz','value':'qux'}]", "{'baz':'qux','foo':'bar'}")]
    [InlineData("{'foo':['bar','baz']}", "[{'op':'add','path':'/foo/1','value':'qux'}]", "{'foo':['bar','qux','baz']}")]
    [InlineData("{'baz':'qux','foo':'bar'}", "[{'op':'remove','path':'/baz'}]", "{'foo':'bar'}")]
    [InlineData("{'foo':['bar','qux','baz']}", "[{'op':'remove','path':'/foo/1'}]", "{'foo':['bar','baz']}")]
    [InlineData("{'baz':'qux','foo':'bar'}", "[{'op':'replace','path':'/baz','value':'boo'}]", "{'baz':'boo','foo':'bar'}")]
    [InlineData("{'foo':{'bar':'baz','waldo':'fred'},'qux':{'corge':'grault'}}", "[{'op':'move','from':'/foo/waldo','path':'/qux/thud'}]", "{'foo':{'bar':'baz'},'qux':{'corge':'grault','thud':'fred'}}")]
    [InlineData("{'foo':['all','grass','cows','eat']}", "[{'op':'move','from':'/foo/1','path':'/foo/3'}]", "{'foo':['all','cows','eat','grass']}")]
    [InlineData("{'baz':'qux','foo':['a',2,'c']}", "[{'op':'test','path':'/baz','value':'qux'},{'op':'test','path':'/foo/1','value':2}]", "{'baz':'qux','foo':['a',2,'c']}")]
    [InlineData("{'foo':'bar'}", "[{'op':'add','path':'/child','value':{'grandchild':{}}}]", "{'foo':'bar','child':{'grandchild':{}}}")]
    [InlineData("{'foo':'bar'}", "[{'op':'add','path':'/baz','value':'qux','xyz':123}]", "{'foo':'bar','baz':'qux'}")]
    [InlineData("{'/':9,'~1':10}", "[{'op':'test','path':'/~01','value':10}]", "{'/':9,'~1':10}")]
    [InlineData("{'foo':['bar']}", "[{'op':'add','path':'/foo/-','value':['abc','def']}]", "{'foo':['bar',['abc','def']]}")]
    [InlineData("{'a':{'b':1}}", "[{'op':'copy','from':'/a','path':'/c'},{'op':'replace','path':'/c/b','value':2}]", "{'a':{'b':1},'c':{'b':2}}")]
    [InlineData("{'a':1}", "[{'op':'replace','path':'','value':{'b':2}}]", "{'b':2}")]
    [InlineData("{'replicas':3}", "[{'op':'test','path':'/replicas','value':3.0}]", "{'replicas':3}")]
    public void AppliesOperations(string document, string patch, string expected)
    {
        Json.Equal(expected, JsonPatch.Apply(Json.Parse(document), Json.Parse(patch)!));
    }

    [Fact]
    public void DoesNotModifyTheInput()
    {
        var document = Json.Parse("{'a':{'b':1}}");
        JsonPatch.Apply(document, Json.Parse("[{'op':'replace','path':'/a/b','value':2}]")!);
        Json.Equal("{'a':{'b':1}}", document);
    }

    [Theory]
    [InlineData("{'baz':'qux'}", "[{'op':'test','path':'/baz','value':'bar'}]")] // failed test
    [InlineData("{'/':9,'~1':10}", "[{'op':'test','path':'/~01','value':'10'}]")] // string is not number
    [InlineData("{'foo':'bar'}", "[{'op':'add','path':'/baz/bat','value':'qux'}]")] // missing parent
    [InlineData("{'foo':'bar'}", "[{'op':'remove','path':'/nope'}]")]
    [InlineData("{'foo':'bar'}", "[{'op':'replace','path':'/nope','value':1}]")]
    [InlineData("{'foo':[1]}", "[{'op':'add','path':'/foo/5','value':1}]")] // index out of bounds
    [InlineData("{'foo':'bar'}", "[{'op':'frobnicate','path':'/foo'}]")]
    [InlineData("{'foo':'bar'}", "[{'op':'test','path':'/missing','value':1}]")]
    public void OperationsThatCannotApplyAreInvalid(string document, string patch)
    {
        var error = Json.Throws(() => JsonPatch.Apply(Json.Parse(document), Json.Parse(patch)!));
        Assert.Equal(PatchErrorKind.Invalid, error.Kind);
        Assert.Equal(422, error.StatusCode);
    }

    [Fact]
    public void FailedTestNamesThePath()
    {
        var error = Json.Throws(() => JsonPatch.Apply(Json.Parse("{'spec':{'replicas':1}}"), Json.Parse("[{'op':'test','path':'/spec/replicas','value':2}]")!));
        Assert.Equal("testing value /spec/replicas failed: test failed", error.Message);
    }

    [Theory]
    [InlineData("{'op':'add','path':'/a','value':1}")] // not an array
    [InlineData("['add']")] // operation not an object
    public void MalformedPatchIsBadRequest(string patch)
    {
        var error = Json.Throws(() => JsonPatch.Apply(Json.Parse("{}"), Json.Parse(patch)!));
        Assert.Equal(PatchErrorKind.BadRequest, error.Kind);
    }

    [Fact]
    public void OperationsApplyInOrderAndAllOrNothing()
    {
        var document = Json.Parse("{'a':1}");
        var result = JsonPatch.Apply(document, Json.Parse("[{'op':'add','path':'/b','value':2},{'op':'remove','path':'/a'}]")!);
        Json.Equal("{'b':2}", result);
        Json.Throws(() => JsonPatch.Apply(document, Json.Parse("[{'op':'add','path':'/b','value':2},{'op':'remove','path':'/zzz'}]")!));
        Json.Equal("{'a':1}", document);
    }
}
