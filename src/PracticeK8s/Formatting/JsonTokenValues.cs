using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PracticeK8s.Engine.Presentation.Views;

namespace PracticeK8s.Formatting;

/// <summary>
/// Hands an API object's nested fields to PowerShell as <see cref="JsonMap"/>s. ConvertTo-Json passes
/// a Json.NET JObject to Json.NET whole instead of walking it with its -Depth limit (default 2), so
/// `Get-KubePod web | ConvertTo-Json` writes the complete API JSON, as `kubectl get -o json` does.
/// Json.NET is PowerShell's own copy (the module compiles against it and does not ship it).
/// </summary>
internal static class JsonTokenValues
{
    public static object? From(JsonNode node) => node switch
    {
        JsonObject => new JsonMap(Parse(node.ToJsonString())),
        JsonArray list => list.Select(item => item is null ? null : From(item)).ToArray(),
        _ => ApiObjectViews.PlainValue(node),
    };

    private static JObject Parse(string json)
    {
        // Timestamps stay the server's text (Json.NET would turn them into DateTime and reformat them).
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }
}
