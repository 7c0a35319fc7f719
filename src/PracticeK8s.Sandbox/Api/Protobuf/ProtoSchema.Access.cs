namespace PracticeK8s.Sandbox.Api.Protobuf;

/// <summary>rbac.authorization.k8s.io/v1: roles and bindings.</summary>
public static partial class ProtoSchema
{
    private static Dictionary<string, IReadOnlyDictionary<int, ProtoField>> Access() => new()
    {
        ["Role"] = Fields((1, M("metadata", "ObjectMeta")), (2, M("rules", "PolicyRule", repeated: true))),
        ["ClusterRole"] = Fields(
            (1, M("metadata", "ObjectMeta")), (2, M("rules", "PolicyRule", repeated: true)), (3, M("aggregationRule", "AggregationRule", pointer: true))),
        ["AggregationRule"] = Fields((1, M("clusterRoleSelectors", "LabelSelector", repeated: true))),
        ["PolicyRule"] = Fields(
            (1, S("verbs", repeated: true)), (2, S("apiGroups", repeated: true)), (3, S("resources", repeated: true)),
            (4, S("resourceNames", repeated: true)), (5, S("nonResourceURLs", repeated: true))),
        ["RoleBinding"] = Binding(),
        ["ClusterRoleBinding"] = Binding(),
        ["Subject"] = Fields((1, S("kind")), (2, S("apiGroup")), (3, S("name")), (4, S("namespace"))),
        ["RoleRef"] = Fields((1, S("apiGroup")), (2, S("kind")), (3, S("name"))),
    };

    private static Dictionary<int, ProtoField> Binding() =>
        Fields((1, M("metadata", "ObjectMeta")), (2, M("subjects", "Subject", repeated: true)), (3, M("roleRef", "RoleRef")));
}
