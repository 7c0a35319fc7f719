using System.Management.Automation;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Health;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Resources;

namespace PracticeK8s.Cmdlets.Health;

/// <summary>
/// Health questions for scripts and cluster checks: one $true/$false for everything checked (all of
/// the kind in the namespace when no name is given; $true only when each is healthy), or with
/// -Detailed an object per check with the reason why not.
/// </summary>
public abstract class TestKubeObjectCommand : KubeCmdlet
{
    /// <summary>Names to check (wildcards allowed); none: every object of the kind in the namespace.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ObjectNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Objects from a Get cmdlet: checked as they are (no new request).</summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>Return an object per check (Kind, Namespace, Name, Healthy, Reason) instead of $true/$false.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    /// <summary>The kind checked when names are given (null: Test-KubeResource's -Kind).</summary>
    protected abstract ResourceKind? FixedKind { get; }

    protected virtual int MaxRestarts => int.MaxValue;

    // Without -Detailed: the one answer for the whole call, written at its end.
    private int _checked;
    private bool _allHealthy = true;

    protected virtual Task<ResourceKind> KindAsync(KubeTarget target, CancellationToken cancel) =>
        Task.FromResult(FixedKind!);

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        if (InputObject is not null)
        {
            var model = InputObject.BaseObject;
            if (FixedKind is not null && ObjectFacts.Of(InputObject)?.Kind is { } kind && kind != FixedKind.Kind)
            {
                PostError(new KubeException($"{MyInvocation.MyCommand.Name} checks {FixedKind.Kind} objects, not a {kind}; use Test-KubeResource",
                    "KubeKindMismatch", ErrorCategory.InvalidArgument, InputObject).ToErrorRecord(InputObject));
                return;
            }
            Emit(model);
            return;
        }
        var target = ResolveTarget();
        var resourceKind = await KindAsync(target, cancel).ConfigureAwait(false);
        var client = new KubeResourceClient(target.Connection);
        var ns = resourceKind.Namespaced ? target.Namespace : null;
        var exact = Name?.Where(n => !WildcardPattern.ContainsWildcardCharacters(n)).ToList() ?? [];
        if (Name is { Length: > 0 } && exact.Count == Name.Length)
        {
            foreach (var name in exact)
            {
                try { Emit(await client.GetAsync(resourceKind, ns, name, cancel).ConfigureAwait(false)); }
                catch (KubeApiException e) when (e.IsNotFound)
                {
                    _allHealthy = false;
                    PostError(e.ToErrorRecord(name));
                }
            }
            return;
        }
        var patterns = Name?.Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToList();
        await foreach (var obj in client.ListAsync(resourceKind, ns, new ListOptions(), cancel).ConfigureAwait(false))
        {
            if (patterns is null || patterns.Any(p => p.IsMatch(ObjectFacts.Of(obj)?.Name ?? "")))
                Emit(obj);
        }
    }

    private void Emit(object model)
    {
        HealthResult result;
        try
        {
            result = HealthChecks.Check(model, MaxRestarts);
        }
        catch (ArgumentException e)
        {
            PostError(new ErrorRecord(e, "KubeHealthUndefined", ErrorCategory.InvalidType, model));
            return;
        }
        _checked++;
        _allHealthy &= result.Healthy;
        if (Detailed)
            PostObject(result);
        if (!result.Healthy)
            PostVerbose(result.ToString());
    }

    protected override Task EndProcessingAsync(CancellationToken cancel)
    {
        if (!Detailed)
        {
            // Nothing to check is not a pass: a check of a mistyped namespace must not succeed.
            if (_checked == 0)
                PostVerbose("nothing was checked");
            PostObject(_checked > 0 && _allHealthy);
        }
        return Task.CompletedTask;
    }
}

[Cmdlet(VerbsDiagnostic.Test, "KubeDeploymentReady")]
[OutputType(typeof(bool), typeof(object))]
public sealed class TestKubeDeploymentReadyCommand : TestKubeObjectCommand
{
    protected override ResourceKind? FixedKind => KindCatalog.Deployment;
}

[Cmdlet(VerbsDiagnostic.Test, "KubeNodeReady")]
[OutputType(typeof(bool), typeof(object))]
public sealed class TestKubeNodeReadyCommand : TestKubeObjectCommand
{
    protected override ResourceKind? FixedKind => KindCatalog.Node;
}

[Cmdlet(VerbsDiagnostic.Test, "KubePodHealthy")]
[OutputType(typeof(bool), typeof(object))]
public sealed class TestKubePodHealthyCommand : TestKubeObjectCommand
{
    /// <summary>A pod that restarted more often than this is not healthy.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int MaxRestartCount { get; set; } = int.MaxValue;

    protected override ResourceKind? FixedKind => KindCatalog.Pod;
    protected override int MaxRestarts => MaxRestartCount;
}

[Cmdlet(VerbsDiagnostic.Test, "KubeResource", DefaultParameterSetName = "ByKind")]
[OutputType(typeof(bool), typeof(object))]
public sealed class TestKubeResourceCommand : TestKubeObjectCommand
{
    /// <summary>The kind to check when names are given (deployment, sts, ds, rs, pod, node, job, pvc).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(KindCompleter))]
    public string? Kind { get; set; }

    /// <summary>Pods (and only pods) that restarted more often than this are not healthy.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int MaxRestartCount { get; set; } = int.MaxValue;

    protected override ResourceKind? FixedKind => null;
    protected override int MaxRestarts => MaxRestartCount;

    protected override async Task<ResourceKind> KindAsync(KubeTarget target, CancellationToken cancel)
    {
        if (string.IsNullOrEmpty(Kind))
            throw new KubeException("Test-KubeResource needs -Kind with names, or objects from the pipeline", "KubeKindRequired", ErrorCategory.InvalidArgument);
        return (await Discovery.For(target.Connection).ResolveAsync(Kind, cancel).ConfigureAwait(false))[0];
    }
}
