using System.Management.Automation;
using PracticeK8s.Cmdlets.Write;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Delete;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Targets;

namespace PracticeK8s.Cmdlets.Delete;

/// <summary>
/// kubectl delete's behaviour shared by Remove-KubeResource and the typed Remove-Kube* cmdlets:
/// one DELETE per object, -GracePeriod/-Force/-Cascade, -IgnoreNotFound, a single confirmation
/// for several objects matched by a selector or wildcard, and -Wait until every deleted object
/// is gone (after all deletes, with progress).
/// </summary>
public abstract class RemoveKubeObjectCommand : KubeWriteCmdlet
{
    private readonly List<PendingDeletion> _pending = [];
    private DeletePolicy? _policy;

    /// <summary>Seconds the object gets to terminate; default: its own terminationGracePeriodSeconds.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? GracePeriod { get; set; }

    /// <summary>Delete at once (grace period 0) without waiting for the kubelet to confirm, like kubectl --force.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>What happens to dependents: Background (default; the garbage collector deletes them), Foreground (they go first), Orphan (they stay).</summary>
    [Parameter]
    [ValidateSet("Background", "Foreground", "Orphan")]
    public string Cascade { get; set; } = "Background";

    /// <summary>After deleting, wait until every object is really gone (finalizers done, pods terminated).</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>With -Wait: give up after this many seconds (default: wait until Ctrl+C).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? Timeout { get; set; }

    /// <summary>An object that does not exist is not an error.</summary>
    [Parameter]
    public SwitchParameter IgnoreNotFound { get; set; }

    protected DeletePolicy Policy => _policy ??= DeletePolicy.From(GracePeriod, Force, Cascade, dryRun: false);

    protected override Task BeginProcessingAsync(CancellationToken cancel)
    {
        if (Policy.Warning is { } warning)
            PostWarning(warning);
        return Task.CompletedTask;
    }

    /// <summary>Lists the objects of <paramref name="kind"/> matching a selector and/or name wildcards.</summary>
    protected static async Task<IReadOnlyList<ObjectTarget>> MatchAsync(KubeTarget target, ResourceKind kind, string? ns, string? labelSelector,
        string? fieldSelector, IReadOnlyList<string>? namePatterns, CancellationToken cancel)
    {
        var client = new KubeResourceClient(target.Connection);
        var names = NameFilter.Of(namePatterns);
        var found = new List<ObjectTarget>();
        var options = new ListOptions { LabelSelector = labelSelector, FieldSelector = fieldSelector };
        await foreach (var obj in client.ListAsync(kind, kind.Namespaced ? ns : null, options, cancel).ConfigureAwait(false))
        {
            var facts = ObjectFacts.Of(obj);
            if (facts?.Name is not { } name || names is not null && !names.Matches(name))
                continue;
            found.Add(new ObjectTarget(kind, kind.Namespaced ? facts.Namespace : null, name));
        }
        return found;
    }

    /// <summary>
    /// Deletes <paramref name="targets"/>: asked one by one, or (<paramref name="asGroup"/>, for a
    /// selector or wildcard) once for all of them. Failures are written per object.
    /// </summary>
    protected async Task DeleteAsync(KubeTarget session, IReadOnlyList<ObjectTarget> targets, bool asGroup, string? source, CancellationToken cancel)
    {
        if (targets.Count == 0)
            return;
        var deleter = new Deleter(session.Connection);
        if (asGroup && targets.Count > 1)
        {
            // Piped objects may come from several namespaces: then each name carries its own.
            var namespaces = targets.Select(t => t.Namespace).Distinct().ToList();
            var where = namespaces is [{ } only] ? $" in namespace {only}" : "";
            var names = targets.Select(t => where.Length == 0 && t.Namespace is not null ? $"{t.Namespace}/{t.Slashed}" : t.Slashed).ToList();
            if (!await ShouldProcessAsync($"{string.Join(", ", names)}{where}", "Delete", cancel).ConfigureAwait(false))
                return;
            if (!await ConfirmBeyondImpactAsync($"Delete these {targets.Count} objects{where}?\n{string.Join("\n", names)}",
                    "Confirm deletion", cancel).ConfigureAwait(false))
                return;
            foreach (var t in targets)
                await DeleteOneAsync(deleter, t, source, cancel).ConfigureAwait(false);
            return;
        }
        foreach (var t in targets)
        {
            if (!await ShouldProcessAsync(t.Describe(), "Delete", cancel).ConfigureAwait(false))
                continue;
            if (KindCatalog.For(t.Kind).DeleteImpact == DeleteImpact.Dangerous
                && !await ConfirmBeyondImpactAsync($"Delete {t.Describe()}? Everything it holds goes with it.", "Confirm deletion", cancel).ConfigureAwait(false))
                continue;
            await DeleteOneAsync(deleter, t, source, cancel).ConfigureAwait(false);
        }
    }

    private async Task DeleteOneAsync(Deleter deleter, ObjectTarget target, string? source, CancellationToken cancel)
    {
        try
        {
            var done = await deleter.DeleteAsync(target, Policy, IgnoreNotFound, source, cancel).ConfigureAwait(false);
            if (done is not { } d)
                return;
            PostObject(d.Result);
            _pending.Add(d.Pending);
        }
        catch (KubeException e)
        {
            PostError(e.ToErrorRecord(target.Describe()));
        }
    }

    protected override async Task EndProcessingAsync(CancellationToken cancel)
    {
        if (!Wait || _pending.Count == 0)
            return;
        var session = ResolveTarget();
        var progress = new Progress(this, "Waiting for deletion");
        try
        {
            await new Deleter(session.Connection).WaitGoneAsync(_pending, Timeout is int t ? TimeSpan.FromSeconds(t) : null, (gone, total, next) =>
            {
                progress.Update($"{gone} of {total} gone", gone * 100 / total, next is null ? null : $"waiting for {next.Target.Slashed}");
                if (gone == total)
                    PostVerbose($"all {total} deleted objects are gone");
            }, cancel).ConfigureAwait(false);
        }
        catch (KubeException e)
        {
            PostError(e.ToErrorRecord());   // the deletions happened; only the wait failed
        }
        finally
        {
            progress.Complete();
        }
    }
}
