using System.Management.Automation;
using System.Text;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Exec;

namespace PracticeK8s.Cmdlets.Exec;

/// <summary>
/// kubectl attach: joins a running container's main process. Its output from now on goes to the
/// pipeline (stdout lines as strings, stderr lines as non-terminating errors); -Stdin sends piped
/// text or this process's input to it; -Interactive makes this console its terminal. Ctrl+C (or
/// Ctrl+P Ctrl+Q with -Interactive) detaches and leaves the container running.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "KubePod")]
[OutputType(typeof(string))]
public sealed class ConnectKubePodCommand : KubeCmdlet
{
    /// <summary>The pod, or KIND/NAME (deploy/web) for one of its pods.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(PodNameCompleter))]
    public string Name { get; set; } = "";

    /// <summary>The container (default: the pod's default container).</summary>
    [Parameter]
    [Alias("c")]
    [ArgumentCompleter(typeof(ContainerNameCompleter))]
    public string? Container { get; set; }

    /// <summary>Text sent to the container's stdin with -Stdin (one line per object).</summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>Send input to the container (kubectl attach -i): piped text, else this process's standard input.</summary>
    [Parameter]
    [Alias("i")]
    public SwitchParameter Stdin { get; set; }

    /// <summary>Use the container's terminal (kubectl attach -t); output then all arrives on stdout.</summary>
    [Parameter]
    [Alias("t")]
    public SwitchParameter Tty { get; set; }

    /// <summary>Make this console the container's terminal, like kubectl attach -it.</summary>
    [Parameter]
    [Alias("it")]
    public SwitchParameter Interactive { get; set; }

    /// <summary>Print nothing but the container's output (no prompt hint, no session-ended line).</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    private readonly StringBuilder _piped = new();
    private bool _hasPiped;
    private System.Management.Automation.Host.PSHostUserInterface? _ui;

    protected override void OnPipelineThread()
    {
        base.OnPipelineThread();
        _ui ??= Host?.UI;
    }

    protected override Task ProcessRecordAsync(CancellationToken cancel)
    {
        if (InputObject?.BaseObject is string text)
        {
            _hasPiped = true;
            _piped.Append(text).Append('\n');
        }
        return Task.CompletedTask;
    }

    protected override async Task EndProcessingAsync(CancellationToken cancel)
    {
        var kube = ResolveTarget();
        ExecTarget target;
        AttachPlan plan;
        try
        {
            var pod = await new ExecPods(kube.Connection).ForNameAsync(kube.Namespace, Name, cancel).ConfigureAwait(false);
            (target, var notice) = PodExec.Resolve(pod, Container, "attach to");
            if (notice is not null)
                PostWarning(notice);
            plan = AttachPlan.For(pod, target.Container, stdin: Stdin || Interactive || _hasPiped, tty: Tty || Interactive);
        }
        catch (KubeException e)
        {
            SetExitCode(PodExec.FailureExitCode);
            PostError(e.ToErrorRecord(Name));
            return;
        }
        foreach (var warning in plan.Warnings)
            PostWarning(warning);
        var exec = new PodExec(kube.Connection);
        ExecOutcome outcome;
        try
        {
            if (Interactive && !Quiet && plan.Stdin && plan.Tty)
                PostNotice("If you don't see a command prompt, try pressing enter.");
            outcome = await new AttachSession(_ui, line => PostObject(line), line => PostError(AttachSession.StderrRecord(target, line)), PostVerbose)
                .RunAsync(exec, target, plan, Interactive, _hasPiped ? _piped.ToString() : null, cancel).ConfigureAwait(false);
        }
        catch (KubeException e)
        {
            SetExitCode(PodExec.FailureExitCode);
            PostError(PodExec.Failure(e, target).ToErrorRecord(target.Pod));
            return;
        }
        SetExitCode(outcome.ExitCode);
        if (!Quiet && (outcome.Detached || (Interactive && plan.Stdin && plan.Tty && plan.RestartsAlways)))
        {
            PostNotice(outcome.Detached
                ? $"Detached from {target}; the container keeps running."
                : $"Session ended, resume using 'Connect-KubePod {target.Pod} -Container {target.Container} -Interactive' command when the pod is running");
        }
    }

    private void SetExitCode(int code) => Post(() => SessionState.PSVariable.Set("global:LASTEXITCODE", code));
}
