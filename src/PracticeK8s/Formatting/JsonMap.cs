using System.Collections;
using System.Collections.Specialized;
using Newtonsoft.Json.Linq;

namespace PracticeK8s.Formatting;

/// <summary>
/// A JSON object that PowerShell's two serializers each read their own way: ConvertTo-Json takes it
/// as a JObject and writes it whole; CLIXML (Start-Job, Invoke-Command, Export-Clixml) takes it as a
/// dictionary and writes its entries, nested objects again as dictionaries, so a job's copy of an
/// API object keeps every field (as nested hashtables) instead of Json.NET's token lists.
/// </summary>
internal sealed class JsonMap : JObject, IDictionary
{
    public JsonMap(JObject source) : base(source)
    {
    }

    bool IDictionary.Contains(object key) => key is string name && ContainsKey(name);

    object? IDictionary.this[object key]
    {
        get => key is string name && TryGetValue(name, out var token) ? Plain(token) : null;
        set => throw ReadOnly();
    }

    ICollection IDictionary.Keys => Properties().Select(p => p.Name).ToArray();
    ICollection IDictionary.Values => Properties().Select(p => Plain(p.Value)).ToArray();
    bool IDictionary.IsReadOnly => true;
    bool IDictionary.IsFixedSize => true;
    void IDictionary.Add(object key, object? value) => throw ReadOnly();
    void IDictionary.Clear() => throw ReadOnly();
    void IDictionary.Remove(object key) => throw ReadOnly();

    IDictionaryEnumerator IDictionary.GetEnumerator()
    {
        var entries = new OrderedDictionary(StringComparer.Ordinal);
        foreach (var property in Properties())
            entries[property.Name] = Plain(property.Value);
        return entries.GetEnumerator();
    }

    private static object? Plain(JToken token) => token switch
    {
        JObject map => new JsonMap(map),
        JArray list => list.Select(Plain).ToArray(),
        JValue value => value.Value,
        _ => null,
    };

    private static NotSupportedException ReadOnly() => new("the API fields of an object are read-only here");
}
