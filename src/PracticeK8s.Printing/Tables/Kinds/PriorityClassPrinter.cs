using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>PriorityClass (scheduling.k8s.io): NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY.</summary>
internal sealed class PriorityClassPrinter : ObjectTablePrinter<V1PriorityClass>
{
    public PriorityClassPrinter() : base("scheduling.k8s.io", "PriorityClass")
    {
        NameColumn();
        Column("Value", "Value", "integer", 0, "The priority of pods that use this class.", p => (p.Value ?? 0).ToString());
        // The server sends a JSON boolean, which kubectl prints in lower case.
        Column("Global-Default", "GlobalDefault", "boolean", 0, "Whether this class is the default for pods without one.",
            p => p.GlobalDefault == true ? "true" : "false");
        AgeColumn();
        Column("PreemptionPolicy", "PreemptionPolicy", "string", 0, "Whether pods of this class may preempt lower-priority pods.",
            p => p.PreemptionPolicy ?? "");
    }
}
