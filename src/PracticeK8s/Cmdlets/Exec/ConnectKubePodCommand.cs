using System.Management.Automation;
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
public sealed class ConnectKubePodCommand : AttachingCmdlet
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
            plan = AttachPlan.For(pod, target.Container, stdin: WantsStdin, tty: WantsTty);
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
            outcome = await new AttachSession(HostUi, line => PostObject(line), line => PostError(AttachSession.StderrRecord(target, line)), PostVerbose)
                .RunAsync(exec, target, plan, Interactive, PipedText, cancel).ConfigureAwait(false);
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
