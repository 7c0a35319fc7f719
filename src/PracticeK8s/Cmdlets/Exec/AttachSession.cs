using System.Management.Automation;
using System.Text;
using PracticeK8s.Engine.Exec;

namespace PracticeK8s.Cmdlets.Exec;

/// <summary>
/// One attach as Connect-KubePod and Debug-KubePod run it: with -Interactive this console is the
/// terminal (Ctrl+P Ctrl+Q detaches); otherwise stdout lines go to <paramref name="stdoutLine"/>,
/// stderr lines to <paramref name="stderrLine"/>, and input is the given text or this process's stdin.
/// </summary>
internal sealed class AttachSession(System.Management.Automation.Host.PSHostUserInterface? ui, Action<string> stdoutLine, Action<string> stderrLine,
    Action<string> verbose)
{
    public async Task<ExecOutcome> RunAsync(PodExec exec, ExecTarget target, AttachPlan plan, bool interactive, string? pipedInput, CancellationToken cancel)
    {
        if (interactive)
        {
            return await new InteractiveTerminal(ui).RunAsync((streams, token) => exec.AttachAsync(target, streams, token), null,
                plan.Tty, detachKeys: true, cancel).ConfigureAwait(false);
        }
        Stream? stdin = !plan.Stdin ? null
            : pipedInput is not null ? new MemoryStream(new UTF8Encoding(false).GetBytes(pipedInput))
            : Console.OpenStandardInput();
        var output = new ExecOutputLines(stdoutLine, stderrLine);
        var outcome = await exec.AttachAsync(target, new ExecStreams
        {
            Stdin = stdin,
            Tty = plan.Tty,
            Stdout = (data, _) => { output.Stdout(data.Span); return ValueTask.CompletedTask; },
            Stderr = (data, _) => { output.Stderr(data.Span); return ValueTask.CompletedTask; },
            Connected = protocol => verbose($"attached to {target}: protocol {protocol}"),
        }, cancel).ConfigureAwait(false);
        output.Flush();
        return outcome;
    }

    public static ErrorRecord StderrRecord(ExecTarget target, string line) =>
        new(new RemoteStderrException(line), "KubeAttachStderr", ErrorCategory.NotSpecified, $"pod/{target.Pod}");
}
