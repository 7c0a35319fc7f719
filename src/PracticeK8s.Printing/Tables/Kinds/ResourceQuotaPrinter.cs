using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>ResourceQuota: NAME AGE REQUEST LIMIT, with "resource: used/hard" pairs ("limits.*" go to LIMIT).</summary>
internal sealed class ResourceQuotaPrinter : ObjectTablePrinter<V1ResourceQuota>
{
    public ResourceQuotaPrinter() : base("", "ResourceQuota")
    {
        NameColumn();
        AgeColumn();
        Column("Request", "Request", "string", 0, "Used and hard amounts of the requested resources.", q => Pairs(q, limits: false));
        Column("Limit", "Limit", "string", 0, "Used and hard amounts of the resource limits.", q => Pairs(q, limits: true));
    }

    private static string Pairs(V1ResourceQuota quota, bool limits)
    {
        var hard = quota.Status?.Hard ?? new Dictionary<string, ResourceQuantity>();
        return string.Join(", ", hard.OrderBy(h => h.Key, StringComparer.Ordinal)
            .Where(h => h.Key.StartsWith("limits.", StringComparison.Ordinal) == limits)
            .Select(h => $"{h.Key}: {KubeFormat.Quantity(quota.Status?.Used, h.Key)}/{KubeFormat.Quantity(h.Value)}"));
    }
}
