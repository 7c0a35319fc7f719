using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>HorizontalPodAutoscaler (autoscaling/v2): NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE.</summary>
internal sealed class HorizontalPodAutoscalerPrinter : ObjectTablePrinter<V2HorizontalPodAutoscaler>
{
    public HorizontalPodAutoscalerPrinter() : base("autoscaling", "HorizontalPodAutoscaler")
    {
        NameColumn();
        Column("Reference", "Reference", "string", 0, "The scaled object, as Kind/name.",
            h => $"{h.Spec?.ScaleTargetRef?.Kind}/{h.Spec?.ScaleTargetRef?.Name}");
        Column("Targets", "Targets", "string", 0, "Current and target values of each metric.", h => Targets(h.Spec?.Metrics, h.Status?.CurrentMetrics));
        Column("MinPods", "MinPods", "string", 0, "The lower limit for the number of pods.", h => h.Spec?.MinReplicas?.ToString() ?? KubeFormat.Unset);
        Column("MaxPods", "MaxPods", "integer", 0, "The upper limit for the number of pods.", h => (h.Spec?.MaxReplicas ?? 0).ToString());
        Column("Replicas", "Replicas", "integer", 0, "Current number of replicas of pods managed by this autoscaler.",
            h => (h.Status?.CurrentReplicas ?? 0).ToString());
        AgeColumn();
    }

    /// <summary>kubectl's formatHPAMetrics: "cpu: 12%/50%, ..." (two shown, then " + N more..."), or "&lt;none&gt;".</summary>
    internal static string Targets(IList<V2MetricSpec>? specs, IList<V2MetricStatus>? statuses)
    {
        if (specs is null || specs.Count == 0) return KubeFormat.None;
        statuses ??= [];
        var list = new List<string>();
        for (int i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            var status = i < statuses.Count ? statuses[i] : null;
            switch (spec.Type)
            {
                case "External" when spec.External is { } external:
                    list.Add(ValueOrAverage(external.Target, status?.External?.Current));
                    break;
                case "Pods" when spec.Pods is { } pods:
                    list.Add($"{Quantity(status?.Pods?.Current?.AverageValue)}/{Quantity(pods.Target?.AverageValue)}");
                    break;
                case "Object" when spec.ObjectProperty is { } obj:
                    list.Add(ValueOrAverage(obj.Target, status?.ObjectProperty?.Current));
                    break;
                case "Resource" when spec.Resource is { } resource:
                    list.Add($"{resource.Name}: {Utilization(resource.Target, status?.Resource?.Current)}");
                    break;
                case "ContainerResource" when spec.ContainerResource is { } container:
                    list.Add($"{container.Name}: {Utilization(container.Target, status?.ContainerResource?.Current)}");
                    break;
                default:
                    list.Add("<unknown type>");
                    break;
            }
        }
        const int max = 2;
        return list.Count > max ? $"{string.Join(", ", list.Take(max))} + {list.Count - max} more..." : string.Join(", ", list);
    }

    private static string Quantity(ResourceQuantity? quantity) => quantity is null ? KubeFormat.Unknown : KubeFormat.Quantity(quantity);

    private static string ValueOrAverage(V2MetricTarget? target, V2MetricValueStatus? current) =>
        target?.AverageValue is { } average
            ? $"{(current?.AverageValue is { } c ? KubeFormat.Quantity(c) : KubeFormat.Unknown)}/{KubeFormat.Quantity(average)} (avg)"
            : $"{(current?.Value is { } v ? KubeFormat.Quantity(v) : KubeFormat.Unknown)}/{Quantity(target?.Value)}";

    private static string Utilization(V2MetricTarget? target, V2MetricValueStatus? current)
    {
        if (target?.AverageValue is { } average)
            return $"{(current?.AverageValue is { } c ? KubeFormat.Quantity(c) : KubeFormat.Unknown)}/{KubeFormat.Quantity(average)}";
        var now = current?.AverageUtilization is int used ? $"{used}%" : KubeFormat.Unknown;
        var goal = target?.AverageUtilization is int wanted ? $"{wanted}%" : "<auto>";
        return $"{now}/{goal}";
    }
}
