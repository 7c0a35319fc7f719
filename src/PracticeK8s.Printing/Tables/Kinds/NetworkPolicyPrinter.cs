using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>NetworkPolicy (networking.k8s.io): NAME POD-SELECTOR AGE.</summary>
internal sealed class NetworkPolicyPrinter : ObjectTablePrinter<V1NetworkPolicy>
{
    public NetworkPolicyPrinter() : base("networking.k8s.io", "NetworkPolicy")
    {
        NameColumn();
        Column("Pod-Selector", "PodSelector", "string", 0, "Selects the pods the policy applies to.",
            p => KubeFormat.LabelSelector(p.Spec?.PodSelector ?? new V1LabelSelector()));
        AgeColumn();
    }
}
