using System.Management.Automation;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Logs;
using PracticeK8s.Engine.Objects;

namespace PracticeK8s.Cmdlets.Logs;

/// <summary>
/// kubectl logs: a container's log lines as strings (or LogLine objects), for a pod named or piped,
/// the chosen pod of a piped workload, or every pod matching a selector; -Follow streams until the
/// containers end or Ctrl+C, interleaving several pods' lines as they arrive.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KubeLog", DefaultParameterSetName = ByName)]
[OutputType(typeof(string), typeof(LogLine))]
public sealed class GetKubeLogCommand : KubeCmdlet
{
    private const string ByName = "ByName";
    private const string ByObject = "ByObject";
    private const string BySelector = "BySelector";

    /// <summary>A pod name, or KIND/NAME (deploy/web, job/backup) for one pod of a workload.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByName)]
    [ArgumentCompleter(typeof(PodNameCompleter))]
    public string Name { get; set; } = "";

    /// <summary>Pods, workloads or pod names from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObject)]
    public PSObject? InputObject { get; set; }

    /// <summary>The logs of every pod with these labels (kubectl -l); a string or a hashtable.</summary>
    [Parameter(Mandatory = true, ParameterSetName = BySelector)]
    [Alias("l", "LabelSelector")]
    public object? Selector { get; set; }

    /// <summary>The container (default: the pod's default container).</summary>
    [Parameter(Position = 1)]
    [Alias("c")]
    [ArgumentCompleter(typeof(ContainerNameCompleter))]
    public string? Container { get; set; }

    /// <summary>Every container of the pod: init, regular and ephemeral.</summary>
    [Parameter]
    public SwitchParameter AllContainers { get; set; }

    /// <summary>Keep streaming new lines until the containers end or Ctrl+C.</summary>
    [Parameter]
    [Alias("f")]
    public SwitchParameter Follow { get; set; }

    /// <summary>Only the last N lines (-1: all; 10 per pod with -Selector unless given).</summary>
    [Parameter]
    [ValidateRange(-1, long.MaxValue)]
    public long Tail { get; set; } = -1;

    /// <summary>Only lines newer than this (rounded up to whole seconds).</summary>
    [Parameter]
    public TimeSpan? Since { get; set; }

    /// <summary>Only lines written at or after this time.</summary>
    [Parameter]
    public DateTime? SinceTime { get; set; }

    /// <summary>Prefix each line with its RFC 3339 timestamp.</summary>
    [Parameter]
    public SwitchParameter Timestamps { get; set; }

    /// <summary>The log of the previous, terminated instance of the container.</summary>
    [Parameter]
    [Alias("p")]
    public SwitchParameter Previous { get; set; }

    /// <summary>Stop after this many bytes of each log.</summary>
    [Parameter]
    [ValidateRange(1, long.MaxValue)]
    public long? LimitBytes { get; set; }

    /// <summary>With -Follow: how many streams may be followed at once (kubectl --max-log-requests).</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int MaxLogRequests { get; set; } = PodLogReader.DefaultMaxLogRequests;

    /// <summary>Prefix each line with [pod/NAME/CONTAINER].</summary>
    [Parameter]
    public SwitchParameter Prefix { get; set; }

    /// <summary>Write LogLine objects (Namespace, Pod, Container, Timestamp, Line) instead of strings.</summary>
    [Parameter]
    public SwitchParameter AsObject { get; set; }

    private readonly List<LogSource> _following = [];
    private KubeTarget? _target;

    protected override Task BeginProcessingAsync(CancellationToken cancel)
    {
        if (Since is not null && SinceTime is not null)
            throw new KubeException("at most one of -Since or -SinceTime may be specified", "KubeInvalidArguments", ErrorCategory.InvalidArgument, null);
        if (Since is { } since && since <= TimeSpan.Zero)
            throw new KubeException("-Since must be greater than 0", "KubeInvalidArguments", ErrorCategory.InvalidArgument, since);
        if (AllContainers && !string.IsNullOrEmpty(Container))
            throw new KubeException("-Container cannot be used with -AllContainers", "KubeInvalidArguments", ErrorCategory.InvalidArgument, Container);
        return Task.CompletedTask;
    }

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var target = _target = ResolveTarget();
        var targets = new LogTargets(target.Connection);
        LogPlan plan;
        try
        {
            plan = ParameterSetName switch
            {
                BySelector => await targets.ForSelectorAsync(target.Namespace, Selectors.FromArgument(Selector) ?? "", Container, AllContainers, cancel).ConfigureAwait(false),
                ByObject when InputObject?.BaseObject is string text => await targets.ForNameAsync(target.Namespace, text, Container, AllContainers, cancel).ConfigureAwait(false),
                ByObject => await targets.ForObjectAsync(InputObject!.BaseObject, target.Namespace, Container, AllContainers, cancel).ConfigureAwait(false),
                _ => await targets.ForNameAsync(target.Namespace, Name, Container, AllContainers, cancel).ConfigureAwait(false),
            };
        }
        catch (KubeException e)
        {
            // One pod that cannot be read (missing, bad container) is this item's failure, not the command's.
            PostError(e.ToErrorRecord((object?)InputObject ?? Name));
            return;
        }
        foreach (var notice in plan.Notices)
            PostWarning(notice);

        // Following piped pods: gather them all, then follow every stream at once (EndProcessing).
        if (Follow && ParameterSetName == ByObject)
        {
            _following.AddRange(plan.Sources);
            return;
        }
        await EmitAsync(target, plan.Sources, cancel).ConfigureAwait(false);
    }

    protected override async Task EndProcessingAsync(CancellationToken cancel)
    {
        if (_following.Count > 0 && _target is not null)
            await EmitAsync(_target, _following, cancel).ConfigureAwait(false);
    }

    private async Task EmitAsync(KubeTarget target, IReadOnlyList<LogSource> sources, CancellationToken cancel)
    {
        var query = new LogQuery
        {
            Follow = Follow,
            Previous = Previous,
            Timestamps = Timestamps,
            TailLines = MyInvocation.BoundParameters.ContainsKey(nameof(Tail)) ? Tail : ParameterSetName == BySelector ? 10 : null,
            Since = Since,
            SinceTime = SinceTime is { } t ? new DateTimeOffset(t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Local) : t) : null,
            LimitBytes = LimitBytes,
        };
        var reader = new PodLogReader(target.Connection);
        await foreach (var line in reader.ReadAsync(sources, query, splitTimestamps: AsObject, MaxLogRequests,
            (source, error) => PostError(KubeErrors.ToErrorRecord(error, $"pod/{source.Pod}/{source.Container}")), cancel).ConfigureAwait(false))
        {
            if (AsObject)
                PostObject(line);
            else
                PostObject(Prefix ? line.Prefix + line.Line : line.Line);
        }
    }
}
