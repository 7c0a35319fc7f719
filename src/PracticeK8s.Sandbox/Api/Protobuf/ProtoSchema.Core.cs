namespace PracticeK8s.Sandbox.Api.Protobuf;

/// <summary>core/v1 kinds (besides pods) and the reviews kubectl sends.</summary>
public static partial class ProtoSchema
{
    private static Dictionary<string, IReadOnlyDictionary<int, ProtoField>> Core() => new()
    {
        ["Namespace"] = WithSpec("NamespaceSpec"),
        ["NamespaceSpec"] = Fields((1, S("finalizers", repeated: true))),
        ["ConfigMap"] = Fields(
            (1, M("metadata", "ObjectMeta")), (2, Map("data")), (3, new ProtoField("binaryData", ProtoType.BytesMap)),
            (4, B("immutable", pointer: true))),
        ["Secret"] = Fields(
            (1, M("metadata", "ObjectMeta")), (2, new ProtoField("data", ProtoType.BytesMap)), (3, S("type")),
            (4, Map("stringData")), (5, B("immutable", pointer: true))),
        ["ServiceAccount"] = Fields(
            (1, M("metadata", "ObjectMeta")), (2, M("secrets", "ObjectReference", repeated: true)),
            (3, M("imagePullSecrets", "LocalObjectReference", repeated: true)), (4, B("automountServiceAccountToken", pointer: true))),
        ["ObjectReference"] = Fields((1, S("kind")), (2, S("namespace")), (3, S("name")), (4, S("uid")), (5, S("apiVersion"))),
        ["Service"] = WithSpec("ServiceSpec"),
        ["ServiceSpec"] = Fields(
            (1, M("ports", "ServicePort", repeated: true)), (2, Map("selector")), (3, S("clusterIP")), (4, S("type")),
            (5, S("externalIPs", repeated: true)), (7, S("sessionAffinity")), (8, S("loadBalancerIP")),
            (9, S("loadBalancerSourceRanges", repeated: true)), (10, S("externalName")), (11, S("externalTrafficPolicy")),
            (12, I("healthCheckNodePort")), (13, B("publishNotReadyAddresses")), (17, S("ipFamilyPolicy", pointer: true)),
            (18, S("clusterIPs", repeated: true)), (19, S("ipFamilies", repeated: true)),
            (20, B("allocateLoadBalancerNodePorts", pointer: true)), (21, S("loadBalancerClass", pointer: true)),
            (22, S("internalTrafficPolicy", pointer: true))),
        ["ServicePort"] = Fields(
            (1, S("name")), (2, S("protocol")), (3, I("port")), (4, IntOrString("targetPort")), (5, I("nodePort")),
            (6, S("appProtocol", pointer: true))),
        ["ResourceQuota"] = WithSpec("ResourceQuotaSpec"),
        ["ResourceQuotaSpec"] = Fields((1, Quantities("hard")), (2, S("scopes", repeated: true))),
        ["SelfSubjectAccessReview"] = WithSpec("SelfSubjectAccessReviewSpec"),
        ["SelfSubjectAccessReviewSpec"] = Fields(
            (1, M("resourceAttributes", "ResourceAttributes", pointer: true)), (2, M("nonResourceAttributes", "NonResourceAttributes", pointer: true))),
        ["ResourceAttributes"] = Fields(
            (1, S("namespace")), (2, S("verb")), (3, S("group")), (4, S("version")), (5, S("resource")), (6, S("subresource")), (7, S("name"))),
        ["NonResourceAttributes"] = Fields((1, S("path")), (2, S("verb"))),
        ["SelfSubjectRulesReview"] = WithSpec("SelfSubjectRulesReviewSpec"),
        ["SelfSubjectRulesReviewSpec"] = Fields((1, S("namespace"))),
        ["SelfSubjectReview"] = Fields((1, M("metadata", "ObjectMeta"))),
    };
}
