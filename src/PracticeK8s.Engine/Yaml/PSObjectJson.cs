using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using PracticeK8s.Engine.Resources;

namespace PracticeK8s.Engine.Yaml;

/// <summary>
/// Converts between PowerShell values and JSON nodes: emitted API objects (typed models),
/// hashtables, PSCustomObjects (ConvertFrom-Json output) and arrays go to JSON; JSON of kinds
/// without a model becomes PSCustomObjects.
/// </summary>
public static class PSObjectJson
{
    public const string GenericTypeName = "PracticeK8s.KubeObject";

    public static JsonNode? ToJson(object? value, int depth = 0)
    {
        // depth counts the containers around this value: a container here is level depth + 1.
        if (depth >= YamlDocuments.MaxDepth && value is PSObject { BaseObject: PSCustomObject } or IEnumerable and not string)
            throw new InvalidOperationException($"the object nests more than {YamlDocuments.MaxDepth} levels deep");
        if (value is PSObject ps)
        {
            if (ps.BaseObject is not PSCustomObject)
                return ToJson(ps.BaseObject, depth);
            var map = new JsonObject();
            foreach (var property in ps.Properties)
            {
                if (property.MemberType is PSMemberTypes.NoteProperty)
                    map[property.Name] = ToJson(property.Value, depth + 1);
            }
            return map;
        }
        switch (value)
        {
            case null:
                return null;
            case Presentation.Views.IApiObjectView view:
                return ModelTypes.ToJson(view);
            case JsonNode node:
                return node.DeepClone();
            case string s:
                return JsonValue.Create(s);
            case bool b:
                return JsonValue.Create(b);
            case int or long or short or byte or sbyte or uint or ushort or ulong:
                return JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case double or float or decimal:
                return JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture));
            case DateTime dt:
                return JsonValue.Create(dt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            case DateTimeOffset dto:
                return JsonValue.Create(dto.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            case Enum e:
                return JsonValue.Create(e.ToString());
            case IDictionary dictionary:
            {
                var map = new JsonObject();
                foreach (DictionaryEntry entry in dictionary)
                    map[Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!] = ToJson(entry.Value, depth + 1);
                return map;
            }
            case IEnumerable sequence:
            {
                var list = new JsonArray();
                foreach (var item in sequence)
                    list.Add(ToJson(item, depth + 1));
                return list;
            }
        }
        if (value.GetType().Assembly == typeof(V1Pod).Assembly)
            return ModelTypes.ToJson(value);
        return JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture));
    }

    /// <summary>A PSCustomObject tree for JSON (kinds without a model; nested values of generic objects).</summary>
    public static object? ToPSValue(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject map:
            {
                var ps = new PSObject();
                foreach (var (key, child) in map)
                    ps.Properties.Add(new PSNoteProperty(key, ToPSValue(child)));
                return ps;
            }
            case JsonArray list:
                return list.Select(ToPSValue).ToArray();
        }
        return ToScalar(node);
    }

    /// <summary>A JSON string, boolean or number as .NET value (numbers as int when they fit, else long or double).</summary>
    public static object? ToScalar(JsonNode node)
    {
        return node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => long.TryParse(node.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                ? (l is >= int.MinValue and <= int.MaxValue ? (object)(int)l : l)
                : double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    /// <summary>A generic API object (a kind without a model): a PSCustomObject with a type name for formatting.</summary>
    public static PSObject ToGenericObject(JsonObject obj)
    {
        var ps = (PSObject)ToPSValue(obj)!;
        var apiVersion = obj["apiVersion"]?.GetValue<string>() ?? "";
        var kind = obj["kind"]?.GetValue<string>() ?? "";
        ps.TypeNames.Insert(0, GenericTypeName);
        if (kind.Length > 0)
            ps.TypeNames.Insert(0, $"{GenericTypeName}#{apiVersion}/{kind}");
        return ps;
    }
}
