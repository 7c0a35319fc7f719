using System.Management.Automation;
using System.Text;

namespace PracticeK8s.Cmdlets.Exec;

/// <summary>
/// What Connect-KubePod and Debug-KubePod share: the attach switches (kubectl -i, -t, -it), piped
/// text collected for the container's stdin, and the host UI an interactive session draws on.
/// </summary>
public abstract class AttachingCmdlet : KubeCmdlet
{
    /// <summary>Text sent to the container's stdin with -Stdin (one line per object).</summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>Send input to the container (kubectl -i): piped text, else this process's standard input.</summary>
    [Parameter]
    [Alias("i")]
    public SwitchParameter Stdin { get; set; }

    /// <summary>Use the container's terminal (kubectl -t); output then all arrives on stdout.</summary>
    [Parameter]
    [Alias("t")]
    public SwitchParameter Tty { get; set; }

    /// <summary>Stdin, terminal, and this console attached to the container: kubectl -it.</summary>
    [Parameter]
    [Alias("it")]
    public SwitchParameter Interactive { get; set; }

    /// <summary>Print nothing but the container's output (no prompt hint, no session-ended line).</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    private readonly StringBuilder _piped = new();
    private bool _hasPiped;

    /// <summary>The host UI, taken on the pipeline thread for the interactive session.</summary>
    protected System.Management.Automation.Host.PSHostUserInterface? HostUi { get; private set; }

    /// <summary>The piped text for stdin, or null when nothing was piped.</summary>
    protected string? PipedText => _hasPiped ? _piped.ToString() : null;

    protected bool WantsStdin => Stdin || Interactive || _hasPiped;
    protected bool WantsTty => Tty || Interactive;

    protected override void OnPipelineThread()
    {
        base.OnPipelineThread();
        HostUi ??= Host?.UI;
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
}
