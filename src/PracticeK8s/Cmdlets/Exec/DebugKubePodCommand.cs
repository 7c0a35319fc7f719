using System.Management.Automation;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Debug;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Exec;

namespace PracticeK8s.Cmdlets.Exec;

/// <summary>
/// kubectl debug POD --image: adds an ephemeral container to a running pod (in the PID namespace of
/// -Target), waits until it runs and, with -Interactive or -Stdin, attaches to it like Connect-KubePod.
/// </summary>
[Cmdlet(VerbsDiagnostic.Debug, "KubePod", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(string))]
public sealed class DebugKubePodCommand : AttachingCmdlet
{
    /// <summary>The pod to debug, or KIND/NAME (deploy/web) for one of its pods.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(PodNameCompleter))]
    public string Name { get; set; } = "";

    /// <summary>The debug container's image (kubectl debug --image).</summary>
    [Parameter(Mandatory = true)]
    public string Image { get; set; } = "";

    /// <summary>The container whose process namespace the debug container joins (kubectl debug --target).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ContainerNameCompleter))]
    public string? Target { get; set; }

    /// <summary>The debug container's name (kubectl debug -c); default debugger-xxxxx.</summary>
    [Parameter]
    [Alias("c")]
    public string? Container { get; set; }

    /// <summary>The debug container's command: everything after --, or -Command. Default: the image's.</summary>
    [Parameter(ValueFromRemainingArguments = true)]
    public string[] Command { get; set; } = [];

    /// <summary>How long to wait for the debug container to start (default 1 minute).</summary>
    [Parameter]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(1);

    protected override async Task EndProcessingAsync(CancellationToken cancel)
    {
        var kube = ResolveTarget();
        bool stdin = WantsStdin, tty = WantsTty;
        object pod;
        try
        {
            pod = await new ExecPods(kube.Connection).ForNameAsync(kube.Namespace, Name, cancel).ConfigureAwait(false);
            PodExec.Resolve(pod, Target, "debug");
        }
        catch (KubeException e)
        {
            SetExitCode(PodExec.FailureExitCode);
            PostError(e.ToErrorRecord(Name));
            return;
        }
        var (podName, ns) = PodIdentity(pod, kube.Namespace);
        var name = string.IsNullOrEmpty(Container) ? PodDebugger.DefaultName() : Container;
        var container = new DebugContainer(name, Image, Target, Command, stdin, tty);
        if (!await ShouldProcessAsync($"pod/{podName} in namespace {ns}", $"Add ephemeral container {name} (image {Image}{(Target is null ? "" : $", target {Target}")})", cancel)
                .ConfigureAwait(false))
        {
            return;
        }
        if (!Quiet && Target is not null)
            PostNotice($"Targeting container \"{Target}\". If you don't see processes from this container it may be because the container runtime doesn't support this feature.");
        if (!Quiet && string.IsNullOrEmpty(Container))
            PostNotice($"Defaulting debug container name to {name}.");
        var debugger = new PodDebugger(kube.Connection);
        DebugContainerState state;
        try
        {
            await debugger.AddAsync(ns, podName, container, cancel).ConfigureAwait(false);
            if (!stdin)
                return; // kubectl debug without -i: the container runs on its own
            state = await debugger.WaitAsync(ns, podName, name, Timeout, cancel).ConfigureAwait(false);
        }
        catch (KubeException e)
        {
            SetExitCode(PodExec.FailureExitCode);
            PostError(e.ToErrorRecord(podName));
            return;
        }
        if (!state.Running)
        {
            PostWarning($"container {name}: {state.Reason ?? "terminated"} (exit code {state.ExitCode}) before it could be attached");
            SetExitCode(state.ExitCode ?? 0);
            return;
        }
        var target = new ExecTarget(ns, podName, name);
        var plan = new AttachPlan(stdin, tty, RestartsAlways: false, []);
        if (Interactive && !Quiet)
            PostNotice("If you don't see a command prompt, try pressing enter.");
        ExecOutcome outcome;
        try
        {
            outcome = await new AttachSession(HostUi, line => PostObject(line), line => PostError(AttachSession.StderrRecord(target, line)), PostVerbose)
                .RunAsync(new PodExec(kube.Connection), target, plan, Interactive, PipedText, cancel).ConfigureAwait(false);
        }
        catch (KubeException e)
        {
            SetExitCode(PodExec.FailureExitCode);
            PostError(PodExec.Failure(e, target).ToErrorRecord(podName));
            return;
        }
        SetExitCode(outcome.ExitCode);
        if (!Quiet && Interactive)
        {
            PostNotice($"Session ended, the ephemeral container will not be restarted but may be reattached using " +
                $"'Connect-KubePod {podName} -Container {name} -Interactive' if it is still running");
        }
    }

    private static (string Name, string Namespace) PodIdentity(object pod, string fallback)
    {
        var facts = Engine.Objects.ObjectFacts.Of(pod);
        return (facts?.Name ?? "", facts?.Namespace ?? fallback);
    }

    private void SetExitCode(int code) => Post(() => SessionState.PSVariable.Set("global:LASTEXITCODE", code));
}
