using System.Management.Automation;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Sandbox;
using PracticeK8s.Session;

namespace PracticeK8s.Cmdlets.Sandbox;

/// <summary>
/// Stop-KubeSandbox and Remove-KubeSandbox: which instances (-Name, wildcards, pipeline, -All),
/// the confirmation per instance, and switching this session back from a stopped instance's context.
/// </summary>
public abstract class SandboxLifecycleCmdlet : KubeAsyncCmdlet
{
    protected const string ByName = "ByName", AllInstances = "All";

    /// <summary>The instances (wildcards allowed); default: practicek8s.</summary>
    [Parameter(Position = 0, ParameterSetName = ByName, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SandboxNameCompleter))]
    [SupportsWildcards]
    public string[] Name { get; set; } = [SandboxHome.DefaultName];

    /// <summary>Every instance.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllInstances)]
    public SwitchParameter All { get; set; }

    private SessionSelection? _selection;

    protected abstract string Action { get; }

    protected abstract Task ActAsync(string name, CancellationToken cancel);

    protected override void OnPipelineThread() =>
        _selection = SessionSelection.For(System.Management.Automation.Runspaces.Runspace.DefaultRunspace);

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var known = SandboxHome.Names();
        var names = All ? known : Matching(known);
        foreach (var name in names)
        {
            var info = SandboxLauncher.Get(name);
            var target = info is null ? name : $"{name} ({info.Status}{(info.Running ? " at " + info.Url : "")}, data {info.DataDir})";
            if (await ShouldProcessAsync(target, Action, cancel).ConfigureAwait(false))
                await ActAsync(name, cancel).ConfigureAwait(false);
        }
    }

    private IEnumerable<string> Matching(IReadOnlyList<string> known)
    {
        foreach (var pattern in Name)
        {
            if (WildcardPattern.ContainsWildcardCharacters(pattern))
            {
                var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
                foreach (var name in known.Where(n => wildcard.IsMatch(n)))
                    yield return name;
            }
            else if (known.Contains(pattern))
            {
                yield return pattern;
            }
            else
            {
                var others = known.Count == 0 ? "there is none" : "there are: " + string.Join(", ", known);
                PostWarning($"no sandbox is named '{pattern}' ({others}); name one with -Name, or use -All");
            }
        }
    }

    /// <summary>This session goes back to the context it used before it switched to the stopped instance.</summary>
    protected void AfterStop(SandboxInfo? stopped)
    {
        if (stopped is null)
            return;
        var selection = _selection!;
        if (selection.Context == stopped.Context || selection.Context == stopped.Context + SandboxHome.ReadOnlySuffix)
        {
            (selection.Context, selection.Namespace) = selection.BeforeSandbox ?? (null, null);
            selection.BeforeSandbox = null;
        }
        Engine.Session.KubeSession.Reset();
    }
}
