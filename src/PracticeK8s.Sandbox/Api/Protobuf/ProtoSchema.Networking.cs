namespace PracticeK8s.Sandbox.Api.Protobuf;

/// <summary>networking.k8s.io/v1 Ingress (<c>kubectl create ingress</c>).</summary>
public static partial class ProtoSchema
{
    private static Dictionary<string, IReadOnlyDictionary<int, ProtoField>> Networking() => new()
    {
        ["Ingress"] = WithSpec("IngressSpec"),
        ["IngressSpec"] = Fields(
            (1, M("defaultBackend", "IngressBackend", pointer: true)), (2, M("tls", "IngressTLS", repeated: true)),
            (3, M("rules", "IngressRule", repeated: true)), (4, S("ingressClassName", pointer: true))),
        ["IngressBackend"] = Fields((3, M("resource", "TypedLocalObjectReference", pointer: true)), (4, M("service", "IngressServiceBackend", pointer: true))),
        ["IngressServiceBackend"] = Fields((1, S("name")), (2, M("port", "ServiceBackendPort"))),
        ["ServiceBackendPort"] = Fields((1, S("name")), (2, I("number"))),
        ["TypedLocalObjectReference"] = Fields((1, S("apiGroup", pointer: true)), (2, S("kind")), (3, S("name"))),
        ["IngressTLS"] = Fields((1, S("hosts", repeated: true)), (2, S("secretName"))),
        ["IngressRule"] = Fields((1, S("host")), (2, Inline("IngressRuleValue"))),
        ["IngressRuleValue"] = Fields((1, M("http", "HTTPIngressRuleValue", pointer: true))),
        ["HTTPIngressRuleValue"] = Fields((1, M("paths", "HTTPIngressPath", repeated: true))),
        ["HTTPIngressPath"] = Fields((1, S("path")), (2, M("backend", "IngressBackend")), (3, S("pathType", pointer: true))),
    };
}
