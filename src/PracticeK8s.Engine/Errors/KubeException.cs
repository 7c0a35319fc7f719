using System.Management.Automation;

namespace PracticeK8s.Engine.Errors;

/// <summary>
/// A failure the engine has already classified: it carries the ErrorId, category and target
/// that the cmdlet writes (non-terminating) or throws (terminating) unchanged.
/// </summary>
public class KubeException : Exception
{
    public KubeException(string message, string errorId, ErrorCategory category, object? target = null,
        Exception? inner = null, string? recommendedAction = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Category = category;
        Target = target;
        RecommendedAction = recommendedAction;
    }

    public string ErrorId { get; }
    public ErrorCategory Category { get; }
    public object? Target { get; set; }
    public string? RecommendedAction { get; }

    public ErrorRecord ToErrorRecord(object? target = null)
    {
        var record = new ErrorRecord(this, ErrorId, Category, target ?? Target);
        if (RecommendedAction is not null)
            record.ErrorDetails = new ErrorDetails(Message) { RecommendedAction = RecommendedAction };
        return record;
    }
}

/// <summary>A kubeconfig that is missing, unreadable, malformed or names something that is not there.</summary>
public sealed class KubeConfigException : KubeException
{
    public KubeConfigException(string message, string errorId = "KubeConfigInvalid", object? target = null,
        Exception? inner = null, string? recommendedAction = null)
        : base(message, errorId, errorId == "KubeConfigNotFound" ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidArgument,
            target, inner, recommendedAction)
    {
    }

    /// <summary>File, line and column (1-based) when the failure is in a file's text.</summary>
    public string? File { get; init; }
    public int? Line { get; init; }
    public int? Column { get; init; }
}
