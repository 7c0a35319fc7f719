using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>Lease (coordination.k8s.io): NAME HOLDER AGE.</summary>
internal sealed class LeasePrinter : ObjectTablePrinter<V1Lease>
{
    public LeasePrinter() : base("coordination.k8s.io", "Lease")
    {
        NameColumn();
        Column("Holder", "Holder", "string", 0, "The identity of the holder of the lease.", l => l.Spec?.HolderIdentity ?? "");
        AgeColumn();
    }
}
