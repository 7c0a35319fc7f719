using k8s.Models;

namespace PracticeK8s.Printing.Describe.Kinds;

/// <summary>The node's "Non-terminated Pods" and "Allocated resources" tables.</summary>
internal static class NodeResources
{
    private static readonly string[] Standard = ["cpu", "memory", "ephemeral-storage"];

    public static void Write(DescribeBuilder w, V1Node node, IReadOnlyList<V1Pod> pods, DateTime now)
    {
        var allocatable = node.Status?.Allocatable is { Count: > 0 } a ? a : node.Status?.Capacity ?? new Dictionary<string, ResourceQuantity>();
        decimal Allocatable(string name) => allocatable.TryGetValue(name, out var q) ? q.ToDecimal() : 0;

        var rows = pods.Select(pod =>
        {
            var (requests, limits) = PodParts.RequestsAndLimits(pod);
            return (IReadOnlyList<string>)
            [
                pod.Metadata?.NamespaceProperty ?? "", pod.Metadata?.Name ?? "", "",
                WithPercent(requests, "cpu", Allocatable("cpu")), WithPercent(limits, "cpu", Allocatable("cpu")),
                WithPercent(requests, "memory", Allocatable("memory")), WithPercent(limits, "memory", Allocatable("memory")),
                HumanDuration.Since(pod.Metadata?.CreationTimestamp, now),
            ];
        });
        w.Table(0, "Non-terminated Pods",
            ["Namespace", "Name", "", "CPU Requests", "CPU Limits", "Memory Requests", "Memory Limits", "Age"], rows, rowIndent: 2,
            value: $"({pods.Count} in total)",
            underlineCells: ["---------", "----", "", "------------", "----------", "---------------", "-------------", "---"]);

        var totalRequests = new Dictionary<string, QuantityValue>();
        var totalLimits = new Dictionary<string, QuantityValue>();
        foreach (var pod in pods)
        {
            var (requests, limits) = PodParts.RequestsAndLimits(pod);
            Merge(totalRequests, requests);
            Merge(totalLimits, limits);
        }
        var allocated = new List<IReadOnlyList<string>>();
        foreach (var name in Standard)
            allocated.Add([name, WithPercent(totalRequests, name, Allocatable(name)), WithPercent(totalLimits, name, Allocatable(name))]);
        foreach (var name in allocatable.Keys.Where(k => k.StartsWith("hugepages-", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            allocated.Add([name, WithPercent(totalRequests, name, Allocatable(name)), WithPercent(totalLimits, name, Allocatable(name))]);
        foreach (var name in allocatable.Keys.Where(IsExtended).Order(StringComparer.Ordinal))
            allocated.Add([name, Get(totalRequests, name).ToString(), Get(totalLimits, name).ToString()]);

        using var _ = w.Group(0, "Allocated resources");
        w.Text(2, "(Total limits may be over 100 percent, i.e., overcommitted.)");
        w.Table(0, null, ["Resource", "Requests", "Limits"], allocated, rowIndent: 2);
    }

    private static bool IsExtended(string name) =>
        !Standard.Contains(name) && name != "pods" && !name.StartsWith("hugepages-", StringComparison.Ordinal)
        && !name.StartsWith("requests.", StringComparison.Ordinal) && !name.StartsWith("limits.", StringComparison.Ordinal);

    private static QuantityValue Get(Dictionary<string, QuantityValue> totals, string name) =>
        totals.TryGetValue(name, out var value) ? value : QuantityValue.Zero;

    /// <summary>"100m (5%)": the quantity and its whole percentage of the node's allocatable amount.</summary>
    private static string WithPercent(Dictionary<string, QuantityValue> totals, string name, decimal allocatable)
    {
        var value = Get(totals, name);
        var percent = allocatable == 0 ? 0 : (long)Math.Truncate(value.Amount / allocatable * 100);
        return $"{value} ({percent}%)";
    }

    private static void Merge(Dictionary<string, QuantityValue> totals, Dictionary<string, QuantityValue> add)
    {
        foreach (var (name, value) in add) totals[name] = totals.TryGetValue(name, out var current) ? current.Add(value) : value;
    }
}
