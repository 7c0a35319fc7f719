using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace PracticeK8s.Session;

/// <summary>
/// What Use-KubeContext chose for one runspace (PowerShell session): a context and a default
/// namespace that override the kubeconfig for this session only. Other shells, and runspaces
/// started by ForEach-Object -Parallel, start from the kubeconfig.
/// </summary>
internal sealed class SessionSelection
{
    private static readonly ConditionalWeakTable<Runspace, SessionSelection> s_byRunspace = new();
    private static readonly SessionSelection s_none = new();

    public string? Context { get; set; }
    public string? Namespace { get; set; }

    /// <summary>The selection in force before Start-KubeSandbox switched to the sandbox, restored by Stop-KubeSandbox.</summary>
    public (string? Context, string? Namespace)? BeforeSandbox { get; set; }

    /// <summary>The selection of a runspace (read-only empty selection when there is none).</summary>
    public static SessionSelection Of(Runspace? runspace) =>
        runspace is not null && s_byRunspace.TryGetValue(runspace, out var selection) ? selection : s_none;

    public static SessionSelection For(Runspace runspace) => s_byRunspace.GetValue(runspace, _ => new SessionSelection());
}
