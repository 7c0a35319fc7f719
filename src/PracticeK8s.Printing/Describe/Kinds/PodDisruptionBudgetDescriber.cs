using k8s.Models;

namespace PracticeK8s.Printing.Describe.Kinds;

/// <summary>describe poddisruptionbudget. Related objects: <see cref="DescribeInput.Events"/>.</summary>
internal static class PodDisruptionBudgetDescriber
{
    public static void Write(DescribeBuilder w, V1PodDisruptionBudget budget, DescribeInput input, DateTime now)
    {
        var meta = budget.Metadata ?? new V1ObjectMeta();
        var status = budget.Status ?? new V1PodDisruptionBudgetStatus();
        w.Field(0, "Name", meta.Name);
        w.Field(0, "Namespace", meta.NamespaceProperty);
        if (budget.Spec?.MinAvailable is { } min) w.Field(0, "Min available", min.Value);
        else if (budget.Spec?.MaxUnavailable is { } max) w.Field(0, "Max unavailable", max.Value);
        w.Field(0, "Selector", budget.Spec?.Selector is { } selector ? KubeFormat.LabelSelector(selector) : KubeFormat.Unset);
        using (w.Group(0, "Status"))
        {
            w.Field(4, "Allowed disruptions", (status.DisruptionsAllowed ?? 0).ToString());
            w.Field(4, "Current", (status.CurrentHealthy ?? 0).ToString());
            w.Field(4, "Desired", (status.DesiredHealthy ?? 0).ToString());
            w.Field(4, "Total", (status.ExpectedPods ?? 0).ToString());
        }
        EventsSection.Write(w, input.Events, now);
    }
}
