using System.Text.Json.Nodes;
using PracticeK8s.Engine.Apply;

namespace PracticeK8s.Tests.Apply;

public sealed class GoJsonTests
{
    [Fact]
    public void Encode_SortsKeysAtEveryLevel_WritesCompactly_EndsWithNewline()
    {
        var node = JsonNode.Parse("""{"b": 1, "a": {"z": [3, {"y": true, "x": null}], "c": "t"}}""");
        Assert.Equal("""{"a":{"c":"t","z":[3,{"x":null,"y":true}]},"b":1}""" + "\n", GoJson.Encode(node));
    }

    [Theory]
    [InlineData("a<b>&c", "\"a\\u003cb\\u003e\\u0026c\"")]
    [InlineData("line\nnext\ttab\r", "\"line\\nnext\\ttab\\r\"")]
    [InlineData("quote\" back\\", "\"quote\\\" back\\\\\"")]
    [InlineData("\u0001\b\f", "\"\\u0001\\b\\f\"")]
    [InlineData("ünïcødé ✓", "\"ünïcødé ✓\"")]
    [InlineData("\u2028\u2029", "\"\\u2028\\u2029\"")]
    public void Strings_AreEscapedLikeGo(string value, string expected) =>
        Assert.Equal(expected + "\n", GoJson.Encode(JsonValue.Create(value)));

    [Theory]
    [InlineData("2", "2")]
    [InlineData("-17", "-17")]
    [InlineData("1.0", "1")]
    [InlineData("0.5", "0.5")]
    [InlineData("1e21", "1e+21")]
    [InlineData("1.5e-7", "1.5e-7")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("123456789012345678", "123456789012345678")]
    [InlineData("1e20", "100000000000000000000")]
    public void Numbers_AreWrittenAsGoWritesDecodedJson(string raw, string expected) =>
        Assert.Equal(expected, GoJson.Number(raw));
}
