namespace PracticeK8s.Sandbox.Api.Protobuf;

public enum ProtoType { String, Int, Bool, Bytes, Message, StringMap, BytesMap }

/// <summary>One field of a k8s.io/api generated.proto message: number → JSON name and type.</summary>
public sealed record ProtoField(string Name, ProtoType Type, bool Repeated = false, string? Message = null);

/// <summary>
/// The generated.proto layouts of the kinds whose protobuf request bodies the sandbox decodes
/// (field numbers from k8s.io/api). Extend this table to accept more kinds.
/// </summary>
public static class ProtoSchema
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<int, ProtoField>> Messages =
        new Dictionary<string, IReadOnlyDictionary<int, ProtoField>>
        {
            ["ObjectMeta"] = new Dictionary<int, ProtoField>
            {
                [1] = new("name", ProtoType.String),
                [2] = new("generateName", ProtoType.String),
                [3] = new("namespace", ProtoType.String),
                [5] = new("uid", ProtoType.String),
                [6] = new("resourceVersion", ProtoType.String),
                [11] = new("labels", ProtoType.StringMap),
                [12] = new("annotations", ProtoType.StringMap),
                [14] = new("finalizers", ProtoType.String, Repeated: true),
            },
            ["Namespace"] = new Dictionary<int, ProtoField>
            {
                [1] = new("metadata", ProtoType.Message, Message: "ObjectMeta"),
                [2] = new("spec", ProtoType.Message, Message: "NamespaceSpec"),
            },
            ["NamespaceSpec"] = new Dictionary<int, ProtoField> { [1] = new("finalizers", ProtoType.String, Repeated: true) },
            ["ConfigMap"] = new Dictionary<int, ProtoField>
            {
                [1] = new("metadata", ProtoType.Message, Message: "ObjectMeta"),
                [2] = new("data", ProtoType.StringMap),
                [3] = new("binaryData", ProtoType.BytesMap),
                [4] = new("immutable", ProtoType.Bool),
            },
            ["Secret"] = new Dictionary<int, ProtoField>
            {
                [1] = new("metadata", ProtoType.Message, Message: "ObjectMeta"),
                [2] = new("data", ProtoType.BytesMap),
                [3] = new("type", ProtoType.String),
                [4] = new("stringData", ProtoType.StringMap),
                [5] = new("immutable", ProtoType.Bool),
            },
            ["ServiceAccount"] = new Dictionary<int, ProtoField>
            {
                [1] = new("metadata", ProtoType.Message, Message: "ObjectMeta"),
                [4] = new("automountServiceAccountToken", ProtoType.Bool),
            },
            ["SelfSubjectAccessReview"] = new Dictionary<int, ProtoField>
            {
                [1] = new("metadata", ProtoType.Message, Message: "ObjectMeta"),
                [2] = new("spec", ProtoType.Message, Message: "SelfSubjectAccessReviewSpec"),
            },
            ["SelfSubjectAccessReviewSpec"] = new Dictionary<int, ProtoField>
            {
                [1] = new("resourceAttributes", ProtoType.Message, Message: "ResourceAttributes"),
                [2] = new("nonResourceAttributes", ProtoType.Message, Message: "NonResourceAttributes"),
            },
            ["ResourceAttributes"] = new Dictionary<int, ProtoField>
            {
                [1] = new("namespace", ProtoType.String),
                [2] = new("verb", ProtoType.String),
                [3] = new("group", ProtoType.String),
                [4] = new("version", ProtoType.String),
                [5] = new("resource", ProtoType.String),
                [6] = new("subresource", ProtoType.String),
                [7] = new("name", ProtoType.String),
            },
            ["NonResourceAttributes"] = new Dictionary<int, ProtoField>
            {
                [1] = new("path", ProtoType.String),
                [2] = new("verb", ProtoType.String),
            },
            ["SelfSubjectRulesReview"] = new Dictionary<int, ProtoField>
            {
                [1] = new("metadata", ProtoType.Message, Message: "ObjectMeta"),
                [2] = new("spec", ProtoType.Message, Message: "SelfSubjectRulesReviewSpec"),
            },
            ["SelfSubjectRulesReviewSpec"] = new Dictionary<int, ProtoField> { [1] = new("namespace", ProtoType.String) },
            ["SelfSubjectReview"] = new Dictionary<int, ProtoField>
            {
                [1] = new("metadata", ProtoType.Message, Message: "ObjectMeta"),
            },
        };
}
