using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PracticeK8s.Session;

namespace PracticeK8s.Cmdlets.PortForward;

/// <summary>
/// Stops port-forwards of this session (by Id, piped from Get-/Start-KubePortForward, or -All): their
/// listeners close at once, open connections are cut, and they leave the list.
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "KubePortForward", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ById)]
public sealed class StopKubePortForwardCommand : KubeAsyncCmdlet
{
    private const string ById = "ById";
    private const string All_ = "All";

    /// <summary>The forwards to stop (their Id; bound from piped forwards).</summary>
    [Parameter(ParameterSetName = ById, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public int[] Id { get; set; } = [];

    /// <summary>Stop every forward of this session.</summary>
    [Parameter(ParameterSetName = All_, Mandatory = true)]
    public SwitchParameter All { get; set; }

    private Runspace? _session;

    protected override void OnPipelineThread() => _session ??= Runspace.DefaultRunspace;

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var registry = SessionPortForwards.For(_session ?? Runspace.DefaultRunspace);
        var ids = All ? registry.All.Select(s => s.Id).ToArray() : Id;
        foreach (var id in ids)
        {
            if (registry.Get(id) is not { } session)
            {
                PostError(GetKubePortForwardCommand.NotFound(id));
                continue;
            }
            var what = $"port-forward {id}: {session.Target} in namespace {session.Namespace} ({string.Join(", ", session.Endpoints.Select(e => $"{e.Address} -> {e.RemotePort}"))})";
            if (await ShouldProcessAsync(what, "Stop", cancel).ConfigureAwait(false))
                registry.Stop(id);
        }
    }
}
