namespace PracticeK8s.Engine.Drain;

/// <summary>What reading a pod's DaemonSet found.</summary>
public enum DaemonSetState
{
    Exists,

    /// <summary>Gone: its pods are orphans, which -Force lets a drain delete.</summary>
    NotFound,

    /// <summary>Not readable for another reason (forbidden, a server error).</summary>
    Unreadable,
}

/// <summary>A DaemonSet lookup's result; <paramref name="Error"/> is the server's text when it does not exist or cannot be read.</summary>
public sealed record DaemonSetLookup(DaemonSetState State, string Error = "")
{
    public static readonly DaemonSetLookup Exists = new(DaemonSetState.Exists);
}
