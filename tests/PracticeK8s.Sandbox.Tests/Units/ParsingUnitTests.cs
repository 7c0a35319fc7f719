using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Api.Tables;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Resources.Validation;
using PracticeK8s.Sandbox.Selectors;

namespace PracticeK8s.Sandbox.Tests.Units;

public sealed class ParsingUnitTests
{
    private static Dictionary<string, string> L(params string[] kv) => kv.Select(s => s.Split('=')).ToDictionary(p => p[0], p => p[1]);

    [Theory]
    [InlineData("env notin (prod, staging)", true)]
    [InlineData("env in ( dev )", true)]
    [InlineData("example.com/team=a", true)]
    [InlineData("tier!=db,env", true)]
    [InlineData("!missing", true)]
    [InlineData("count>2", true)]
    [InlineData("count<2", false)]
    public void LabelSelector_Evaluates(string selector, bool expected) =>
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(L("env=dev", "example.com/team=a", "tier=web", "count=3")));

    [Theory]
    [InlineData("a in (x")]
    [InlineData("-bad=x")]
    [InlineData("a=b c")]
    [InlineData("a,,b")]
    public void LabelSelector_RejectsBadSyntax(string selector)
    {
        var e = Assert.Throws<ApiException>(() => LabelSelector.Parse(selector));
        Assert.Equal(400, e.Code);
    }

    [Fact]
    public void FieldSelector_SupportsOnlyTheKindsFields()
    {
        var pods = BuiltinResources.List.Single(d => d.Plural == "pods");
        Assert.False(FieldSelector.Parse("spec.nodeName=n1,status.phase!=Failed", pods).IsEmpty);
        Assert.False(FieldSelector.Parse("metadata.name==x", pods).IsEmpty);
        var e = Assert.Throws<ApiException>(() => FieldSelector.Parse("spec.unschedulable=true", pods));
        Assert.Equal("field label not supported: spec.unschedulable", e.Message);
    }

    [Fact]
    public void Yaml_ScalarsBecomeJsonTypes_QuotedStaysString()
    {
        var node = YamlToJson.Convert("a: 1\nb: true\nc: \"2\"\nd: ~\ne: 1.5\nf: hello\ng: [x, 3]\nh: 'false'\n")!.AsObject();
        Assert.Equal(1L, node["a"]!.GetValue<long>());
        Assert.True(node["b"]!.GetValue<bool>());
        Assert.Equal("2", node["c"]!.GetValue<string>());
        Assert.Null(node["d"]);
        Assert.Equal(1.5, node["e"]!.GetValue<double>());
        Assert.Equal("hello", node["f"]!.GetValue<string>());
        Assert.Equal(3L, node["g"]![1]!.GetValue<long>());
        Assert.Equal("false", node["h"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(59, "59s")]
    [InlineData(119, "119s")]
    [InlineData(122, "2m2s")]
    [InlineData(600, "10m")]
    [InlineData(3 * 3600 + 300, "3h5m")]
    [InlineData(20 * 3600, "20h")]
    [InlineData(4 * 86400 + 5 * 3600, "4d5h")]
    [InlineData(400 * 86400, "400d")]
    [InlineData(800 * 86400, "2y70d")]
    public void Age_FollowsKubectlHumanDuration(int seconds, string expected) =>
        Assert.Equal(expected, Age.Human(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void ContinueToken_RoundTrips_AndRejectsGarbage()
    {
        var t = new ContinueToken(42, "ns", "name-1");
        Assert.Equal(t, ContinueToken.Decode(t.Encode()));
        Assert.Equal(400, Assert.Throws<ApiException>(() => ContinueToken.Decode("not-a-token")).Code);
    }

    [Theory]
    [InlineData("application/json;as=Table;v=v1;g=meta.k8s.io,application/json", ResponseKind.Table)]
    [InlineData("application/json;as=Table;v=v1beta1;g=meta.k8s.io", ResponseKind.Table)]
    [InlineData("application/vnd.kubernetes.protobuf,application/json", ResponseKind.Json)]
    [InlineData("application/json, */*", ResponseKind.Json)]
    [InlineData("", ResponseKind.Json)]
    public void Accept_Negotiation(string accept, ResponseKind expected) =>
        Assert.Equal(expected, ResponseFormat.Negotiate(accept, null, tableAllowed: true, discoveryAllowed: false).Kind);

    [Fact]
    public void UnknownFields_ReportsPaths_AndPrunes()
    {
        var pod = JsonNode.Parse("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"any":"x"}},"spec":{"containers":[{"name":"c","image":"i","oops":1}],"nodeSelector":{"k":"v"},"bogus":{}}}""")!.AsObject();
        var found = UnknownFields.Find(pod, typeof(k8s.Models.V1Pod), prune: true);
        Assert.Equal(new[] { "spec.containers[0].oops", "spec.bogus" }, found);
        Assert.Null(pod["spec"]!["bogus"]);
        Assert.Equal("v", pod["spec"]!["nodeSelector"]!["k"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(NameRule.Subdomain, "web.example-1", true)]
    [InlineData(NameRule.Subdomain, "Web", false)]
    [InlineData(NameRule.Label, "a.b", false)]
    [InlineData(NameRule.Dns1035, "1abc", false)]
    [InlineData(NameRule.PathSegment, "system:admin", true)]
    public void NameRules_Validate(NameRule rule, string name, bool valid) =>
        Assert.Equal(valid, NameRules.Check(rule, name).Count == 0);

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "" }, true)]
    [InlineData(new[] { "true" }, true)]
    [InlineData(new[] { "True" }, true)]
    [InlineData(new[] { "1" }, true)]
    [InlineData(new[] { "yes" }, true)]
    [InlineData(new[] { "false" }, false)]
    [InlineData(new[] { "FALSE" }, false)]
    [InlineData(new[] { "0" }, false)]
    [InlineData(new[] { "0", "true" }, false)] // the first value counts
    public void QueryBooleans_AreFalseOnlyWhenAbsentZeroOrFalse(string[] values, bool expected) =>
        Assert.Equal(expected, PracticeK8s.Sandbox.Api.QueryBoolean.Parse(new Microsoft.Extensions.Primitives.StringValues(values)));
}
