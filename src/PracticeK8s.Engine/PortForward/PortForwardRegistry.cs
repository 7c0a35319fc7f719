namespace PracticeK8s.Engine.PortForward;

/// <summary>
/// The forwards of one PowerShell session, numbered from 1 like jobs. A forward that ended by itself
/// stays listed (State Ended, with its Error) until it is stopped; its end is handed out once by
/// <see cref="TakeUnreportedEnds"/>, for the next cmdlet on the session's pipeline thread to warn about.
/// </summary>
public sealed class PortForwardRegistry
{
    private readonly object _gate = new();
    private readonly SortedDictionary<int, PortForwardSession> _sessions = [];
    private int _lastId;

    public PortForwardSession Add(PortForwardSession session)
    {
        lock (_gate)
        {
            session.Id = ++_lastId;
            _sessions[session.Id] = session;
        }
        return session;
    }

    public IReadOnlyList<PortForwardSession> All
    {
        get { lock (_gate) return _sessions.Values.ToList(); }
    }

    public PortForwardSession? Get(int id)
    {
        lock (_gate)
            return _sessions.GetValueOrDefault(id);
    }

    /// <summary>Stops the forward (freeing its ports) and forgets it.</summary>
    public bool Stop(int id)
    {
        PortForwardSession? session;
        lock (_gate)
        {
            if (!_sessions.Remove(id, out session))
                return false;
        }
        session.EndReported = true; // stopped on purpose: nothing to warn about
        session.Stop();
        return true;
    }

    public void StopAll()
    {
        foreach (var session in All)
            Stop(session.Id);
    }

    /// <summary>Forwards that ended by themselves since the last call, each returned once.</summary>
    public IReadOnlyList<PortForwardSession> TakeUnreportedEnds()
    {
        lock (_gate)
        {
            var ended = _sessions.Values.Where(s => s.State == PortForwardState.Ended && !s.EndReported).ToList();
            foreach (var session in ended)
                session.EndReported = true;
            return ended;
        }
    }

    /// <summary>The warning for a forward that ended by itself.</summary>
    public static string EndWarning(PortForwardSession session) =>
        $"Port-forward {session.Id} ({session.Target} in namespace {session.Namespace}, {session.Local}) ended: {session.Error}";
}
