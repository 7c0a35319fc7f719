using System.Globalization;
using k8s;
using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>
/// NAME CREATED AT: the creation time in RFC 3339 (UTC) instead of an age. Used by kubectl for Role, ClusterRole
/// and LimitRange, and by the extensions server's default table for CustomResourceDefinition.
/// </summary>
internal sealed class CreatedAtPrinter<T> : ObjectTablePrinter<T> where T : class, IMetadata<V1ObjectMeta>
{
    public CreatedAtPrinter(string group, string kind) : base(group, kind)
    {
        NameColumn();
        Column("Created At", "CreatedAt", "date", 0, Descriptions.Age, r => Format(r.Metadata?.CreationTimestamp));
    }

    public static string Format(DateTime? created) =>
        created is { } time && !HumanDuration.IsZero(time)
            ? HumanDuration.Utc(time).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : "";
}
