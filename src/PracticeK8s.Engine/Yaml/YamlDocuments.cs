using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PracticeK8s.Engine.Yaml;

/// <summary>One document of a YAML stream as JSON, with where it started.</summary>
public sealed record YamlDocument(int Index, int Line, JsonNode? Content);

/// <summary>
/// Reads YAML streams (one or many documents) into JSON nodes the way Kubernetes does
/// (YAML 1.2 core schema: true/false, null/~, integers, floats; everything else a string),
/// and reports malformed input with document, line and column. Nesting is bounded before anything
/// deeper is read, so a hostile file cannot exhaust the stack.
/// </summary>
public static class YamlDocuments
{
    /// <summary>
    /// The deepest nesting of mappings and sequences a document may have (the document's own mapping
    /// is level 1): the depth System.Text.Json reads and writes by default, which every object the
    /// module turns into an API object goes through.
    /// </summary>
    public const int MaxDepth = 64;

    public static IReadOnlyList<YamlDocument> Parse(string text, string source)
    {
        var documents = new List<YamlDocument>();
        var scanner = new Scanner(new StringReader(text), skipComments: true);
        var parser = new Parser(scanner);
        int index = 0;
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out var start))
            {
                index++;
                JsonNode? content = null;
                if (!parser.Accept<DocumentEnd>(out _))
                    content = ReadNode(parser, source, index, 1);
                parser.Consume<DocumentEnd>();
                if (content is not null)
                    documents.Add(new YamlDocument(index, (int)start.Start.Line, content));
            }
            parser.Consume<StreamEnd>();
        }
        catch (YamlException e)
        {
            var (line, column) = Where(e, text);
            throw new KubeYamlException(source, Math.Max(index, 1), line, column, Problem(e), e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this, not a YamlException, for some input cut short.
            throw new KubeYamlException(source, Math.Max(index, 1), (int)scanner.CurrentPosition.Line,
                (int)scanner.CurrentPosition.Column, "unexpected end of the document", e);
        }
        return documents;
    }

    private static JsonNode? ReadNode(IParser parser, string source, int document, int depth)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
            return ScalarValue(scalar);
        if (parser.Current is SequenceStart or MappingStart && depth > MaxDepth)
        {
            var deep = parser.Current;
            throw new KubeYamlException(source, document, (int)deep.Start.Line, (int)deep.Start.Column,
                $"the document nests more than {MaxDepth} levels deep");
        }
        if (parser.TryConsume<SequenceStart>(out _))
        {
            var array = new JsonArray();
            while (!parser.TryConsume<SequenceEnd>(out _))
                array.Add(ReadNode(parser, source, document, depth + 1));
            return array;
        }
        if (parser.TryConsume<MappingStart>(out _))
        {
            var map = new JsonObject();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyEvent = parser.Current!;
                var key = ReadNode(parser, source, document, depth + 1);
                var value = ReadNode(parser, source, document, depth + 1);
                var name = key switch
                {
                    null => "null",
                    JsonValue v => v.ToString(),
                    _ => throw new KubeYamlException(source, document, (int)keyEvent.Start.Line, (int)keyEvent.Start.Column,
                        "a mapping key must be a plain value"),
                };
                if (map.ContainsKey(name))
                {
                    throw new KubeYamlException(source, document, (int)keyEvent.Start.Line, (int)keyEvent.Start.Column,
                        $"mapping key \"{name}\" already defined");
                }
                map[name] = value;
            }
            return map;
        }
        if (parser.TryConsume<AnchorAlias>(out var alias))
            throw new KubeYamlException(source, document, (int)alias.Start.Line, (int)alias.Start.Column, "aliases are not supported");
        var unexpected = parser.Current!;
        throw new KubeYamlException(source, document, (int)unexpected.Start.Line, (int)unexpected.Start.Column,
            $"unexpected {unexpected.GetType().Name}");
    }

    private static JsonNode? ScalarValue(Scalar scalar)
    {
        var value = scalar.Value;
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            return JsonValue.Create(value);
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value is "tag:yaml.org,2002:str")
            return JsonValue.Create(value);
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }
        if (IsInteger(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            return JsonValue.Create(l);
        if (value.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(value[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
            return JsonValue.Create(hex);
        if (IsFloat(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return JsonValue.Create(d);
        return JsonValue.Create(value);
    }

    private static bool IsInteger(string s)
    {
        int i = s.Length > 0 && (s[0] == '-' || s[0] == '+') ? 1 : 0;
        if (i >= s.Length)
            return false;
        for (; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
                return false;
        }
        return true;
    }

    private static bool IsFloat(string s) =>
        System.Text.RegularExpressions.Regex.IsMatch(s, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$");

    /// <summary>
    /// Where the problem is. YamlDotNet places a tab in the indentation at the start of the enclosing
    /// mapping (often line 1, column 1): that case is found in the text instead, as the first line
    /// from there whose indentation holds a tab.
    /// </summary>
    private static (int Line, int Column) Where(YamlException e, string text)
    {
        var innermost = e;
        while (innermost.InnerException is YamlException deeper)
            innermost = deeper;
        var (line, column) = ((int)innermost.Start.Line, (int)innermost.Start.Column);
        if (!innermost.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
            return ((int)e.Start.Line, (int)e.Start.Column);
        var lines = text.Split('\n');
        for (int i = Math.Max(line - 1, 0); i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t');
            if (tab >= 0 && tab < indent)
                return (i + 1, tab + 1);
        }
        return (line, column);
    }

    private static string Problem(YamlException e)
    {
        Exception inner = e;
        while (inner.InnerException is YamlException deeper)
            inner = deeper;
        var message = inner.Message;
        var at = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && at > 0 ? message[(at + 3)..] : message;
    }
}
