using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>
/// Deep equality of JSON values as Go code sees decoded JSON (<c>reflect.DeepEqual</c>): object key order
/// does not matter, array order does. Numbers compare by value (<c>1</c> equals <c>1.0</c>), except in
/// <see cref="ApiEquals"/>, which follows Kubernetes' own JSON decoding: integers become int64 and other
/// numbers float64, so <c>1</c> and <c>1.0</c> differ there.
/// </summary>
internal static class JsonEquality
{
    public static bool DeepEquals(JsonNode? a, JsonNode? b) => Equals(a, b, integersDistinct: false);

    /// <summary>Equality as Kubernetes' strategic merge code sees values (int64 and float64 never equal).</summary>
    public static bool ApiEquals(JsonNode? a, JsonNode? b) => Equals(a, b, integersDistinct: true);

    private static bool Equals(JsonNode? a, JsonNode? b, bool integersDistinct)
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
                    if (!ob.TryGetPropertyValue(key, out var other) || !Equals(value, other, integersDistinct))
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
                    if (!Equals(aa[i], ab[i], integersDistinct))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return b is JsonValue && ScalarEquals(a.AsValue(), b.AsValue(), integersDistinct);
        }
    }

    private static bool ScalarEquals(JsonValue a, JsonValue b, bool integersDistinct)
    {
        var kind = a.GetValueKind();
        if (kind != b.GetValueKind())
        {
            return false;
        }

        return kind switch
        {
            JsonValueKind.String => a.GetValue<string>() == b.GetValue<string>(),
            JsonValueKind.Number => NumberEquals(a, b, integersDistinct),
            _ => true, // true/false/null: the kind is the value
        };
    }

    private static bool NumberEquals(JsonValue a, JsonValue b, bool integersDistinct)
    {
        var ta = a.ToJsonString();
        var tb = b.ToJsonString();
        if (ta == tb)
        {
            return true;
        }

        return (!integersDistinct || IsInteger(ta) == IsInteger(tb)) && ToDouble(a) == ToDouble(b);
    }

    private static bool IsInteger(string number) => long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    public static double ToDouble(JsonValue number) =>
        double.Parse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
