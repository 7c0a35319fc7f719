using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.PortForward;
using PracticeK8s.Session;

namespace PracticeK8s.Cmdlets.PortForward;

/// <summary>
/// kubectl port-forward: listens on local ports and forwards each connection to a port of a pod (named,
/// piped, or chosen from a Service or workload as kubectl chooses). Returns the forward, which keeps
/// running in the background of the session (Get-KubePortForward, Stop-KubePortForward); with -Wait it
/// runs in the foreground, printing kubectl's lines, until Ctrl+C.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "KubePortForward")]
[OutputType("PracticeK8s.Engine.PortForward.PortForwardSession")]
public sealed class StartKubePortForwardCommand : KubeCmdlet
{
    /// <summary>A pod name, or TYPE/NAME: pod/x, service/x (svc/x), deployment/x (deploy/x), replicaset/x, statefulset/x.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(PodNameCompleter))]
    public string? Name { get; set; }

    /// <summary>Forward to a pod of this Service (service ports are mapped to their target ports).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string? Service { get; set; }

    /// <summary>Forward to a pod of this Deployment.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(DeploymentNameCompleter))]
    public string? Deployment { get; set; }

    /// <summary>Port pairs as kubectl takes them: 8080, 8080:80, 0:80 or :80 (a free local port), or a port name.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ArgumentCompleter(typeof(ForwardPortCompleter))]
    public string[] Port { get; set; } = [];

    /// <summary>Local addresses to listen on (kubectl --address): localhost (127.0.0.1 and ::1, the default) or IP addresses.</summary>
    [Parameter]
    public string[]? Address { get; set; }

    /// <summary>Pods, Services or workloads from the pipeline (Get-KubePod, Get-KubeService, Get-KubeDeployment).</summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>Stay in the foreground, printing kubectl's lines, until Ctrl+C or the forward ends.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>How many connections are forwarded at once; more wait until one ends.</summary>
    [Parameter]
    [ValidateRange(1, 4096)]
    public int MaxConnections { get; set; } = new PortForwardOptions().MaxConnections;

    private Runspace? _session;
    private bool _ranOnPipedObject;

    protected override void OnPipelineThread()
    {
        base.OnPipelineThread();
        _session ??= Runspace.DefaultRunspace;
    }

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        if (InputObject is null || InputObject.BaseObject is string || ObjectFacts.Of(InputObject) is not { Kind: not null })
            return;
        _ranOnPipedObject = true;
        try
        {
            var kube = ResolveTarget();
            var (mappings, addresses) = Arguments();
            var target = await new ForwardTargets(kube.Connection).ForObjectAsync(InputObject.BaseObject, kube.Namespace, mappings, cancel).ConfigureAwait(false);
            await StartAsync(kube, target, addresses, cancel).ConfigureAwait(false);
        }
        catch (KubeException e)
        {
            PostError(e.ToErrorRecord(InputObject));
        }
    }

    protected override async Task EndProcessingAsync(CancellationToken cancel)
    {
        if (_ranOnPipedObject)
            return;
        var named = new[] { Name, Service is null ? null : "service/" + Service, Deployment is null ? null : "deployment/" + Deployment }
            .Where(n => !string.IsNullOrEmpty(n)).ToList();
        if (named.Count != 1)
        {
            throw new KubeException(named.Count == 0 ? "TYPE/NAME and list of ports are required for port-forward: give -Name, -Service or -Deployment"
                : "give only one of -Name, -Service and -Deployment", "KubeInvalidArguments", ErrorCategory.InvalidArgument, null);
        }
        var kube = ResolveTarget();
        var (mappings, addresses) = Arguments();
        ForwardTarget target;
        try
        {
            target = await new ForwardTargets(kube.Connection).ForNameAsync(kube.Namespace, named[0]!, mappings, cancel).ConfigureAwait(false);
        }
        catch (KubeException e)
        {
            PostError(e.ToErrorRecord(named[0]));
            return;
        }
        await StartAsync(kube, target, addresses, cancel).ConfigureAwait(false);
    }

    private (IReadOnlyList<PortMapping>, IReadOnlyList<ListenAddress>) Arguments() =>
        (PortMapping.ParseAll(Port), ListenAddress.ParseAll(Address));

    private async Task StartAsync(KubeTarget kube, ForwardTarget target, IReadOnlyList<ListenAddress> addresses, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        var session = PortForwards.Create(kube.Connection, target, new PortForwardOptions { MaxConnections = MaxConnections });
        IReadOnlyList<string> notices;
        try
        {
            notices = session.Start(addresses);
        }
        catch (KubeException e)
        {
            PostError(e.ToErrorRecord(target.Description));
            return;
        }
        foreach (var notice in notices)
            PostWarning(notice);
        if (Wait)
            await RunInForegroundAsync(session, cancel).ConfigureAwait(false);
        else
            await HandOverAsync(session, cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// Registers the forward with the session and writes it, on the pipeline thread. If the command is
    /// stopped first (Ctrl+C) or the write fails, the forward is stopped: no listener outlives a
    /// command that did not hand it over.
    /// </summary>
    private async Task HandOverAsync(PortForwardSession session, CancellationToken cancel)
    {
        var gate = new object();
        bool adopted = false, abandoned = false;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            lock (gate)
            {
                if (abandoned || StopToken.IsCancellationRequested)
                {
                    abandoned = true;
                    session.Stop();
                    done.TrySetResult();
                    return;
                }
                adopted = true;
            }
            var registry = SessionPortForwards.For(_session ?? Runspace.DefaultRunspace);
            registry.Add(session);
            done.TrySetResult();
            try
            {
                foreach (var endpoint in session.Endpoints)
                    WriteVerbose(endpoint.ToString());
                WriteObject(session);
            }
            catch
            {
                registry.Stop(session.Id);
                throw;
            }
        });
        try
        {
            await done.Task.WaitAsync(cancel).ConfigureAwait(false);
        }
        finally
        {
            lock (gate)
            {
                if (!adopted)
                {
                    abandoned = true;
                    session.Stop();
                }
            }
        }
    }

    private async Task RunInForegroundAsync(PortForwardSession session, CancellationToken cancel)
    {
        using (session)
        {
            session.ConnectionAccepted += port => PostNotice($"Handling connection for {port}");
            session.ConnectionFailed += message => PostWarning(message);
            foreach (var endpoint in session.Endpoints)
                PostNotice(endpoint.ToString());
            await session.Completion.WaitAsync(cancel).ConfigureAwait(false);
            if (session.State == PortForwardState.Ended)
            {
                PostError(new KubeException(session.Error ?? PodWatchReason, "KubePortForwardLost", ErrorCategory.ConnectionError, session.Target)
                    .ToErrorRecord(session.Target));
            }
        }
    }

    private const string PodWatchReason = "lost connection to pod";
}
