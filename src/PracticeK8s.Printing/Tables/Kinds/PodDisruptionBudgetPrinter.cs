using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>PodDisruptionBudget (policy): NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE.</summary>
internal sealed class PodDisruptionBudgetPrinter : ObjectTablePrinter<V1PodDisruptionBudget>
{
    public PodDisruptionBudgetPrinter() : base("policy", "PodDisruptionBudget")
    {
        NameColumn();
        Column("Min Available", "MinAvailable", "string", 0, "The minimum number or percentage of pods that must stay available.",
            p => p.Spec?.MinAvailable?.Value ?? "N/A");
        Column("Max Unavailable", "MaxUnavailable", "string", 0, "The maximum number or percentage of pods that may be unavailable.",
            p => p.Spec?.MaxUnavailable?.Value ?? "N/A");
        Column("Allowed Disruptions", "AllowedDisruptions", "integer", 0, "Number of pod disruptions that are currently allowed.",
            p => (p.Status?.DisruptionsAllowed ?? 0).ToString());
        AgeColumn();
    }
}
