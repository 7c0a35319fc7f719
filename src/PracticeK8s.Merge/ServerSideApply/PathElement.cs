using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

public enum PathElementKind
{
    /// <summary>A field of a struct or a key of a map: <c>f:name</c>.</summary>
    Field,

    /// <summary>An element of a <c>map</c> list, by its key fields: <c>k:{"name":"web"}</c>.</summary>
    Key,

    /// <summary>An element of a <c>set</c> list, by its value: <c>v:"finalizer"</c>.</summary>
    Value,

    /// <summary>A list position (rare): <c>i:0</c>.</summary>
    Index,
}

/// <summary>
/// One step of a field path, in the serialized form managedFields use (<c>f:</c>, <c>k:</c>, <c>v:</c>,
/// <c>i:</c>). Two elements are equal when their serialized forms are: key fields are written in name
/// order, values as compact JSON.
/// </summary>
public readonly struct PathElement : IEquatable<PathElement>, IComparable<PathElement>
{
    private PathElement(PathElementKind kind, string text, string display)
    {
        Kind = kind;
        Serialized = text;
        Display = display;
    }

    public PathElementKind Kind { get; }

    /// <summary>The managedFields form, e.g. <c>f:spec</c> or <c>k:{"containerPort":80,"protocol":"TCP"}</c>.</summary>
    public string Serialized { get; }

    /// <summary>The conflict-message form, e.g. <c>.spec</c> or <c>[containerPort=80,protocol="TCP"]</c>.</summary>
    public string Display { get; }

    /// <summary>The field name of a <see cref="PathElementKind.Field"/> element.</summary>
    public string? FieldName => Kind == PathElementKind.Field ? Serialized[2..] : null;

    public static PathElement Field(string name) => new(PathElementKind.Field, "f:" + name, "." + name);

    /// <summary>A map-list element identified by <paramref name="keys"/> (field name → scalar value).</summary>
    public static PathElement Key(IEnumerable<KeyValuePair<string, JsonNode?>> keys)
    {
        var sorted = keys.OrderBy(k => k.Key, StringComparer.Ordinal).ToList();
        var json = new JsonObject(sorted.Select(k => KeyValuePair.Create(k.Key, JsonNodes.Clone(k.Value))));
        var display = string.Join(",", sorted.Select(k => $"{k.Key}={ValueText(k.Value)}"));
        return new PathElement(PathElementKind.Key, "k:" + json.ToJsonString(), "[" + display + "]");
    }

    public static PathElement Value(JsonNode? value) =>
        new(PathElementKind.Value, "v:" + Canonical(value), "[=" + ValueText(value) + "]");

    public static PathElement Index(int index) =>
        new(PathElementKind.Index, "i:" + index.ToString(CultureInfo.InvariantCulture), "[" + index.ToString(CultureInfo.InvariantCulture) + "]");

    /// <summary>Reads the serialized form used as keys of <c>fieldsV1</c>.</summary>
    public static PathElement Parse(string serialized)
    {
        if (serialized.Length < 2 || serialized[1] != ':')
        {
            throw PatchException.BadRequest($"invalid path element {serialized}: expected a prefix such as f: k: v: i:");
        }

        var body = serialized[2..];
        try
        {
            switch (serialized[0])
            {
                case 'f':
                    return Field(body);
                case 'k':
                    var keys = JsonNode.Parse(body) as JsonObject ?? throw new JsonException("not an object");
                    return Key(keys.Select(p => KeyValuePair.Create(p.Key, p.Value)));
                case 'v':
                    return Value(JsonNode.Parse(body));
                case 'i':
                    return Index(int.Parse(body, NumberStyles.None, CultureInfo.InvariantCulture));
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or OverflowException)
        {
            throw PatchException.BadRequest($"invalid path element {serialized}: {e.Message}");
        }

        throw PatchException.BadRequest($"invalid path element {serialized}: unknown prefix");
    }

    /// <summary>Fields sort before keys, keys before values, values before indices; then by text.</summary>
    public int CompareTo(PathElement other) =>
        Kind != other.Kind ? Kind.CompareTo(other.Kind) : string.CompareOrdinal(Serialized, other.Serialized);

    public bool Equals(PathElement other) => Serialized == other.Serialized;

    public override bool Equals(object? obj) => obj is PathElement other && Equals(other);

    public override int GetHashCode() => Serialized?.GetHashCode(StringComparison.Ordinal) ?? 0;

    public override string ToString() => Display;

    private static string Canonical(JsonNode? value) => JsonNodes.Compact(JsonNodes.SortKeys(value));

    /// <summary>Strings quoted, other values as JSON.</summary>
    private static string ValueText(JsonNode? value) => Canonical(value);
}
