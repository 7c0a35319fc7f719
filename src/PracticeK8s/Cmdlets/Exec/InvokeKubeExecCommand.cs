using System.Management.Automation;
using System.Text;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Exec;
using PracticeK8s.Engine.Objects;

namespace PracticeK8s.Cmdlets.Exec;

/// <summary>
/// kubectl exec: runs a command in a container. Everything after <c>--</c> is the command. Stdout
/// lines go to the pipeline, stderr lines become non-terminating errors (or output with -MergeError);
/// the remote exit code lands in $LASTEXITCODE (1 when the command could not run, as kubectl exits)
/// and on the -PassThru result. Piped text is the command's stdin; piped pods are where it runs.
/// -Interactive attaches the console (TTY, raw keys, resize).
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "KubeExec", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ByName)]
[OutputType(typeof(string), typeof(ExecResult))]
public sealed class InvokeKubeExecCommand : KubeCmdlet
{
    private const string ByName = "ByName";
    private const string ByDeployment = "ByDeployment";
    private const string ByService = "ByService";

    /// <summary>The pod to run in, or KIND/NAME (deploy/web, svc/web) for one of its pods; bound from piped pods too.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByName)]
    [ArgumentCompleter(typeof(PodNameCompleter))]
    public string? Name { get; set; }

    /// <summary>Run in a pod of this Deployment (kubectl exec deploy/NAME).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByDeployment)]
    [ArgumentCompleter(typeof(DeploymentNameCompleter))]
    public string? Deployment { get; set; }

    /// <summary>Run in a pod this Service selects (kubectl exec svc/NAME).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByService)]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string? Service { get; set; }

    /// <summary>The program and its arguments: everything after --, or -Command sh,-c,'...'. No shell is involved.</summary>
    [Parameter(ValueFromRemainingArguments = true)]
    public string[] Command { get; set; } = [];

    /// <summary>The container (default: the pod's default container).</summary>
    [Parameter]
    [Alias("c")]
    [ArgumentCompleter(typeof(ContainerNameCompleter))]
    public string? Container { get; set; }

    /// <summary>Pods to run the command in, or text sent to the command's stdin (one line per object).</summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>Without piped text: pass this process's standard input to the command (kubectl exec -i).</summary>
    [Parameter]
    [Alias("i")]
    public SwitchParameter Stdin { get; set; }

    /// <summary>Write stderr lines to the output like stdout lines instead of as errors.</summary>
    [Parameter]
    public SwitchParameter MergeError { get; set; }

    /// <summary>Also write an ExecResult (pod, container, command, exit code, protocol) after the output.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Attach this console to the command with a terminal, like kubectl exec -it.</summary>
    [Parameter]
    [Alias("it")]
    public SwitchParameter Interactive { get; set; }

    /// <summary>Ask for a terminal without attaching the console (output comes on stdout only).</summary>
    [Parameter]
    [Alias("t")]
    public SwitchParameter Tty { get; set; }

    /// <summary>The channel protocol to use: v5.channel.k8s.io, v4.channel.k8s.io (default: offer v5, then v4).</summary>
    [Parameter]
    [ValidateSet(ChannelProtocol.V5, ChannelProtocol.V4)]
    public string? Protocol { get; set; }

    private readonly StringBuilder _stdin = new();
    private bool _hasStdin;
    private bool _ranOnPipedPod; // a Kubernetes object came down the pipeline: it, not -Name, says where to run
    private bool _nameOnCommandLine;
    private System.Management.Automation.Host.PSHostUserInterface? _ui;

    protected override void OnPipelineThread()
    {
        base.OnPipelineThread();
        _ui ??= Host?.UI;
    }

    protected override Task BeginProcessingAsync(CancellationToken cancel)
    {
        // Before any pipeline binding: a name bound now was typed on the command line.
        _nameOnCommandLine = ParameterSetName == ByName && MyInvocation.BoundParameters.ContainsKey(nameof(Name));
        return base.BeginProcessingAsync(cancel);
    }

    /// <summary>
    /// With pods piped in, the first positional word cannot be a pod name (PowerShell binds it to
    /// -Name before the pipeline runs): `$pod | Invoke-KubeExec -- ls -la` means the command ls -la.
    /// </summary>
    private IReadOnlyList<string> CommandFor(bool pipedPod) =>
        pipedPod && _nameOnCommandLine && !string.IsNullOrEmpty(Name) ? [Name, .. Command] : Command;

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        if (InputObject is null)
            return;
        if (InputObject.BaseObject is not string && ObjectFacts.Of(InputObject) is { Kind: not null } facts)
        {
            _ranOnPipedPod = true;
            if (facts.Kind != "Pod")
            {
                PostError(new KubeException($"Invoke-KubeExec runs commands in pods, not in a {facts.Kind} ({facts.Name})", "KubeKindMismatch",
                    ErrorCategory.InvalidArgument, InputObject).ToErrorRecord(InputObject));
                return;
            }
            var command = RequireCommand(CommandFor(pipedPod: true));
            var kube = ResolveTarget();
            var pod = InputObject.BaseObject;
            await RunInPodAsync(kube, _ => Task.FromResult(pod), facts.Name ?? "", command, null, cancel).ConfigureAwait(false);
            return;
        }
        _hasStdin = true;
        _stdin.Append(InputObject.BaseObject?.ToString()).Append('\n');
    }

    protected override async Task EndProcessingAsync(CancellationToken cancel)
    {
        if (_ranOnPipedPod)
            return;
        var named = ParameterSetName switch
        {
            ByDeployment => $"deployment/{Deployment}",
            ByService => $"service/{Service}",
            _ => Name,
        };
        if (string.IsNullOrEmpty(named))
            throw new KubeException("-Name is required: the pod to run the command in", "KubeInvalidArguments", ErrorCategory.InvalidArgument, null);
        var command = RequireCommand(Command);
        var kube = ResolveTarget();
        Stream? stdin = _hasStdin ? new MemoryStream(new UTF8Encoding(false).GetBytes(_stdin.ToString()))
            : Stdin && !Interactive ? Console.OpenStandardInput() : null;
        await RunInPodAsync(kube, token => new ExecPods(kube.Connection).ForNameAsync(kube.Namespace, named, token), named, command, stdin, cancel)
            .ConfigureAwait(false);
    }

    private static IReadOnlyList<string> RequireCommand(IReadOnlyList<string> command) => command.Count > 0 ? command
        : throw new KubeException("you must specify at least one command for the container (after --, or with -Command)", "KubeInvalidArguments",
            ErrorCategory.InvalidArgument, null);

    /// <summary>
    /// One pod, found however it was named. Whatever fails (no such pod, the command cannot start) is
    /// one non-terminating error and $LASTEXITCODE 1, as kubectl reports and exits.
    /// </summary>
    private async Task RunInPodAsync(KubeTarget kube, Func<CancellationToken, Task<object>> findPod, string named, IReadOnlyList<string> command,
        Stream? stdin, CancellationToken cancel)
    {
        ExecTarget? target = null;
        try
        {
            var (found, notice) = PodExec.Resolve(await findPod(cancel).ConfigureAwait(false), Container);
            target = found;
            if (notice is not null)
                PostWarning(notice);
            await RunAsync(kube, target, command, stdin, cancel).ConfigureAwait(false);
        }
        catch (KubeException e)
        {
            SetExitCode(PodExec.FailureExitCode);
            PostError(PodExec.Failure(e, target).ToErrorRecord(target?.Pod ?? (object)named));
        }
    }

    private async Task RunAsync(KubeTarget kube, ExecTarget target, IReadOnlyList<string> command, Stream? stdin, CancellationToken cancel)
    {
        if (!await ShouldProcessAsync($"pod/{target.Pod} container {target.Container} in namespace {target.Namespace}",
                $"Run '{string.Join(" ", command)}'", cancel).ConfigureAwait(false))
        {
            return;
        }
        var exec = new PodExec(kube.Connection);
        IReadOnlyList<string>? protocols = Protocol is null ? null : [Protocol];
        ExecOutcome outcome;
        if (Interactive)
        {
            outcome = await new InteractiveTerminal(_ui).RunAsync(exec, target, command, protocols, cancel).ConfigureAwait(false);
        }
        else
        {
            var output = new ExecOutputLines(line => PostObject(line), line => PostStderr(target, line));
            outcome = await exec.RunAsync(target, command, new ExecStreams
            {
                Stdin = stdin,
                Tty = Tty,
                Protocols = protocols,
                Stdout = (data, _) => { output.Stdout(data.Span); return ValueTask.CompletedTask; },
                Stderr = (data, _) => { output.Stderr(data.Span); return ValueTask.CompletedTask; },
                Connected = protocol =>
                {
                    PostVerbose($"exec in {target}: protocol {protocol}");
                    if (stdin is not null && !ChannelProtocol.SupportsClose(protocol))
                        PostWarning($"the server speaks {protocol}, which cannot signal the end of stdin: a command that reads stdin to its end will not finish");
                },
            }, cancel).ConfigureAwait(false);
            output.Flush();
        }

        int code = outcome.ExitCode;
        SetExitCode(code);
        if (code != 0)
        {
            PostError(new KubeException($"command terminated with exit code {code}", "KubeExecNonZeroExitCode", ErrorCategory.NotSpecified,
                target.Pod).ToErrorRecord(target.Pod));
        }
        if (PassThru)
            PostObject(new ExecResult(target.Namespace, target.Pod, target.Container, command, code, outcome.Protocol));
    }

    private void SetExitCode(int code) => Post(() => SessionState.PSVariable.Set("global:LASTEXITCODE", code));

    private void PostStderr(ExecTarget target, string line)
    {
        if (MergeError)
            PostObject(line);
        else
            PostError(new ErrorRecord(new RemoteStderrException(line), "KubeExecStderr", ErrorCategory.NotSpecified, $"pod/{target.Pod}"));
    }
}

/// <summary>A line the remote command wrote to stderr.</summary>
public sealed class RemoteStderrException(string line) : Exception(line);
