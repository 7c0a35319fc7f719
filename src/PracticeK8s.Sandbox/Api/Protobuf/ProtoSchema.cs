namespace PracticeK8s.Sandbox.Api.Protobuf;

public enum ProtoType
{
    String, Int, Bool, Bytes, Message, StringMap, BytesMap,
    /// <summary>intstr.IntOrString {type, intVal, strVal} → a JSON number or string.</summary>
    IntOrString,
    /// <summary>resource.Quantity {string} → its string.</summary>
    Quantity,
    /// <summary>map&lt;string, Quantity&gt; (resource lists).</summary>
    QuantityMap,
    /// <summary>An embedded Go struct (<c>json:",inline"</c>): its fields belong to the parent object.</summary>
    Inline,
}

/// <summary>
/// One field of a k8s.io/api generated.proto message: number → JSON name and type. Go's proto2 encoding
/// writes every non-pointer field, zero or not; JSON omits them (omitempty), so zero values and empty
/// messages are dropped unless the Go field is a pointer (<see cref="Pointer"/>: an explicit 0, false or {} counts).
/// </summary>
public sealed record ProtoField(string Name, ProtoType Type, bool Repeated = false, string? Message = null, bool Pointer = false);

/// <summary>
/// The generated.proto layouts of the kinds whose protobuf request bodies the sandbox decodes (field
/// numbers from k8s.io/api, checked against what kubectl 1.32's generators send): the objects of
/// <c>kubectl create namespace|configmap|secret|serviceaccount|service|deployment|job|cronjob|
/// poddisruptionbudget|role|clusterrole|rolebinding|clusterrolebinding|quota|priorityclass|ingress</c>
/// and <c>kubectl autoscale</c>, with the pod template fields their <c>--from</c> copies commonly carry.
/// </summary>
public static partial class ProtoSchema
{
    private static ProtoField S(string name, bool repeated = false, bool pointer = false) => new(name, ProtoType.String, repeated, Pointer: pointer);
    private static ProtoField I(string name, bool pointer = false) => new(name, ProtoType.Int, Pointer: pointer);
    private static ProtoField B(string name, bool pointer = false) => new(name, ProtoType.Bool, Pointer: pointer);
    private static ProtoField M(string name, string message, bool repeated = false, bool pointer = false) => new(name, ProtoType.Message, repeated, message, pointer);
    private static ProtoField Map(string name) => new(name, ProtoType.StringMap);
    private static ProtoField IntOrString(string name, bool pointer = false) => new(name, ProtoType.IntOrString, Pointer: pointer);
    private static ProtoField Inline(string message) => new("", ProtoType.Inline, Message: message);
    private static ProtoField Quantities(string name) => new(name, ProtoType.QuantityMap);

    private static Dictionary<int, ProtoField> Fields(params (int Number, ProtoField Field)[] fields) =>
        fields.ToDictionary(f => f.Number, f => f.Field);

    /// <summary>Kinds whose top level is {1: metadata, 2: spec}.</summary>
    private static Dictionary<int, ProtoField> WithSpec(string spec) => Fields((1, M("metadata", "ObjectMeta")), (2, M("spec", spec)));

    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<int, ProtoField>> Messages = Build();

    private static Dictionary<string, IReadOnlyDictionary<int, ProtoField>> Build()
    {
        var all = new Dictionary<string, IReadOnlyDictionary<int, ProtoField>>();
        foreach (var part in new[] { Meta(), Core(), Pods(), Workloads(), Access(), Networking() })
            foreach (var (name, fields) in part) all[name] = fields;
        return all;
    }

    private static Dictionary<string, IReadOnlyDictionary<int, ProtoField>> Meta() => new()
    {
        ["ObjectMeta"] = Fields(
            (1, S("name")), (2, S("generateName")), (3, S("namespace")), (5, S("uid")), (6, S("resourceVersion")),
            (7, I("generation")), (11, Map("labels")), (12, Map("annotations")),
            (13, M("ownerReferences", "OwnerReference", repeated: true)), (14, S("finalizers", repeated: true))),
        ["OwnerReference"] = Fields(
            (1, S("kind")), (3, S("name")), (4, S("uid")), (5, S("apiVersion")), (6, B("controller", pointer: true)),
            (7, B("blockOwnerDeletion", pointer: true))),
        ["LabelSelector"] = Fields((1, Map("matchLabels")), (2, M("matchExpressions", "LabelSelectorRequirement", repeated: true))),
        ["LabelSelectorRequirement"] = Fields((1, S("key")), (2, S("operator")), (3, S("values", repeated: true))),
        ["LocalObjectReference"] = Fields((1, S("name"))),
    };
}
