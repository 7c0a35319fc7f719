using System.Collections;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using PracticeK8s.Formatting;

namespace PracticeK8s.Tests.Objects;

public sealed class JsonMapTests
{
    private const string Json = """{"name":"web","created":"2026-11-26T15:00:00.120000Z","ports":[{"port":80},8080],"labels":{"app":"web"},"ready":true}""";

    [Fact]
    public void AsAJObject_ItIsTheJsonAsWritten_TimestampsIncluded()
    {
        var map = Assert.IsType<JsonMap>(JsonTokenValues.From(JsonNode.Parse(Json)!));
        Assert.IsAssignableFrom<JObject>(map);
        Assert.Equal(Json, map.ToString(Newtonsoft.Json.Formatting.None));
    }

    [Fact]
    public void AsADictionary_ItHasItsFields_NestedObjectsAgainAsDictionaries()
    {
        IDictionary map = (JsonMap)JsonTokenValues.From(JsonNode.Parse(Json)!)!;
        // What CLIXML reads: the IDictionary enumerator (the plain IEnumerable one is Json.NET's, of JProperty).
        var entries = new Dictionary<string, object?>();
        for (var e = map.GetEnumerator(); e.MoveNext();)
            entries.Add((string)e.Key, e.Value);
        Assert.Equal(["name", "created", "ports", "labels", "ready"], entries.Keys);
        Assert.Equal("2026-11-26T15:00:00.120000Z", entries["created"]);
        var ports = Assert.IsType<object[]>(entries["ports"]);
        Assert.Equal(80L, ((IDictionary)ports[0])["port"]);
        Assert.Equal(8080L, ports[1]);
        Assert.Equal("web", ((IDictionary)entries["labels"]!)["app"]);
        Assert.Equal(true, entries["ready"]);
        Assert.True(map.Contains("labels"));
        Assert.Throws<NotSupportedException>(() => map.Add("x", 1));
    }

    [Fact]
    public void ArraysAndScalars_AreHandedOverPlain()
    {
        var list = Assert.IsType<object[]>(JsonTokenValues.From(JsonNode.Parse("""[{"a":1},"b"]""")!));
        Assert.IsType<JsonMap>(list[0]);
        Assert.Equal("b", list[1]);
        Assert.Equal("text", JsonTokenValues.From(JsonValue.Create("text")));
    }
}
