namespace PracticeK8s.Sandbox.Runtime;

/// <summary>
/// The kubelet's crash back-off per container: the first restart is immediate, then waits double
/// from <see cref="RuntimeOptions.BackOffInitial"/> up to <see cref="RuntimeOptions.BackOffMax"/>;
/// a container that ran longer than twice the maximum starts over.
/// </summary>
public sealed class BackOff(TimeSpan initial, TimeSpan max)
{
    private TimeSpan _current = TimeSpan.Zero;

    /// <summary>The wait before the next restart of an instance that ran for <paramref name="ranFor"/>.</summary>
    public TimeSpan Next(TimeSpan ranFor)
    {
        if (ranFor > max * 2) _current = TimeSpan.Zero;
        var wait = _current;
        _current = _current == TimeSpan.Zero ? initial : TimeSpan.FromTicks(Math.Min(max.Ticks, _current.Ticks * 2));
        return wait;
    }

    /// <summary>How "back-off 20s restarting failed container" names a wait.</summary>
    public static string Describe(TimeSpan wait) =>
        wait.TotalMinutes >= 1 && wait.Seconds == 0 ? $"{(int)wait.TotalMinutes}m0s" : $"{(int)Math.Ceiling(wait.TotalSeconds)}s";
}
