using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>
/// What the schema says about one position of an object, for server-side apply: the value's schema,
/// the list semantics if it is a list field, whether it is owned as one atomic leaf, whether it is
/// a list element (elements are owned in their own right, as <c>k:</c> or <c>v:</c> paths), and whether
/// Kubernetes' empty object already has it (then it is never added or removed as such).
/// </summary>
internal sealed record Slot(SchemaNode Node, ListSemantics? List, bool Atomic, bool IsListItem, bool AlwaysPresent, string? ParentModel)
{
    /// <summary>
    /// Lists Go always serializes (no <c>omitempty</c>): an empty object already has them, so adding
    /// elements does not make the list itself a new member.
    /// </summary>
    private static readonly HashSet<(string Model, string Field)> AlwaysSerialized = [("V1PodSpec", "containers")];

    /// <summary>
    /// Struct fields Go declares as values, not pointers: an empty object already holds them, so they are
    /// never added or removed as such. Every <c>metadata</c>, <c>spec</c> and <c>status</c> is one; the
    /// other struct fields of the API are pointers except these.
    /// </summary>
    private static readonly HashSet<(string Model, string Field)> ValueStructs =
    [
        ("V1DeploymentSpec", "template"), ("V1ReplicaSetSpec", "template"), ("V1DaemonSetSpec", "template"),
        ("V1StatefulSetSpec", "template"), ("V1JobSpec", "template"), ("V1CronJobSpec", "jobTemplate"),
        ("V1DeploymentSpec", "strategy"), ("V1DaemonSetSpec", "updateStrategy"), ("V1StatefulSetSpec", "updateStrategy"),
        ("V1Container", "resources"), ("V1EphemeralContainer", "resources"), ("V1PersistentVolumeClaimSpec", "resources"),
    ];

    /// <summary>List-map key fields the schema defaults when an element omits them.</summary>
    private static readonly Dictionary<(string Model, string Field), string> KeyDefaults = new()
    {
        [("V1ContainerPort", "protocol")] = "TCP",
        [("V1ServicePort", "protocol")] = "TCP",
    };

    public static Slot Root(SchemaNode node) => new(node, null, false, false, true, null);

    /// <summary>A struct or map value: owned field by field.</summary>
    public bool IsGranularMap => !Atomic && Node.Shape is SchemaShape.Struct or SchemaShape.Map or SchemaShape.Untyped;

    /// <summary>A list whose elements are owned one by one (<c>map</c> or <c>set</c> list).</summary>
    public bool IsGranularList => Node.Shape == SchemaShape.List && List is { ListType: "map" or "set" };

    public Slot Field(string name)
    {
        var field = Node.Field(name);
        var modelName = Node.ModelType?.Name;
        var alwaysPresent = modelName is not null &&
            (AlwaysSerialized.Contains((modelName, name)) ||
             (field.Node.Shape == SchemaShape.Struct && (name is "metadata" or "spec" or "status" || ValueStructs.Contains((modelName, name)))));
        return new Slot(
            field.Node,
            field.Node.Shape == SchemaShape.List ? field.List ?? ListSemantics.Atomic : null,
            field.IsAtomic || (field.Node.Shape == SchemaShape.List && field.List is null),
            false,
            alwaysPresent,
            modelName);
    }

    public Slot Item()
    {
        var element = Node.Element;
        return new Slot(element, null, element.Shape == SchemaShape.Struct && element.IsAtomicType, true, false, null);
    }

    /// <summary>The path element of a list element: its keys for a map list, its value for a set.</summary>
    public PathElement ItemElement(JsonNode? item, int index)
    {
        if (List is { ListType: "set" })
        {
            return PathElement.Value(item);
        }

        if (List is not { ListType: "map" } list)
        {
            return PathElement.Index(index);
        }

        var keys = new List<KeyValuePair<string, JsonNode?>>();
        foreach (var key in list.MapKeys)
        {
            if (item is JsonObject obj && obj.TryGetPropertyValue(key, out var value) && value is not null)
            {
                keys.Add(new KeyValuePair<string, JsonNode?>(key, value));
            }
            else if (Node.Element.ModelType is { } model && KeyDefaults.TryGetValue((model.Name, key), out var fallback))
            {
                keys.Add(KeyValuePair.Create(key, (JsonNode?)JsonValue.Create(fallback)));
            }
            else
            {
                throw PatchException.Invalid($"associative list with keys has an element that omits key field \"{key}\" (and doesn't have default value)");
            }
        }

        return PathElement.Key(keys);
    }
}
