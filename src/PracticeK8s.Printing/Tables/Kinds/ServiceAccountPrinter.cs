using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>ServiceAccount: NAME SECRETS AGE.</summary>
internal sealed class ServiceAccountPrinter : ObjectTablePrinter<V1ServiceAccount>
{
    public ServiceAccountPrinter() : base("", "ServiceAccount")
    {
        NameColumn();
        Column("Secrets", "Secrets", "integer", 0, "The number of secrets listed for the service account.",
            s => (s.Secrets?.Count ?? 0).ToString());
        AgeColumn();
    }
}
