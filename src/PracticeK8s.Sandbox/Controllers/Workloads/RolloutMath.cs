using k8s.Models;

namespace PracticeK8s.Sandbox.Controllers.Workloads;

/// <summary>The numbers of a rolling update (upstream's deployment util): surge/unavailable budgets and how far to scale.</summary>
public static class RolloutMath
{
    /// <summary>An int-or-percent against a total: percentages round up or down.</summary>
    public static int Scaled(IntOrString? value, int total, bool roundUp, int fallback)
    {
        var text = value?.Value;
        if (string.IsNullOrEmpty(text)) return fallback;
        if (text.EndsWith('%') && double.TryParse(text[..^1], System.Globalization.CultureInfo.InvariantCulture, out var pct))
        {
            var exact = pct * total / 100.0;
            return (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
        }
        return int.TryParse(text, out var n) ? n : fallback;
    }

    /// <summary>maxSurge (rounded up) and maxUnavailable (rounded down); both zero would stall, so unavailable becomes 1.</summary>
    public static (int Surge, int Unavailable) Fenceposts(V1Deployment d)
    {
        var replicas = d.Spec.Replicas ?? 1;
        if (d.Spec.Strategy?.Type != "RollingUpdate") return (0, 0);
        var ru = d.Spec.Strategy.RollingUpdate;
        var surge = Scaled(ru?.MaxSurge, replicas, roundUp: true, fallback: (int)Math.Ceiling(replicas * 0.25));
        var unavailable = Scaled(ru?.MaxUnavailable, replicas, roundUp: false, fallback: (int)Math.Floor(replicas * 0.25));
        if (surge == 0 && unavailable == 0) unavailable = 1;
        return (surge, Math.Min(unavailable, replicas));
    }

    /// <summary>How many replicas the new ReplicaSet may have now (total pods stay within replicas + maxSurge).</summary>
    public static int NewReplicaSetReplicas(int replicas, int surge, int allSpecReplicas, int newSpecReplicas)
    {
        var maxTotal = replicas + surge;
        if (allSpecReplicas >= maxTotal) return newSpecReplicas;
        var scaleUp = Math.Min(maxTotal - allSpecReplicas, replicas - newSpecReplicas);
        return newSpecReplicas + Math.Max(scaleUp, 0);
    }

    /// <summary>How many old pods may go now without availability falling under replicas − maxUnavailable.</summary>
    public static int MaxScaleDown(int replicas, int unavailable, int allSpecReplicas, int newSpecReplicas, int newAvailable)
    {
        var minAvailable = replicas - unavailable;
        var newUnavailable = newSpecReplicas - newAvailable;
        return allSpecReplicas - minAvailable - newUnavailable;
    }
}
