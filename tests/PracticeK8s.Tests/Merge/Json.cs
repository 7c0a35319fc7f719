using System.Text.Json.Nodes;
using PracticeK8s.Merge;

namespace PracticeK8s.Tests.Merge;

/// <summary>Test shorthands: JSON written with single quotes, and comparisons that show both sides on failure.</summary>
internal static class Json
{
    /// <summary>Parses JSON written with single quotes instead of double quotes.</summary>
    public static JsonNode? Parse(string text) => JsonNode.Parse(text.Replace('\'', '"'));

    public static JsonObject Obj(string text) => (JsonObject)Parse(text)!;

    /// <summary>Asserts semantic equality (object key order ignored, list order significant).</summary>
    public static void Equal(string expected, JsonNode? actual) => Equal(Parse(expected), actual);

    public static void Equal(JsonNode? expected, JsonNode? actual)
    {
        if (!JsonNode.DeepEquals(Normalize(expected), Normalize(actual)))
        {
            Assert.Fail($"JSON differs.\nexpected: {Text(expected)}\nactual:   {Text(actual)}");
        }
    }

    /// <summary>Asserts the exact serialized text, key order included (kubectl sends sorted keys).</summary>
    public static void Exact(string expected, JsonNode? actual) =>
        Assert.Equal(Parse(expected)!.ToJsonString(), actual?.ToJsonString());

    public static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";

    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Normalize).ToArray()),
        _ => node?.DeepClone(),
    };

    public static PatchException Throws(Action action) => Assert.Throws<PatchException>(action);
}
