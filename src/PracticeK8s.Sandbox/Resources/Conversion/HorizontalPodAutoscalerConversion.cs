using System.Text.Json.Nodes;

namespace PracticeK8s.Sandbox.Resources.Conversion;

/// <summary>
/// autoscaling/v1 ⇄ autoscaling/v2 HorizontalPodAutoscaler (v2 is stored): v1's
/// targetCPUUtilizationPercentage is v2's cpu Resource metric with a Utilization target, and
/// currentCPUUtilizationPercentage its current value. What v1 cannot express (other metrics,
/// behavior, conditions) is not shown through v1.
/// </summary>
public static class HorizontalPodAutoscalerConversion
{
    public static JsonObject ToV2(JsonObject v1)
    {
        var o = v1.DeepClone().AsObject();
        o["apiVersion"] = "autoscaling/v2";
        if (o.Obj("spec") is { } spec && spec["targetCPUUtilizationPercentage"] is { } target)
        {
            spec.Remove("targetCPUUtilizationPercentage");
            spec["metrics"] = new JsonArray(CpuMetric("target", new JsonObject { ["type"] = "Utilization", ["averageUtilization"] = target.DeepClone() }));
        }
        if (o.Obj("status") is { } status && status["currentCPUUtilizationPercentage"] is { } current)
        {
            status.Remove("currentCPUUtilizationPercentage");
            status["currentMetrics"] = new JsonArray(CpuMetric("current", new JsonObject { ["averageUtilization"] = current.DeepClone() }));
        }
        return o;
    }

    public static JsonObject ToV1(JsonObject v2)
    {
        var o = v2.DeepClone().AsObject();
        o["apiVersion"] = "autoscaling/v1";
        if (o.Obj("spec") is { } spec)
        {
            if (Cpu(spec.Arr("metrics"), "target") is { } target && target.Str("type") == "Utilization" && target["averageUtilization"] is { } u)
                spec["targetCPUUtilizationPercentage"] = u.DeepClone();
            spec.Remove("metrics");
            spec.Remove("behavior");
        }
        if (o.Obj("status") is { } status)
        {
            if (Cpu(status.Arr("currentMetrics"), "current")?["averageUtilization"] is { } c)
                status["currentCPUUtilizationPercentage"] = c.DeepClone();
            status.Remove("currentMetrics");
            status.Remove("conditions");
        }
        return o;
    }

    private static JsonObject CpuMetric(string field, JsonObject value) => new()
    {
        ["type"] = "Resource",
        ["resource"] = new JsonObject { ["name"] = "cpu", [field] = value },
    };

    private static JsonObject? Cpu(JsonArray? metrics, string field) =>
        metrics.Objects().FirstOrDefault(m => m.Str("type") == "Resource" && m.Obj("resource").Str("name") == "cpu")?.Obj("resource")?.Obj(field);
}
