using k8s.Models;

namespace PracticeK8s.Printing.Describe;

/// <summary>Pod pieces used by more than one describer: topology spread constraints, QoS class, requests and limits.</summary>
internal static class PodParts
{
    public static void TopologySpreadConstraints(DescribeBuilder w, IList<V1TopologySpreadConstraint>? constraints, string space)
    {
        if (constraints is null || constraints.Count == 0) return;
        var lines = constraints.OrderBy(c => c.TopologyKey, StringComparer.Ordinal).Select(c =>
        {
            var text = $"{c.TopologyKey}:{c.WhenUnsatisfiable} when max skew {c.MaxSkew} is exceeded";
            return c.LabelSelector is null ? text : $"{text} for selector {KubeFormat.LabelSelector(c.LabelSelector)}";
        }).ToArray();
        w.MultiLine(space.Length, "Topology Spread Constraints", lines, continuationIndent: space.Length);
    }

    private static readonly string[] QosResources = ["cpu", "memory"];

    /// <summary>status.qosClass, or the class computed from the containers' requests and limits.</summary>
    public static string QosClass(V1Pod pod)
    {
        if (!string.IsNullOrEmpty(pod.Status?.QosClass)) return pod.Status.QosClass;
        var requests = new Dictionary<string, decimal>();
        var limits = new Dictionary<string, decimal>();
        bool guaranteed = true;
        foreach (var container in (pod.Spec?.Containers ?? []).Concat(pod.Spec?.InitContainers ?? []))
        {
            foreach (var (name, quantity) in container.Resources?.Requests ?? new Dictionary<string, ResourceQuantity>())
                if (QosResources.Contains(name) && quantity.ToDecimal() > 0)
                    requests[name] = requests.GetValueOrDefault(name) + quantity.ToDecimal();
            var limitsFound = new HashSet<string>();
            foreach (var (name, quantity) in container.Resources?.Limits ?? new Dictionary<string, ResourceQuantity>())
            {
                if (!QosResources.Contains(name)) continue;
                if (quantity.ToDecimal() > 0)
                {
                    limitsFound.Add(name);
                    limits[name] = limits.GetValueOrDefault(name) + quantity.ToDecimal();
                }
            }
            if (limitsFound.Count != QosResources.Length) guaranteed = false;
        }
        if (requests.Count == 0 && limits.Count == 0) return "BestEffort";
        if (guaranteed && requests.All(r => limits.TryGetValue(r.Key, out var l) && l == r.Value) && requests.Count == limits.Count)
            return "Guaranteed";
        return "Burstable";
    }

    /// <summary>
    /// The pod's effective requests and limits (kubectl's PodRequestsAndLimits): the sum over regular containers and
    /// sidecars, raised to any larger init container value, plus the pod overhead.
    /// </summary>
    public static (Dictionary<string, QuantityValue> Requests, Dictionary<string, QuantityValue> Limits) RequestsAndLimits(V1Pod pod)
    {
        var requests = new Dictionary<string, QuantityValue>();
        var limits = new Dictionary<string, QuantityValue>();
        var spec = pod.Spec ?? new V1PodSpec();
        foreach (var container in (spec.Containers ?? []).Concat((spec.InitContainers ?? []).Where(PodSummary.IsSidecar)))
        {
            AddAll(requests, container.Resources?.Requests);
            AddAll(limits, container.Resources?.Limits);
        }
        foreach (var init in (spec.InitContainers ?? []).Where(c => !PodSummary.IsSidecar(c)))
        {
            MaxAll(requests, init.Resources?.Requests);
            MaxAll(limits, init.Resources?.Limits);
        }
        AddAll(requests, spec.Overhead);
        AddAll(limits, spec.Overhead);
        return (requests, limits);
    }

    public static void AddAll(Dictionary<string, QuantityValue> totals, IDictionary<string, ResourceQuantity>? list)
    {
        foreach (var (name, quantity) in list ?? new Dictionary<string, ResourceQuantity>())
            totals[name] = totals.TryGetValue(name, out var current) ? current.Add(QuantityValue.Of(quantity)) : QuantityValue.Of(quantity);
    }

    private static void MaxAll(Dictionary<string, QuantityValue> totals, IDictionary<string, ResourceQuantity>? list)
    {
        foreach (var (name, quantity) in list ?? new Dictionary<string, ResourceQuantity>())
            if (!totals.TryGetValue(name, out var current) || quantity.ToDecimal() > current.Amount)
                totals[name] = QuantityValue.Of(quantity);
    }
}
