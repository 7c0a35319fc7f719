using PracticeK8s.Engine.Changes;

namespace PracticeK8s.Engine.Apply;

/// <summary>How Publish-KubeResource applies: client- or server-side, field manager, conflicts, dry run, namespaces.</summary>
public sealed record ApplyOptions
{
    /// <summary>kubectl's field manager for client-side apply (creates and patches).</summary>
    public const string ClientSideFieldManager = "kubectl-client-side-apply";

    /// <summary>kubectl's default field manager for --server-side; ours too, so both tools own the same fields.</summary>
    public const string ServerSideFieldManager = "kubectl";

    public bool ServerSide { get; init; }
    public string? FieldManager { get; init; }
    public bool ForceConflicts { get; init; }
    public DryRunMode DryRun { get; init; }

    /// <summary>The namespace of objects that name none (the session's or context's).</summary>
    public string DefaultNamespace { get; init; } = "default";

    /// <summary>-Namespace as given by the user: objects naming another namespace are refused.</summary>
    public string? ExplicitNamespace { get; init; }

    public string EffectiveFieldManager =>
        !string.IsNullOrEmpty(FieldManager) ? FieldManager : ServerSide ? ServerSideFieldManager : ClientSideFieldManager;
}
