using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PracticeK8s.Engine.Apply;

/// <summary>
/// JSON text exactly as kubectl's Go encoder writes an unstructured object: compact, map keys
/// sorted, HTML characters and U+2028/U+2029 escaped, non-ASCII kept, numbers in Go's float64
/// form, and a trailing newline. The last-applied annotation must match kubectl's byte for byte,
/// or kubectl (and we) would see a change where there is none; System.Text.Json's encoders escape
/// differently, hence this small writer.
/// </summary>
public static class GoJson
{
    /// <summary>The text of json.NewEncoder(w).Encode(value): compact JSON plus "\n".</summary>
    public static string Encode(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(text, node);
        return text.Append('\n').ToString();
    }

    private static void Write(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                return;
            case JsonObject map:
                text.Append('{');
                bool first = true;
                foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                        text.Append(',');
                    first = false;
                    WriteString(text, key);
                    text.Append(':');
                    Write(text, value);
                }
                text.Append('}');
                return;
            case JsonArray list:
                text.Append('[');
                for (int i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                        text.Append(',');
                    Write(text, list[i]);
                }
                text.Append(']');
                return;
        }
        switch (node.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(text, node.GetValue<string>());
                return;
            case JsonValueKind.True:
                text.Append("true");
                return;
            case JsonValueKind.False:
                text.Append("false");
                return;
            case JsonValueKind.Number:
                text.Append(Number(node.ToJsonString()));
                return;
            default:
                text.Append("null");
                return;
        }
    }

    /// <summary>A JSON number as Go writes it after decoding into interface{} (int64 when integral text, else float64).</summary>
    public static string Number(string raw)
    {
        if (long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            return whole.ToString(CultureInfo.InvariantCulture);
        var value = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        return Float(value);
    }

    /// <summary>Go's encoding/json float64: shortest digits, plain form unless below 1e-6 or at least 1e21 ("1e+21", "1.5e-7").</summary>
    public static string Float(double value)
    {
        if (value == 0)
            return "0";
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var abs = Math.Abs(value);
        if (abs < 1e-6 || abs >= 1e21)
        {
            var at = shortest.IndexOf('E');
            var exponent = int.Parse(shortest[(at + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return shortest[..at] + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        }
        return shortest.Contains('E')
            ? decimal.Parse(shortest, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
            : shortest;
    }

    private static void WriteString(StringBuilder text, string s)
    {
        text.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                case < ' ':
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }
}
