using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>ConfigMap: NAME DATA AGE.</summary>
internal sealed class ConfigMapPrinter : ObjectTablePrinter<V1ConfigMap>
{
    public ConfigMapPrinter() : base("", "ConfigMap")
    {
        NameColumn();
        Column("Data", "Data", "integer", 0, "The number of data and binaryData keys.",
            c => ((c.Data?.Count ?? 0) + (c.BinaryData?.Count ?? 0)).ToString());
        AgeColumn();
    }
}
