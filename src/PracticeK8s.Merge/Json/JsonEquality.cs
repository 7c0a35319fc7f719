using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>
/// Deep equality of JSON values as Kubernetes (Go, <c>reflect.DeepEqual</c> over decoded JSON) sees it:
/// numbers compare by value (<c>1</c> equals <c>1.0</c>), object key order does not matter, array order does.
/// </summary>
internal static class JsonEquality
{
    public static bool DeepEquals(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        switch (a)
        {
            case JsonObject oa:
                if (b is not JsonObject ob || oa.Count != ob.Count)
                {
                    return false;
                }

                foreach (var (key, value) in oa)
                {
                    if (!ob.TryGetPropertyValue(key, out var other) || !DeepEquals(value, other))
                    {
                        return false;
                    }
                }

                return true;
            case JsonArray aa:
                if (b is not JsonArray ab || aa.Count != ab.Count)
                {
                    return false;
                }

                for (var i = 0; i < aa.Count; i++)
                {
                    if (!DeepEquals(aa[i], ab[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return b is JsonValue && ScalarEquals(a.AsValue(), b.AsValue());
        }
    }

    private static bool ScalarEquals(JsonValue a, JsonValue b)
    {
        var kind = a.GetValueKind();
        if (kind != b.GetValueKind())
        {
            return false;
        }

        return kind switch
        {
            JsonValueKind.String => a.GetValue<string>() == b.GetValue<string>(),
            JsonValueKind.Number => NumberEquals(a, b),
            _ => true, // true/false/null: the kind is the value
        };
    }

    private static bool NumberEquals(JsonValue a, JsonValue b)
    {
        var ta = a.ToJsonString();
        var tb = b.ToJsonString();
        return ta == tb || ToDouble(a) == ToDouble(b);
    }

    public static double ToDouble(JsonValue number) =>
        double.Parse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
