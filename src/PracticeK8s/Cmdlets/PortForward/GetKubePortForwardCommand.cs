using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Session;

namespace PracticeK8s.Cmdlets.PortForward;

/// <summary>
/// Lists the port-forwards of this session (started by Start-KubePortForward): running, and ended by
/// themselves (State Ended, with the reason in Error) until Stop-KubePortForward removes them.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KubePortForward")]
[OutputType("PracticeK8s.Engine.PortForward.PortForwardSession")]
public sealed class GetKubePortForwardCommand : KubeAsyncCmdlet
{
    /// <summary>Only these forwards (their Id).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public int[]? Id { get; set; }

    private Runspace? _session;

    protected override void OnPipelineThread() => _session ??= Runspace.DefaultRunspace;

    protected override Task ProcessRecordAsync(CancellationToken cancel)
    {
        var registry = SessionPortForwards.For(_session ?? Runspace.DefaultRunspace);
        if (Id is null)
        {
            foreach (var session in registry.All)
                PostObject(session);
            return Task.CompletedTask;
        }
        foreach (var id in Id)
        {
            if (registry.Get(id) is { } session)
                PostObject(session);
            else
                PostError(NotFound(id));
        }
        return Task.CompletedTask;
    }

    internal static ErrorRecord NotFound(int id) =>
        new KubeException($"no port-forward with Id {id} in this session", "KubePortForwardNotFound", ErrorCategory.ObjectNotFound, id).ToErrorRecord(id);
}
