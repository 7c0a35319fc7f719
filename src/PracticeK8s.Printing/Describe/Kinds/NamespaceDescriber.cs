using k8s.Models;

namespace PracticeK8s.Printing.Describe.Kinds;

/// <summary>
/// describe namespace. Related objects: <see cref="DescribeInput.ResourceQuotas"/> and <see cref="DescribeInput.LimitRanges"/>
/// (kubectl lists both in the namespace). kubectl prints no events for namespaces.
/// </summary>
internal static class NamespaceDescriber
{
    public static void Write(DescribeBuilder w, V1Namespace ns, DescribeInput input)
    {
        var meta = ns.Metadata ?? new V1ObjectMeta();
        w.Field(0, "Name", meta.Name);
        Common.Labels(w, "Labels", meta.Labels);
        Common.Annotations(w, "Annotations", meta.Annotations);
        w.Field(0, "Status", ns.Status?.Phase);
        if (ns.Status?.Conditions is { Count: > 0 } conditions)
            w.Table(0, "Conditions", ["Type", "Status", "LastTransitionTime", "Reason", "Message"],
                conditions.Select(c => (IReadOnlyList<string>)
                    [c.Type ?? "", c.Status ?? "", DescribeTime.Format(c.LastTransitionTime, input.TimeZone), c.Reason ?? "", c.Message ?? ""]),
                rowIndent: 2);
        if (input.ResourceQuotas is { } quotas)
        {
            w.Text(0, "");
            Quotas(w, quotas);
        }
        if (input.LimitRanges is { } limitRanges)
        {
            w.Text(0, "");
            LimitRanges(w, limitRanges);
        }
    }

    private static void Quotas(DescribeBuilder w, IReadOnlyList<V1ResourceQuota> quotas)
    {
        if (quotas.Count == 0)
        {
            w.Text(0, "No resource quota.");
            return;
        }
        w.Text(0, "Resource Quotas");
        foreach (var quota in quotas.OrderBy(q => q.Metadata?.Name, StringComparer.Ordinal))
        {
            w.Field(2, "Name", quota.Metadata?.Name);
            if (quota.Spec?.Scopes is { Count: > 0 } scopes)
                w.Field(2, "Scopes", string.Join(", ", scopes.Order(StringComparer.Ordinal)));
            var hard = quota.Status?.Hard ?? new Dictionary<string, ResourceQuantity>();
            var used = quota.Status?.Used ?? new Dictionary<string, ResourceQuantity>();
            w.Table(0, null, ["Resource", "Used", "Hard"], hard.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h =>
                    (IReadOnlyList<string>)[h.Key, KubeFormat.Quantity(used, h.Key), KubeFormat.Quantity(h.Value)]),
                rowIndent: 2, underlineCells: ["--------", "---", "---"]);
        }
    }

    private static void LimitRanges(DescribeBuilder w, IReadOnlyList<V1LimitRange> limitRanges)
    {
        if (limitRanges.Count == 0)
        {
            w.Text(0, "No LimitRange resource.");
            return;
        }
        w.Text(0, "Resource Limits");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var item in limitRanges.SelectMany(l => l.Spec?.Limits ?? []))
        {
            var lists = new[] { item.Min, item.Max, item.DefaultRequest, item.DefaultProperty, item.MaxLimitRequestRatio };
            foreach (var resource in lists.Where(l => l is not null).SelectMany(l => l!.Keys).Distinct().Order(StringComparer.Ordinal))
                rows.Add([item.Type ?? "", resource, .. lists.Select(l => l is not null && l.TryGetValue(resource, out var q) ? KubeFormat.Quantity(q) : "-")]);
        }
        w.Table(0, null, ["Type", "Resource", "Min", "Max", "Default Request", "Default Limit", "Max Limit/Request Ratio"], rows, rowIndent: 1);
    }
}
