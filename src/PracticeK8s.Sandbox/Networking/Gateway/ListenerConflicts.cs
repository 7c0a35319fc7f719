namespace PracticeK8s.Sandbox.Networking.Gateway;

/// <summary>
/// Listeners of one Gateway that cannot be served together: different protocols on one port
/// (ProtocolConflict), or the same port and hostname twice (HostnameConflict).
/// </summary>
public static class ListenerConflicts
{
    /// <returns>listener name -> its Conflicted=True condition; listeners without a conflict are absent.</returns>
    public static Dictionary<string, ConditionResult> Find(IReadOnlyList<Listener> listeners)
    {
        var result = new Dictionary<string, ConditionResult>();
        foreach (var port in listeners.GroupBy(l => l.Port))
        {
            if (port.Select(l => l.Protocol).Distinct().Count() > 1)
            {
                foreach (var l in port)
                    result[l.Name] = new ConditionResult("Conflicted", true, "ProtocolConflict", "Listeners on the same port use different protocols");
                continue;
            }
            foreach (var same in port.GroupBy(l => (l.Hostname ?? "").ToLowerInvariant()).Where(g => g.Count() > 1))
                foreach (var l in same)
                    result[l.Name] = new ConditionResult("Conflicted", true, "HostnameConflict", "Another listener on this port has the same hostname");
        }
        return result;
    }
}
