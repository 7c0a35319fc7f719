using PracticeK8s.Merge;

namespace PracticeK8s.Tests.Merge;

/// <summary>RFC 7386 (the examples of its appendix A), two-way creation and kubectl's three-way JSON merge patch.</summary>
public class MergePatchTests
{
    [Theory]
    [InlineData("{'a':'b'}", "{'a':'c'}", "{'a':'c'}")]
    [InlineData("{'a':'b'}", "{'b':'c'}", "{'a':'b','b':'c'}")]
    [InlineData("{'a':'b'}", "{'a':null}", "{}")]
    [InlineData("{'a':'b','b':'c'}", "{'a':null}", "{'b':'c'}")]
    [InlineData("{'a':['b']}", "{'a':'c'}", "{'a':'c'}")]
    [InlineData("{'a':'c'}", "{'a':['b']}", "{'a':['b']}")]
    [InlineData("{'a':{'b':'c'}}", "{'a':{'b':'d','c':null}}", "{'a':{'b':'d'}}")]
    [InlineData("{'a':[{'b':'c'}]}", "{'a':[1]}", "{'a':[1]}")]
    [InlineData("['a','b']", "['c','d']", "['c','d']")]
    [InlineData("{'a':'b'}", "['c']", "['c']")]
    [InlineData("{'a':'foo'}", "null", "null")]
    [InlineData("{'a':'foo'}", "'bar'", "'bar'")]
    [InlineData("{'e':null}", "{'a':1}", "{'e':null,'a':1}")]
    [InlineData("[1,2]", "{'a':'b','c':null}", "{'a':'b'}")]
    [InlineData("{}", "{'a':{'bb':{'ccc':null}}}", "{'a':{'bb':{}}}")]
    public void AppliesLikeTheRfc(string target, string patch, string expected)
    {
        Json.Equal(expected, MergePatch.Apply(Json.Parse(target), Json.Parse(patch)));
    }

    [Fact]
    public void ListsAreReplacedNotMerged()
    {
        var pod = Json.Parse("{'spec':{'containers':[{'name':'a','image':'x'},{'name':'b','image':'y'}]}}");
        var result = MergePatch.Apply(pod, Json.Parse("{'spec':{'containers':[{'name':'a','image':'z'}]}}"));
        Json.Equal("{'spec':{'containers':[{'name':'a','image':'z'}]}}", result);
        Json.Equal("{'spec':{'containers':[{'name':'a','image':'x'},{'name':'b','image':'y'}]}}", pod);
    }

    [Theory]
    [InlineData("{'a':1,'b':{'c':2,'d':3}}", "{'a':1,'b':{'c':5}}", "{'b':{'c':5,'d':null}}")]
    [InlineData("{'a':[1,2]}", "{'a':[1,2]}", "{}")]
    [InlineData("{'a':[1,2]}", "{'a':[2,1]}", "{'a':[2,1]}")]
    [InlineData("{'a':1}", "{'a':1.0}", "{}")]
    [InlineData("{'a':{'x':1}}", "{'a':'flat'}", "{'a':'flat'}")]
    [InlineData("{}", "{'n':{'deep':{'er':true}}}", "{'n':{'deep':{'er':true}}}")]
    public void CreatesTheMinimalPatch(string original, string modified, string expected)
    {
        var patch = MergePatch.Create(Json.Parse(original), Json.Parse(modified));
        Json.Equal(expected, patch);
        Json.Equal(modified, MergePatch.Apply(Json.Parse(original), patch));
    }

    [Fact]
    public void ThreeWayDeletesWhatTheConfigDroppedAndKeepsOthersChanges()
    {
        var lastApplied = Json.Parse("{'spec':{'a':1,'b':2,'list':[1]}}");
        var modified = Json.Parse("{'spec':{'a':1,'list':[1,2]}}");
        var current = Json.Parse("{'spec':{'a':5,'b':2,'c':'other','list':[1]},'status':{'x':1}}");

        var patch = MergePatch.CreateThreeWay(lastApplied, modified!, current!);

        Json.Exact("{'spec':{'a':1,'b':null,'list':[1,2]}}", patch);
        Json.Equal("{'spec':{'a':1,'c':'other','list':[1,2]},'status':{'x':1}}", MergePatch.Apply(current, patch));
    }

    [Fact]
    public void ThreeWayOfUnchangedConfigIsEmpty()
    {
        var config = Json.Parse("{'spec':{'a':1}}");
        var current = Json.Parse("{'spec':{'a':1,'b':2}}");
        Json.Exact("{}", MergePatch.CreateThreeWay(config, config!, current!));
    }
}
