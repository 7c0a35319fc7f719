using System.Text.Json.Nodes;
using PracticeK8s.Engine.Yaml;

namespace PracticeK8s.Tests.Yaml;

public sealed class YamlWriterTests
{
    [Fact]
    public void WritesKubectlStyle_SortedKeysAndListsAtTheParentsIndent()
    {
        var node = JsonNode.Parse("""
            {"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","labels":{"app":"web"}},
             "spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.14.2","ports":[{"containerPort":80}]}]}}}}
            """);
        const string expected = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              labels:
                app: web
              name: web
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                  - image: nginx:1.14.2
                    name: nginx
                    ports:
                    - containerPort: 80

            """;
        Assert.Equal(expected.Replace("\r\n", "\n"), YamlWriter.Write(node));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("123")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("yes")]
    [InlineData("null")]
    [InlineData("- x")]
    [InlineData("a: b")]
    [InlineData(" padded")]
    [InlineData("*star")]
    [InlineData("tab\there")]
    [InlineData("it's")]
    [InlineData("2026-12-07T14:19:49Z")]
    [InlineData("2026-12-07")]
    public void StringsThatWouldReadAsSomethingElse_AreQuotedAndRoundTrip(string value)
    {
        var node = new JsonObject { ["v"] = value, ["n"] = 5, ["b"] = false, ["e"] = new JsonObject(), ["l"] = new JsonArray() };
        var text = YamlWriter.Write(node);
        var back = Assert.Single(YamlDocuments.Parse(text, "round-trip")).Content!;
        Assert.Equal(value, back["v"]!.GetValue<string>());
        Assert.Equal(5, back["n"]!.GetValue<long>());
        Assert.False(back["b"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("2026-12-07T14:19:49Z")]
    [InlineData("2026-1-7")]
    [InlineData("2026-12-07 14:19:49")]
    public void TimestampsThatYaml11ReadersWouldConvert_AreQuoted(string value) =>
        Assert.Equal($"v: '{value}'\n", YamlWriter.Write(new JsonObject { ["v"] = value }));

    [Fact]
    public void MultiLineStrings_AreLiteralBlocksThatRoundTrip()
    {
        foreach (var value in new[] { "line1\nline2\n", "line1\nline2", "a\n\n", "  indented\nnext\n" })
        {
            var text = YamlWriter.Write(new JsonObject { ["data"] = new JsonObject { ["script"] = value } });
            Assert.Contains("|", text);
            var back = Assert.Single(YamlDocuments.Parse(text, "x")).Content!;
            Assert.Equal(value, back["data"]!["script"]!.GetValue<string>());
        }
    }

    [Fact]
    public void NestedLists_RoundTrip()
    {
        var node = JsonNode.Parse("""{"a":[[1,2],[{"x":"y"}],[]],"b":[{"c":[{"d":1}]}]}""")!;
        var back = Assert.Single(YamlDocuments.Parse(YamlWriter.Write(node), "x")).Content!;
        Assert.Equal(node.ToJsonString(), back.ToJsonString());
    }
}
