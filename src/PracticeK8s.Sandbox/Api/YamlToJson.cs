using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PracticeK8s.Sandbox.Api;

/// <summary>
/// YAML request bodies to JSON the way the API server reads them (sigs.k8s.io/yaml): plain scalars
/// become numbers, booleans or null when they look like one; quoted scalars stay strings.
/// </summary>
public static class YamlToJson
{
    public static JsonNode? Convert(string yaml)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(yaml)); }
        catch (YamlException e) { throw ApiException.BadRequest($"error converting YAML to JSON: {e.Message}"); }
        if (stream.Documents.Count == 0) return null;
        return ToNode(stream.Documents[0].RootNode);
    }

    private static JsonNode? ToNode(YamlNode node) => node switch
    {
        YamlMappingNode map => ToObject(map),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToNode).ToArray()),
        YamlScalarNode s => Scalar(s),
        _ => null,
    };

    private static JsonObject ToObject(YamlMappingNode map)
    {
        var o = new JsonObject();
        foreach (var (k, v) in map.Children)
            o[k is YamlScalarNode ks ? ks.Value ?? "" : k.ToString()] = ToNode(v);
        return o;
    }

    private static JsonNode? Scalar(YamlScalarNode s)
    {
        var v = s.Value ?? "";
        if (s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            return JsonValue.Create(v);
        if (!s.Tag.IsEmpty && !s.Tag.IsNonSpecific && s.Tag.Value == "tag:yaml.org,2002:str") return JsonValue.Create(v);
        switch (v)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
            case "true" or "True" or "TRUE": return JsonValue.Create(true);
            case "false" or "False" or "FALSE": return JsonValue.Create(false);
        }
        if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
        if (v.StartsWith("0x", StringComparison.Ordinal) &&
            long.TryParse(v[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex)) return JsonValue.Create(hex);
        if (v.StartsWith("0o", StringComparison.Ordinal))
        {
            try { return JsonValue.Create(System.Convert.ToInt64(v[2..], 8)); } catch (FormatException) { }
        }
        if (LooksLikeFloat(v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return JsonValue.Create(d);
        return JsonValue.Create(v);
    }

    private static bool LooksLikeFloat(string v) =>
        v.Length > 0 && (char.IsDigit(v[0]) || v[0] is '-' or '+' or '.') && v.Any(char.IsDigit) && v.All(c => char.IsDigit(c) || c is '.' or 'e' or 'E' or '-' or '+');
}
