using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace PracticeK8s.Merge;

/// <summary>What a JSON value at some place of a built-in object is.</summary>
internal enum SchemaShape
{
    /// <summary>A model class: named fields.</summary>
    Struct,

    /// <summary>A JSON array of <see cref="SchemaNode.Element"/>.</summary>
    List,

    /// <summary>A JSON object with free keys and <see cref="SchemaNode.Element"/> values (labels, resources.limits).</summary>
    Map,

    /// <summary>A string, number, boolean, quantity, int-or-string or timestamp.</summary>
    Scalar,

    /// <summary>Free-form JSON (unknown fields, raw extensions): maps merge, lists are replaced.</summary>
    Untyped,
}

/// <summary>One field of a struct: its JSON name, its value's schema and its patch metadata.</summary>
internal sealed record SchemaField(string Name, SchemaNode Node, ListSemantics? List, string? Strategy, string? MapType)
{
    /// <summary>The value is owned and replaced as one leaf by server-side apply.</summary>
    public bool IsAtomic =>
        MapType == "atomic" ||
        (MapType != "granular" && Node.Shape == SchemaShape.Struct && Node.IsAtomicType) ||
        (Node.Shape == SchemaShape.List && (List ?? ListSemantics.Atomic).ListType == "atomic");
}

/// <summary>
/// The schema of built-in objects, read by reflection from KubernetesClient's model classes
/// (their properties carry <see cref="JsonPropertyNameAttribute"/>) and decorated with the hand-written
/// patch metadata of <see cref="KnownFields"/>. Nodes are built lazily and cached per CLR type.
/// </summary>
internal sealed class SchemaNode
{
    private static readonly ConcurrentDictionary<Type, SchemaNode> ByType = new();

    public static readonly SchemaNode Untyped = new(SchemaShape.Untyped, null, null);

    public static readonly SchemaNode Scalar = new(SchemaShape.Scalar, null, null);

    private readonly Lazy<IReadOnlyDictionary<string, SchemaField>> fields;

    private SchemaNode(SchemaShape shape, Type? modelType, Func<SchemaNode>? element)
    {
        Shape = shape;
        ModelType = modelType;
        elementFactory = element;
        fields = new Lazy<IReadOnlyDictionary<string, SchemaField>>(ReadFields);
    }

    private readonly Func<SchemaNode>? elementFactory;
    private SchemaNode? element;

    public SchemaShape Shape { get; }

    /// <summary>The KubernetesClient model class of a struct node.</summary>
    public Type? ModelType { get; }

    /// <summary>The element of a list or the value of a map; <see cref="Untyped"/> otherwise.</summary>
    public SchemaNode Element => element ??= elementFactory?.Invoke() ?? Untyped;

    /// <summary>The struct type carries <c>x-kubernetes-map-type: atomic</c>.</summary>
    public bool IsAtomicType => ModelType is not null && KnownFields.AtomicTypes.Contains(ModelType.Name);

    public IReadOnlyDictionary<string, SchemaField> Fields => fields.Value;

    /// <summary>The field <paramref name="name"/> of this node; untyped (no metadata) if unknown.</summary>
    public SchemaField Field(string name)
    {
        switch (Shape)
        {
            case SchemaShape.Struct when Fields.TryGetValue(name, out var field):
                return field;
            case SchemaShape.Map:
                return new SchemaField(name, Element, null, null, null);
            default:
                return new SchemaField(name, Untyped, null, null, null);
        }
    }

    public static SchemaNode For(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (ByType.TryGetValue(type, out var cached))
        {
            return cached;
        }

        var node = Create(type);
        return ByType.GetOrAdd(type, node);
    }

    private static SchemaNode Create(Type type)
    {
        if (type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(decimal) ||
            type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(byte[]) ||
            type.Name is "IntOrString" or "ResourceQuantity")
        {
            return Scalar;
        }

        if (type == typeof(object) || type.FullName == "System.Text.Json.JsonElement")
        {
            return Untyped;
        }

        if (type.IsGenericType)
        {
            var arguments = type.GetGenericArguments();
            if (arguments.Length == 2 && ImplementsDictionary(type))
            {
                return new SchemaNode(SchemaShape.Map, null, () => For(arguments[1]));
            }

            if (arguments.Length == 1 && ImplementsEnumerable(type))
            {
                return new SchemaNode(SchemaShape.List, null, () => For(arguments[0]));
            }
        }

        if (type.IsClass && type.Namespace == "k8s.Models")
        {
            return new SchemaNode(SchemaShape.Struct, type, null);
        }

        return Untyped;
    }

    private static bool ImplementsDictionary(Type type) =>
        type.GetGenericTypeDefinition() is var d &&
        (d == typeof(IDictionary<,>) || d == typeof(Dictionary<,>) || d == typeof(IReadOnlyDictionary<,>));

    private static bool ImplementsEnumerable(Type type) =>
        type.GetGenericTypeDefinition() is var d &&
        (d == typeof(IList<>) || d == typeof(List<>) || d == typeof(IEnumerable<>) ||
         d == typeof(ICollection<>) || d == typeof(IReadOnlyList<>));

    private IReadOnlyDictionary<string, SchemaField> ReadFields()
    {
        var result = new Dictionary<string, SchemaField>(StringComparer.Ordinal);
        if (ModelType is null)
        {
            return result;
        }

        foreach (var property in ModelType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var jsonName = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            if (jsonName is null)
            {
                continue;
            }

            var key = (ModelType.Name, jsonName);
            var node = For(property.PropertyType);
            KnownFields.Lists.TryGetValue(key, out var list);
            if (list is null && node.Shape == SchemaShape.List)
            {
                list = ListSemantics.Atomic;
            }

            KnownFields.Strategies.TryGetValue(key, out var strategy);
            KnownFields.FieldMapTypes.TryGetValue(key, out var mapType);
            result[jsonName] = new SchemaField(jsonName, node, node.Shape == SchemaShape.List ? list : null, strategy ?? list?.PatchStrategy, mapType);
        }

        return result;
    }
}
