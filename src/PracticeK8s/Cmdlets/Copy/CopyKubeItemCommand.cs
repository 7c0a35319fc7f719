using PracticeK8s.Cmdlets.Write;
using System.Management.Automation;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Copy;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Exec;

namespace PracticeK8s.Cmdlets.Copy;

/// <summary>
/// kubectl cp: copies a file or directory between this machine and a container, through tar over
/// exec. One side is "[namespace/]pod:path", the other a local path (a drive letter is local).
/// Entries of a pod's archive that would land outside the destination are refused by name.
/// </summary>
[Cmdlet(VerbsCommon.Copy, "KubeItem", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class CopyKubeItemCommand : KubeWriteCmdlet
{
    /// <summary>The source: a local path, or [namespace/]pod:path.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(PodPathCompleter))]
    public string Path { get; set; } = "";

    /// <summary>The destination: [namespace/]pod:path, or a local path.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ArgumentCompleter(typeof(PodPathCompleter))]
    public string Destination { get; set; } = "";

    /// <summary>The container (default: the pod's default container).</summary>
    [Parameter]
    [Alias("c")]
    [ArgumentCompleter(typeof(ContainerNameCompleter))]
    public string? Container { get; set; }

    /// <summary>Do not carry file modes over (in the pod: tar --no-same-permissions --no-same-owner).</summary>
    [Parameter]
    public SwitchParameter NoPreserve { get; set; }

    private string? _localSource;
    private string? _localDestination;

    protected override void OnPipelineThread()
    {
        base.OnPipelineThread();
        // Relative local paths are relative to PowerShell's location, which only the pipeline thread may read.
        if (PodPath.TryParse(Path) is null)
            _localSource ??= SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (PodPath.TryParse(Destination) is null)
            _localDestination ??= SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination);
    }

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var from = PodPath.TryParse(Path);
        var to = PodPath.TryParse(Destination);
        if (from is null == (to is null))
        {
            throw new KubeException(from is null ? "one of src or dest must be a remote file specification" : "one of src or dest must be a local file specification",
                "KubeInvalidFileSpec", ErrorCategory.InvalidArgument, Destination);
        }
        var kube = ResolveTarget();
        var remote = (from ?? to)!;
        var exec = new PodExec(kube.Connection);
        var (target, notice) = await exec.ResolveAsync(remote.Namespace ?? kube.Namespace, remote.Pod, Container, cancel).ConfigureAwait(false);
        if (notice is not null)
            PostWarning(notice);

        var activity = from is null ? $"Copying {_localSource} to {remote}" : $"Copying {remote} to {_localDestination}";
        if (!await ShouldProcessAsync(from is null ? $"{remote} (container {target.Container})" : _localDestination!,
                from is null ? $"Copy {_localSource} into the container" : $"Copy {remote} here", cancel).ConfigureAwait(false))
        {
            return;
        }
        var progress = new Progress(this, activity);
        var copy = new PodCopy(exec)
        {
            OnProgress = p => progress.Update(p.Total is long total ? $"{p.Bytes:N0} of {total:N0} bytes" : $"{p.Bytes:N0} bytes",
                p.Total is long t && t > 0 ? (int)Math.Min(100, p.Bytes * 100 / t) : -1),
            OnWarning = text => PostWarning(text),
            OnRefused = e => PostError(e.ToErrorRecord(e.Entry)),
        };
        try
        {
            if (from is null)
            {
                await copy.ToPodAsync(_localSource!, target, to!.Path, NoPreserve, cancel).ConfigureAwait(false);
            }
            else
            {
                var summary = await copy.FromPodAsync(target, from.Path, _localDestination!, NoPreserve, cancel).ConfigureAwait(false);
                PostVerbose($"{summary.Files} files, {summary.Directories} directories, {summary.Bytes} bytes written; {summary.Refused.Count} entries refused, {summary.SkippedLinks.Count} symbolic links skipped");
            }
        }
        finally
        {
            progress.Complete();
        }
    }
}
