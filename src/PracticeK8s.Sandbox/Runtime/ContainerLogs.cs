namespace PracticeK8s.Sandbox.Runtime;

/// <summary>One log line of a container (stdout and stderr interleaved), with the time it was written. Text ends with '\n'
/// unless it was the unterminated last output of the process.</summary>
public sealed record LogLine(DateTime Timestamp, string Text);

/// <summary>A container instance's log, as pods/log reads it.</summary>
public interface IContainerLog
{
    /// <summary>Every line written so far.</summary>
    IReadOnlyList<LogLine> Lines { get; }

    /// <summary>True once the instance has stopped (nothing more will be written).</summary>
    bool Completed { get; }

    /// <summary>
    /// The lines from index <paramref name="fromIndex"/> on, then each new line as it is written; the
    /// sequence ends when the container instance stops or <paramref name="cancellationToken"/> fires.
    /// </summary>
    IAsyncEnumerable<LogLine> FollowAsync(int fromIndex, CancellationToken cancellationToken);
}
