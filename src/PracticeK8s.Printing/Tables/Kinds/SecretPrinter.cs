using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>Secret: NAME TYPE DATA AGE.</summary>
internal sealed class SecretPrinter : ObjectTablePrinter<V1Secret>
{
    public SecretPrinter() : base("", "Secret")
    {
        NameColumn();
        Column("Type", "Type", "string", 0, "The type of the secret.", s => s.Type ?? "");
        // The server merges stringData into data, so a not-yet-created secret counts the union of both.
        Column("Data", "Data", "integer", 0, "The number of data keys.",
            s => (s.Data?.Keys ?? []).Union(s.StringData?.Keys ?? []).Count().ToString());
        AgeColumn();
    }
}
