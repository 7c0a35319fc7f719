using System.Management.Automation;
using System.Text;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Exec;
using PracticeK8s.Engine.Objects;

namespace PracticeK8s.Cmdlets.Exec;

/// <summary>
/// kubectl exec: runs a command in a container. Stdout lines go to the pipeline, stderr lines become
/// non-terminating errors (or output with -MergeError); the remote exit code lands in $LASTEXITCODE
/// and on the -PassThru result. Piped text is the command's stdin; piped pods are where it runs.
/// -Interactive attaches the console (TTY, raw keys, resize).
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "KubeExec", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(string), typeof(ExecResult))]
public sealed class InvokeKubeExecCommand : KubeCmdlet
{
    /// <summary>The pod to run in (bound from piped pods too).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(PodNameCompleter))]
    public string? Name { get; set; }

    /// <summary>The program and its arguments (no shell is involved: use sh,-c,'...' for one).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    public string[] Command { get; set; } = [];

    /// <summary>The container (default: the pod's default container).</summary>
    [Parameter]
    [Alias("c")]
    [ArgumentCompleter(typeof(ContainerNameCompleter))]
    public string? Container { get; set; }

    /// <summary>Pods to run the command in, or text sent to the command's stdin (one line per object).</summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

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
    private System.Management.Automation.Host.PSHostUserInterface? _ui;

    protected override void OnPipelineThread()
    {
        base.OnPipelineThread();
        _ui ??= Host?.UI;
    }

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
            try
            {
                var (target, notice) = PodExec.Resolve(InputObject.BaseObject, Container);
                if (notice is not null)
                    PostWarning(notice);
                await RunAsync(ResolveTarget(), target, null, cancel).ConfigureAwait(false);
            }
            catch (KubeException e)
            {
                PostError(e.ToErrorRecord(InputObject));
            }
            return;
        }
        _hasStdin = true;
        _stdin.Append(InputObject.BaseObject?.ToString()).Append('\n');
    }

    protected override async Task EndProcessingAsync(CancellationToken cancel)
    {
        if (_ranOnPipedPod)
            return;
        if (string.IsNullOrEmpty(Name))
            throw new KubeException("-Name is required: the pod to run the command in", "KubeInvalidArguments", ErrorCategory.InvalidArgument, null);
        var kube = ResolveTarget();
        ExecTarget target;
        string? notice;
        try
        {
            (target, notice) = await new PodExec(kube.Connection).ResolveAsync(kube.Namespace, Name, Container, cancel).ConfigureAwait(false);
        }
        catch (KubeException e)
        {
            PostError(e.ToErrorRecord(Name));
            return;
        }
        if (notice is not null)
            PostWarning(notice);
        var stdin = _hasStdin ? new MemoryStream(new UTF8Encoding(false).GetBytes(_stdin.ToString())) : null;
        await RunAsync(kube, target, stdin, cancel).ConfigureAwait(false);
    }

    private async Task RunAsync(KubeTarget kube, ExecTarget target, Stream? stdin, CancellationToken cancel)
    {
        if (!await ShouldProcessAsync($"pod/{target.Pod} container {target.Container} in namespace {target.Namespace}",
                $"Run '{string.Join(" ", Command)}'", cancel).ConfigureAwait(false))
        {
            return;
        }
        var exec = new PodExec(kube.Connection);
        IReadOnlyList<string>? protocols = Protocol is null ? null : [Protocol];
        ExecOutcome outcome;
        if (Interactive)
        {
            outcome = await new InteractiveTerminal(_ui).RunAsync(exec, target, Command, protocols, cancel).ConfigureAwait(false);
        }
        else
        {
            var stdout = new LineSplitter();
            var stderr = new LineSplitter();
            outcome = await exec.RunAsync(target, Command, new ExecStreams
            {
                Stdin = stdin,
                Tty = Tty,
                Protocols = protocols,
                Stdout = (data, _) => { foreach (var line in stdout.Push(data.Span)) PostObject(line); return ValueTask.CompletedTask; },
                Stderr = (data, _) => { foreach (var line in stderr.Push(data.Span)) PostStderr(target, line); return ValueTask.CompletedTask; },
                Connected = protocol =>
                {
                    PostVerbose($"exec in {target}: protocol {protocol}");
                    if (stdin is not null && !ChannelProtocol.SupportsClose(protocol))
                        PostWarning($"the server speaks {protocol}, which cannot signal the end of stdin: a command that reads stdin to its end will not finish");
                },
            }, cancel).ConfigureAwait(false);
            if (stdout.Flush() is { } lastOut)
                PostObject(lastOut);
            if (stderr.Flush() is { } lastErr)
                PostStderr(target, lastErr);
        }

        int code = outcome.ExitCode;
        Post(() => SessionState.PSVariable.Set("global:LASTEXITCODE", code));
        if (code != 0)
        {
            PostError(new KubeException($"command terminated with exit code {code}", "KubeExecNonZeroExitCode", ErrorCategory.NotSpecified,
                target.Pod).ToErrorRecord(target.Pod));
        }
        if (PassThru)
            PostObject(new ExecResult(target.Namespace, target.Pod, target.Container, Command, code, outcome.Protocol));
    }

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
