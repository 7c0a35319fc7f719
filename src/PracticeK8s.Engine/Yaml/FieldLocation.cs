using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PracticeK8s.Engine.Yaml;

/// <summary>
/// Where a field named by a JSON path ("$.spec.template.spec.containers[0].image", as a
/// <see cref="JsonException"/> gives it) sits in a YAML stream, and how a value of the wrong type is
/// worded for a reader: a schema error then names the field's own line and column, and its type as
/// the API names it ("an integer"), never a .NET name such as Nullable`1.
/// </summary>
public static partial class FieldLocation
{
    /// <summary>The keys and indexes of a JSON path; empty when the path cannot be read.</summary>
    public static IReadOnlyList<object> Segments(string? jsonPath)
    {
        var segments = new List<object>();
        if (string.IsNullOrEmpty(jsonPath))
            return segments;
        foreach (Match m in SegmentPattern().Matches(jsonPath))
        {
            if (m.Groups["key"].Success)
                segments.Add(m.Groups["key"].Value);
            else if (m.Groups["quoted"].Success)
                segments.Add(m.Groups["quoted"].Value);
            else
                segments.Add(int.Parse(m.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        return segments;
    }

    /// <summary>The 1-based line and column of the value at <paramref name="segments"/> in document <paramref name="document"/> (1-based), or null.</summary>
    public static (int Line, int Column)? Find(string text, int document, IReadOnlyList<object> segments)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            for (int index = 1; parser.TryConsume<DocumentStart>(out _); index++)
            {
                if (index == document)
                    return Descend(parser, segments, 0);
                parser.SkipThisAndNestedEvents();
                parser.Consume<DocumentEnd>();
            }
        }
        catch (YamlException)
        {
            // The stream was read once already; a second failure only means no better position.
        }
        return null;
    }

    private static (int Line, int Column)? Descend(IParser parser, IReadOnlyList<object> segments, int depth)
    {
        var start = parser.Current!.Start;
        if (depth == segments.Count)
            return ((int)start.Line, (int)start.Column);
        if (segments[depth] is string key && parser.TryConsume<MappingStart>(out _))
        {
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var name = parser.Consume<Scalar>().Value;
                if (name == key)
                    return Descend(parser, segments, depth + 1);
                parser.SkipThisAndNestedEvents();
            }
        }
        else if (segments[depth] is int wanted && parser.TryConsume<SequenceStart>(out _))
        {
            for (int i = 0; !parser.TryConsume<SequenceEnd>(out _); i++)
            {
                if (i == wanted)
                    return Descend(parser, segments, depth + 1);
                parser.SkipThisAndNestedEvents();
            }
        }
        return null;
    }

    /// <summary>"expected an integer" for "could not be converted to System.Nullable`1[System.Int32]", and so on.</summary>
    public static string Expected(string message)
    {
        var type = ConvertedTo().Match(message) is { Success: true } m ? m.Groups["type"].Value : "";
        var inner = NullableOf().Match(type) is { Success: true } n ? n.Groups["inner"].Value : type;
        return inner switch
        {
            "System.Int32" or "System.Int64" or "System.Int16" or "System.Byte" => "expected an integer",
            "System.Double" or "System.Single" or "System.Decimal" => "expected a number",
            "System.Boolean" => "expected true or false",
            "System.String" => "expected a string",
            "System.DateTime" or "System.DateTimeOffset" => "expected a time (RFC 3339)",
            _ when inner.Contains("List`1", StringComparison.Ordinal) || inner.EndsWith("[]", StringComparison.Ordinal) => "expected a list",
            _ when inner.Contains("Dictionary`2", StringComparison.Ordinal) => "expected a map",
            _ when inner.StartsWith("k8s.Models.", StringComparison.Ordinal) => "expected an object",
            _ => message.Split(". ")[0],
        };
    }

    [GeneratedRegex(@"\.(?<key>[^.\[\]']+)|\['(?<quoted>[^']*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex SegmentPattern();

    [GeneratedRegex(@"converted to (?<type>[\w.`\[\], =]+?)(\. |\.$|$)")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"^System\.Nullable`1\[(?<inner>[\w.]+)\]$")]
    private static partial Regex NullableOf();
}
