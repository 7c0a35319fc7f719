using System.Text.Json.Nodes;

namespace PracticeK8s.Sandbox.OpenApi.Schemas;

/// <summary>
/// Schemas of the wire types KubernetesClient maps onto CLR types (DateTime, ResourceQuantity,
/// IntOrString, object), and which of those a property means where the CLR type alone cannot
/// tell (Time or MicroTime; RawExtension, FieldsV1 or an apiextensions JSON value).
/// </summary>
internal static class SpecialSchemas
{
    /// <summary>(kind, JSON property) pairs whose DateTime is a MicroTime (6 fraction digits) rather than a Time.</summary>
    private static readonly HashSet<(string Kind, string Property)> MicroTimeProperties =
    [
        ("Event", "eventTime"), ("EventSeries", "lastObservedTime"),
        ("LeaseSpec", "acquireTime"), ("LeaseSpec", "renewTime"),
        ("LeaseCandidateSpec", "pingTime"), ("LeaseCandidateSpec", "renewTime"),
    ];

    /// <summary>(kind, JSON property) pairs whose CLR type is plain object, and the schema they hold.</summary>
    private static readonly Dictionary<(string Kind, string Property), string> ObjectProperties = new()
    {
        [("ManagedFieldsEntry", "fieldsV1")] = SchemaNames.FieldsV1,
        [("CustomResourceSubresources", "status")] = SchemaNames.CustomResourceSubresourceStatus,
        [("JSONSchemaProps", "default")] = SchemaNames.Json,
        [("JSONSchemaProps", "example")] = SchemaNames.Json,
        [("JSONSchemaProps", "enum")] = SchemaNames.Json,
        [("JSONSchemaProps", "items")] = SchemaNames.JsonSchemaPropsOrArray,
        [("JSONSchemaProps", "additionalItems")] = SchemaNames.JsonSchemaPropsOrBool,
        [("JSONSchemaProps", "additionalProperties")] = SchemaNames.JsonSchemaPropsOrBool,
        [("JSONSchemaProps", "dependencies")] = SchemaNames.JsonSchemaPropsOrStringArray,
    };

    public static string DateTimeSchema(string kind, string jsonProperty) =>
        MicroTimeProperties.Contains((kind, jsonProperty)) ? SchemaNames.MicroTime : SchemaNames.Time;

    /// <summary>The schema an object-typed property refers to; embedded objects default to RawExtension.</summary>
    public static string ObjectSchema(string kind, string jsonProperty) =>
        ObjectProperties.GetValueOrDefault((kind, jsonProperty), SchemaNames.RawExtension);

    /// <summary>The definitions of the schemas above, by name.</summary>
    public static JsonObject? Definition(string name) => name switch
    {
        SchemaNames.Time => new JsonObject
        {
            ["description"] = "Time is a timestamp in RFC 3339 form with second precision, in UTC (for example 2026-01-01T10:00:00Z).",
            ["format"] = "date-time", ["type"] = "string",
        },
        SchemaNames.MicroTime => new JsonObject
        {
            ["description"] = "MicroTime is a timestamp in RFC 3339 form with microsecond precision (six fraction digits), in UTC.",
            ["format"] = "date-time", ["type"] = "string",
        },
        SchemaNames.Quantity => new JsonObject
        {
            ["description"] = "Quantity is a fixed-point number with an optional suffix: a binary SI suffix (Ki, Mi, Gi, Ti, Pi, Ei), " +
                              "a decimal SI suffix (m, k, M, G, T, P, E) or a decimal exponent (e3, E6). Examples: 100m, 1.5, 128Mi. " +
                              "It is serialised as a string; plain JSON numbers are accepted on input.",
            ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "number" }),
        },
        SchemaNames.IntOrString => new JsonObject
        {
            ["description"] = "IntOrString holds either an int32 or a string, and produces or consumes the inner type in JSON and YAML, " +
                              "so that a field can take a name or a number (for example a port).",
            ["format"] = "int-or-string",
            ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" }),
            ["x-kubernetes-int-or-string"] = true,
        },
        SchemaNames.RawExtension => Object("RawExtension holds an embedded object of any kind, serialised as its own JSON (with apiVersion and kind)."),
        SchemaNames.FieldsV1 => Object("FieldsV1 is the set of fields a manager owns, as a trie in JSON: keys are '.' (the field itself), " +
                                       "'f:<name>' (a field or map key), 'v:<value>' (a set element), 'i:<index>' (a list position) or " +
                                       "'k:<keys>' (a list-map element by its key fields); a key mapping to an empty object is in the set."),
        SchemaNames.Patch => Object("Patch names the body of a PATCH request; its format is given by the request's Content-Type."),
        SchemaNames.Json => new JsonObject
        {
            ["description"] = "JSON is any valid JSON value: boolean, integer, number, string, array, object or null.",
        },
        SchemaNames.JsonSchemaPropsOrArray => new JsonObject
        {
            ["description"] = "JSONSchemaPropsOrArray is either a JSON schema or an array of JSON schemas.",
        },
        SchemaNames.JsonSchemaPropsOrBool => new JsonObject
        {
            ["description"] = "JSONSchemaPropsOrBool is either a JSON schema or a boolean; true allows any value, false none.",
        },
        SchemaNames.JsonSchemaPropsOrStringArray => new JsonObject
        {
            ["description"] = "JSONSchemaPropsOrStringArray is either a JSON schema or an array of property names.",
        },
        SchemaNames.CustomResourceSubresourceStatus => Object(
            "CustomResourceSubresourceStatus enables the /status subresource: the main resource ignores changes to .status " +
            "and the status subresource ignores everything else."),
        _ => null,
    };

    private static JsonObject Object(string description) => new() { ["description"] = description, ["type"] = "object" };
}
