using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PracticeK8s.Engine.Yaml;

/// <summary>
/// Writes JSON nodes as YAML the way `kubectl get -o yaml` does: block style, map keys sorted,
/// two-space indentation with list items at their parent's level, strings quoted only when
/// they would otherwise read as another type, multi-line strings as literal blocks.
/// </summary>
public static class YamlWriter
{
    public static string Write(JsonNode? node)
    {
        var text = new StringBuilder();
        WriteValue(text, node, 0, inList: false, atLineStart: true);
        if (text.Length == 0 || text[^1] != '\n')
            text.Append('\n');
        return text.ToString();
    }

    public static string WriteAll(IEnumerable<JsonNode?> documents) =>
        string.Join("---\n", documents.Select(Write));

    private static void WriteValue(StringBuilder text, JsonNode? node, int indent, bool inList, bool atLineStart)
    {
        switch (node)
        {
            case JsonObject map when map.Count > 0:
                WriteMap(text, map, indent, firstInline: inList);
                break;
            case JsonArray list when list.Count > 0:
                WriteList(text, list, indent);
                break;
            default:
                text.Append(Scalar(node, indent)).Append('\n');
                break;
        }
    }

    private static void WriteMap(StringBuilder text, JsonObject map, int indent, bool firstInline)
    {
        bool first = true;
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!(first && firstInline))
                text.Append(' ', indent);
            first = false;
            text.Append(Key(key)).Append(':');
            switch (value)
            {
                case JsonObject child when child.Count > 0:
                    text.Append('\n');
                    WriteMap(text, child, indent + 2, firstInline: false);
                    break;
                case JsonArray list when list.Count > 0:
                    text.Append('\n');
                    WriteList(text, list, indent);
                    break;
                default:
                    text.Append(' ').Append(Scalar(value, indent + 2)).Append('\n');
                    break;
            }
        }
    }

    private static void WriteList(StringBuilder text, JsonArray list, int indent)
    {
        foreach (var item in list)
        {
            text.Append(' ', indent).Append("- ");
            switch (item)
            {
                case JsonObject map when map.Count > 0:
                    WriteMap(text, map, indent + 2, firstInline: true);
                    break;
                case JsonArray inner when inner.Count > 0:
                    text.Append('\n');
                    WriteList(text, inner, indent + 2);
                    break;
                default:
                    text.Append(Scalar(item, indent + 2)).Append('\n');
                    break;
            }
        }
    }

    private static string Key(string key) => NeedsQuotes(key) ? Quote(key) : key;

    private static string Scalar(JsonNode? node, int indent)
    {
        switch (node)
        {
            case null:
                return "null";
            case JsonObject:
                return "{}";
            case JsonArray:
                return "[]";
        }
        switch (node.GetValueKind())
        {
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Number:
                return node.ToJsonString();
            case JsonValueKind.Null:
                return "null";
        }
        var s = node.GetValue<string>();
        if (s.Contains('\n') && !s.Contains('\r') && s.Trim(' ', '\n').Length > 0 && !s.Any(c => char.IsControl(c) && c != '\n'))
        {
            var pad = new string(' ', indent);
            var chomp = s.EndsWith("\n\n", StringComparison.Ordinal) ? "+" : s.EndsWith('\n') ? "" : "-";
            var lead = s.StartsWith(' ') ? "2" : "";
            var body = s.EndsWith('\n') ? s[..^1] : s;
            if (chomp == "+")
                body = s[..^1];
            var lines = body.Split('\n').Select(l => l.Length == 0 ? "" : pad + l);
            return $"|{lead}{chomp}\n" + string.Join("\n", lines);
        }
        return NeedsQuotes(s) ? Quote(s) : s;
    }

    private static bool NeedsQuotes(string s)
    {
        if (s.Length == 0)
            return true;
        if (s is "~" or "null" or "Null" or "NULL" or "true" or "True" or "TRUE" or "false" or "False" or "FALSE"
            or "y" or "Y" or "yes" or "Yes" or "YES" or "n" or "N" or "no" or "No" or "NO" or "on" or "On" or "ON" or "off" or "Off" or "OFF")
            return true;
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || s.StartsWith("0x", StringComparison.Ordinal)
            || s is ".inf" or "-.inf" or ".nan" or ".Inf" or ".NaN")
            return true;
        if (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]))
            return true;
        // YAML 1.1 readers (PyYAML, go-yaml v2, older tools) take 2026-12-07 and 2026-12-07T14:19:49Z as timestamps.
        if (LooksLikeTimestamp(s))
            return true;
        if (",[]{}#&*!|>'\"%@`".Contains(s[0]))
            return true;
        if (s[0] is '-' or '?' or ':' && (s.Length == 1 || s[1] == ' '))
            return true;
        if (s.Contains(": ", StringComparison.Ordinal) || s.Contains(" #", StringComparison.Ordinal) || s.EndsWith(':'))
            return true;
        return s.Any(c => char.IsControl(c) || c == '\uFEFF');
    }

    private static readonly System.Text.RegularExpressions.Regex Timestamp =
        new(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:$|[Tt \t])", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static bool LooksLikeTimestamp(string s) => Timestamp.IsMatch(s);

    private static string Quote(string s)
    {
        if (!s.Any(c => char.IsControl(c)))
            return "'" + s.Replace("'", "''") + "'";
        var text = new StringBuilder("\"");
        foreach (var c in s)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }
}
