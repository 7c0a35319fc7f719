using k8s;
using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>RoleBinding and ClusterRoleBinding (rbac.authorization.k8s.io): NAME ROLE AGE; wide: USERS GROUPS SERVICEACCOUNTS.</summary>
internal sealed class RoleBindingPrinter<T> : ObjectTablePrinter<T> where T : class, IMetadata<V1ObjectMeta>
{
    public RoleBindingPrinter(string kind, Func<T, V1RoleRef?> roleRef, Func<T, IList<Rbacv1Subject>?> subjects)
        : base("rbac.authorization.k8s.io", kind)
    {
        NameColumn();
        Column("Role", "Role", "string", 0, "The role the binding grants, as Kind/name.", b => roleRef(b) is { } r ? $"{r.Kind}/{r.Name}" : "/");
        AgeColumn();
        Column("Users", "Users", "string", 1, "The users the role is granted to.", b => Subjects(subjects(b), "User"));
        Column("Groups", "Groups", "string", 1, "The groups the role is granted to.", b => Subjects(subjects(b), "Group"));
        Column("ServiceAccounts", "ServiceAccounts", "string", 1, "The service accounts the role is granted to, as namespace/name.",
            b => Subjects(subjects(b), "ServiceAccount"));
    }

    private static string Subjects(IList<Rbacv1Subject>? subjects, string kind) =>
        string.Join(", ", (subjects ?? []).Where(s => s.Kind == kind)
            .Select(s => kind == "ServiceAccount" ? $"{s.NamespaceProperty}/{s.Name}" : s.Name));
}
