using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>Namespace: NAME STATUS AGE.</summary>
internal sealed class NamespacePrinter : ObjectTablePrinter<V1Namespace>
{
    public NamespacePrinter() : base("", "Namespace")
    {
        NameColumn();
        Column("Status", "Status", "string", 0, "The status of the namespace: Active or Terminating.", n => n.Status?.Phase ?? "");
        AgeColumn();
    }
}
