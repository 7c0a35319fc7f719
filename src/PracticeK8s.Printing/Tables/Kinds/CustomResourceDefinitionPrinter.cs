using System.Globalization;
using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>
/// CustomResourceDefinition (apiextensions.k8s.io): NAME CREATED AT. Its server prints CRDs with the
/// default table, whose second column is the creation time in RFC 3339 rather than an age.
/// </summary>
internal sealed class CustomResourceDefinitionPrinter : ObjectTablePrinter<V1CustomResourceDefinition>
{
    public CustomResourceDefinitionPrinter() : base("apiextensions.k8s.io", "CustomResourceDefinition")
    {
        NameColumn();
        Column("Created At", "CreatedAt", "date", 0, Descriptions.Age, c => CreatedAt(c.Metadata?.CreationTimestamp));
    }

    private static string CreatedAt(DateTime? created) =>
        created is { } time && !HumanDuration.IsZero(time)
            ? HumanDuration.Utc(time).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : "";
}
