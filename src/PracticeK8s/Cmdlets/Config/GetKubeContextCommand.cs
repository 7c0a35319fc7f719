using System.Management.Automation;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Session;
using PracticeK8s.Session;

namespace PracticeK8s.Cmdlets.Config;

/// <summary>kubectl config get-contexts / current-context.</summary>
[Cmdlet(VerbsCommon.Get, "KubeContext", DefaultParameterSetName = "List")]
[OutputType("PracticeK8s.Engine.Config.KubeContextInfo")]
public sealed class GetKubeContextCommand : KubeAsyncCmdlet
{
    [Parameter(Position = 0, ParameterSetName = "List", ValueFromPipeline = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ContextNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Only the context in force in this session.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Current")]
    public SwitchParameter Current { get; set; }

    private string? _sessionContext, _sessionNamespace;

    protected override void OnPipelineThread()
    {
        var selection = SessionSelection.Of(System.Management.Automation.Runspaces.Runspace.DefaultRunspace);
        (_sessionContext, _sessionNamespace) = (selection.Context, selection.Namespace);
    }

    protected override Task ProcessRecordAsync(CancellationToken cancel)
    {
        var set = KubeSession.LoadConfig().RequireAny();
        var current = _sessionContext ?? set.CurrentContext;
        var contexts = set.Contexts().Select(c => set.FindContext(c.Name, current ?? "")!.InSession(_sessionNamespace)).ToList();
        if (Current)
        {
            var match = contexts.FirstOrDefault(c => c.IsCurrent);
            if (match is null)
                throw new Engine.Errors.KubeConfigException($"no current context is set in {set.Describe()}", "KubeContextNotFound");
            PostObject(match);
            return Task.CompletedTask;
        }
        if (Name is null || Name.Length == 0)
        {
            foreach (var context in contexts)
                PostObject(context);
            return Task.CompletedTask;
        }
        foreach (var name in Name)
        {
            var pattern = WildcardPattern.Get(name, WildcardOptions.None);
            var matches = contexts.Where(c => pattern.IsMatch(c.Name)).ToList();
            if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                PostError(set.ContextNotFound(name).ToErrorRecord(name));
            foreach (var context in matches)
                PostObject(context);
        }
        return Task.CompletedTask;
    }
}
