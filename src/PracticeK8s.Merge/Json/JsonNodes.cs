using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>Small helpers over System.Text.Json nodes used by every patch algorithm.</summary>
internal static class JsonNodes
{
    /// <summary>A node that can be attached to a new parent: the node itself if it has none, else a deep copy.</summary>
    public static JsonNode? Own(JsonNode? node) => node is null || node.Parent is null ? node : node.DeepClone();

    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    public static bool IsObject(JsonNode? node) => node is JsonObject;

    public static bool IsArray(JsonNode? node) => node is JsonArray;

    /// <summary>The shape of a node, the way Go's <c>reflect.TypeOf</c> tells decoded JSON values apart.</summary>
    public static JsonValueKind ShapeOf(JsonNode? node) => node switch
    {
        null => JsonValueKind.Null,
        JsonObject => JsonValueKind.Object,
        JsonArray => JsonValueKind.Array,
        _ => node.GetValueKind() switch
        {
            JsonValueKind.True or JsonValueKind.False => JsonValueKind.True,
            var other => other,
        },
    };

    /// <summary>Detaches and returns the items of an array so they can be placed elsewhere.</summary>
    public static List<JsonNode?> TakeItems(JsonArray array)
    {
        var items = array.ToList();
        array.Clear();
        return items;
    }

    public static JsonArray ToArray(IEnumerable<JsonNode?> items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(Own(item));
        }

        return array;
    }

    /// <summary>A copy of the object with keys sorted ordinally at every level, as Go's encoding/json writes maps.</summary>
    public static JsonNode? SortKeys(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, SortKeys(p.Value)))),
        JsonArray array => new JsonArray(array.Select(SortKeys).ToArray()),
        _ => node?.DeepClone(),
    };

    public static string Compact(JsonNode? node) => node?.ToJsonString() ?? "null";

    /// <summary>The text Go's <c>fmt.Sprintf("%v")</c> gives a decoded JSON scalar; used to sort like kubectl does.</summary>
    public static string GoText(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return "<nil>";
            case JsonObject or JsonArray:
                return node.ToJsonString();
        }

        var value = node.AsValue();
        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => GoFloat(JsonEquality.ToDouble(value)),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => "<nil>",
        };
    }

    /// <summary>Go's <c>%v</c> of a float64: shortest digits, exponent form when the exponent is below -4 or at least 6.</summary>
    private static string GoFloat(double value)
    {
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest.StartsWith('-');
        var parts = shortest.TrimStart('-').Split('E', 'e');
        var exponent10 = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        var pointAt = parts[0].IndexOf('.');
        var intPart = pointAt < 0 ? parts[0] : parts[0][..pointAt];
        var digits = intPart + (pointAt < 0 ? string.Empty : parts[0][(pointAt + 1)..]);
        var decimalPoint = intPart.Length + exponent10;
        var trimmed = digits.TrimStart('0');
        decimalPoint -= digits.Length - trimmed.Length;
        digits = trimmed.TrimEnd('0');
        if (digits.Length == 0)
        {
            return "0";
        }

        var exponent = decimalPoint - 1;
        string text;
        if (exponent < -4 || exponent >= 6)
        {
            text = ExponentForm(digits, exponent);
        }
        else if (decimalPoint <= 0)
        {
            text = "0." + new string('0', -decimalPoint) + digits;
        }
        else if (decimalPoint >= digits.Length)
        {
            text = digits + new string('0', decimalPoint - digits.Length);
        }
        else
        {
            text = digits[..decimalPoint] + "." + digits[decimalPoint..];
        }

        return negative ? "-" + text : text;
    }

    private static string ExponentForm(string digits, int exponent)
    {
        var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
        var sign = exponent < 0 ? "-" : "+";
        var magnitude = Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        return mantissa + "e" + sign + magnitude;
    }
}
