using PracticeK8s.Engine.Resources;

namespace PracticeK8s.Engine.Changes;

/// <summary>How a change was run: for real, computed locally only, or checked by the server without being stored.</summary>
public enum DryRunMode
{
    None,
    Client,
    Server,
}

/// <summary>
/// What a write cmdlet did to one object: kubectl's result line ("deployment.apps/web created",
/// "pod "web-1" deleted") as <see cref="Message"/>, which the default view prints, plus the
/// facts as properties and the live object the server answered with.
/// </summary>
public sealed class ChangeResult
{
    private ChangeResult(string message, string action, ResourceKind kind, string? ns, string name, DryRunMode dryRun, string? source, object? obj)
    {
        Message = message;
        Action = action;
        Resource = kind.QualifiedKind;
        Kind = kind.Kind;
        Namespace = ns;
        Name = name;
        DryRun = dryRun;
        Source = source;
        Object = obj;
    }

    /// <summary>kubectl's line for this change.</summary>
    public string Message { get; }

    /// <summary>created, configured, unchanged, serverside-applied, deleted, scaled, edited, restarted, rolled back, ...</summary>
    public string Action { get; }

    /// <summary>kubectl's kind.group form: "deployment.apps", "pod".</summary>
    public string Resource { get; }

    public string Kind { get; }
    public string? Namespace { get; }
    public string Name { get; }
    public DryRunMode DryRun { get; }

    /// <summary>The file (and document) or other input the object came from, when there was one.</summary>
    public string? Source { get; }

    /// <summary>The object as the server returned it (typed model for built-in kinds); null when nothing was sent.</summary>
    public object? Object { get; }

    /// <summary>"deployment.apps/web created", "... (dry run)", "... (server dry run)".</summary>
    public static ChangeResult Slashed(ResourceKind kind, string? ns, string name, string action, DryRunMode dryRun = DryRunMode.None,
        string? source = null, object? obj = null) =>
        new($"{kind.QualifiedKind}/{name} {action}{Suffix(dryRun)}", action, kind, ns, name, dryRun, source, obj);

    /// <summary>"pod "web-1" deleted" (kubectl delete's form).</summary>
    public static ChangeResult Quoted(ResourceKind kind, string? ns, string name, string action, DryRunMode dryRun = DryRunMode.None,
        string? source = null, object? obj = null) =>
        new($"{kind.QualifiedKind} \"{name}\" {action}{Suffix(dryRun)}", action, kind, ns, name, dryRun, source, obj);

    /// <summary>A line of its own (rollout status: "deployment "web" successfully rolled out").</summary>
    public static ChangeResult WithMessage(string message, ResourceKind kind, string? ns, string name, string action, object? obj = null) =>
        new(message, action, kind, ns, name, DryRunMode.None, null, obj);

    private static string Suffix(DryRunMode dryRun) => dryRun switch
    {
        DryRunMode.Client => " (dry run)",
        DryRunMode.Server => " (server dry run)",
        _ => "",
    };

    public override string ToString() => Message;
}
