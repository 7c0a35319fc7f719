namespace PracticeK8s.Engine.Drain;

/// <summary>What a drain filter decided for a pod (kubectl's PodDeleteStatus).</summary>
public enum PodDeleteReason
{
    /// <summary>Delete it, nothing to say.</summary>
    Okay,
    /// <summary>Leave it silently (mirror pods, pods deleted long ago).</summary>
    Skip,
    /// <summary>Delete it or leave it, with a warning.</summary>
    Warning,
    /// <summary>The node cannot be drained without a flag.</summary>
    Error,
}

public sealed record PodDeleteStatus(bool Delete, PodDeleteReason Reason, string Message = "", DrainCause Cause = DrainCause.Other)
{
    public static readonly PodDeleteStatus Okay = new(true, PodDeleteReason.Okay);
    public static PodDeleteStatus Skip(string why) => new(false, PodDeleteReason.Skip, why);
    public static PodDeleteStatus Warn(bool delete, string message) => new(delete, PodDeleteReason.Warning, message);
    public static PodDeleteStatus Warn(bool delete, DrainRule rule) => new(delete, PodDeleteReason.Warning, rule.Text, rule.Cause);
    public static PodDeleteStatus Fail(string message) => new(false, PodDeleteReason.Error, message);
    public static PodDeleteStatus Fail(DrainRule rule) => new(false, PodDeleteReason.Error, rule.Text, rule.Cause);
}
