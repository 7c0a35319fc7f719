using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PracticeK8s.Sandbox.Api;

/// <summary>
/// YAML request bodies to JSON the way the API server reads them (sigs.k8s.io/yaml): plain scalars
/// become numbers, booleans or null when they look like one; quoted scalars stay strings. Only the
/// first document is read.
/// </summary>
/// <remarks>
/// Built from the parser's events with an explicit stack rather than through YamlStream, whose loader
/// recurses once per nesting level (a 200 KB body of nested flow sequences overflowed the stack) and
/// expands aliases without limit. Here nesting stops at <see cref="BodyLimits.MaxDepth"/> and aliases may
/// add at most <see cref="BodyLimits.MaxAliasExpansion"/> nodes, each checked before the copy is made.
/// </remarks>
public static class YamlToJson
{
    public static JsonNode? Convert(string yaml)
    {
        try { return new YamlJsonBuilder().Build(new Parser(new StringReader(yaml))); }
        catch (YamlException e) { throw ApiException.BadRequest($"error converting YAML to JSON: {e.Message}"); }
    }

    internal static JsonNode? Scalar(Scalar s)
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
