using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using PracticeK8s.Engine.PortForward;

namespace PracticeK8s.Session;

/// <summary>
/// The port-forwards of each PowerShell session (runspace). They run on pool threads, which may not
/// write to any pipeline; so a forward that ends by itself is only marked, and the next PracticeK8s
/// cmdlet that runs in its session (Get-KubePortForward among them) warns about it from its own
/// pipeline thread, where the user's -WarningAction and redirections apply. (An engine event would
/// run at an arbitrary moment in the middle of the prompt and could not honour either.)
/// Closing the runspace, or removing the module from it, stops its forwards and frees their ports.
/// </summary>
internal static class SessionPortForwards
{
    private static readonly ConditionalWeakTable<Runspace, PortForwardRegistry> s_byRunspace = new();

    public static PortForwardRegistry For(Runspace runspace) => s_byRunspace.GetValue(runspace, r =>
    {
        r.StateChanged += (_, e) =>
        {
            if (e.RunspaceStateInfo.State is RunspaceState.Closing or RunspaceState.Closed or RunspaceState.Broken)
                StopAll(r);
        };
        return new PortForwardRegistry();
    });

    /// <summary>The warnings for forwards of this session that ended since the last call (each once).</summary>
    public static IReadOnlyList<string> TakeEndWarnings(Runspace? runspace)
    {
        if (runspace is null || !s_byRunspace.TryGetValue(runspace, out var registry))
            return [];
        return registry.TakeUnreportedEnds().Select(PortForwardRegistry.EndWarning).ToList();
    }

    public static void StopAll(Runspace? runspace)
    {
        if (runspace is not null && s_byRunspace.TryGetValue(runspace, out var registry))
            registry.StopAll();
    }
}
