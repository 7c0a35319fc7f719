namespace PracticeK8s.Sandbox.Networking.Gateway;

/// <summary>Weighted choice among a rule's backends: each gets weight/sum of the requests; weight 0 gets none.</summary>
public static class BackendPicker
{
    /// <summary>The chosen backend, or null when no backend has a positive weight.</summary>
    public static RouteBackend? Pick(IReadOnlyList<RouteBackend> backends, Random random)
    {
        long total = backends.Sum(b => (long)Math.Max(0, b.Weight));
        if (total == 0) return null;
        var ticket = random.NextInt64(total);
        foreach (var b in backends)
        {
            if (b.Weight <= 0) continue;
            if (ticket < b.Weight) return b;
            ticket -= b.Weight;
        }
        return null;
    }
}
