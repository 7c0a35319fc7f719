using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Completion;

/// <summary>Completes object names of one kind from the live cluster, in the -Namespace and -Context already typed.</summary>
public abstract class ResourceNameCompleter : IArgumentCompleter
{
    protected abstract ResourceKind Kind { get; }

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var selection = Session.SessionSelection.Of(System.Management.Automation.Runspaces.Runspace.DefaultRunspace);
            var context = Completions.Bound(fakeBoundParameters, "Context") ?? selection.Context;
            var connection = KubeSession.Connect(context);
            var ns = Completions.Bound(fakeBoundParameters, "Namespace")
                ?? (Completions.Bound(fakeBoundParameters, "Context") is null ? selection.Namespace : null)
                ?? connection.DefaultNamespace ?? "default";
            var path = Kind.CollectionPath(Kind.Namespaced ? ns : null);
            var names = CompletionCache.Get($"{connection.ContextName}|{path}", cancel => connection.Api.ListNamesAsync(path, cancel));
            return Completions.Match(names, wordToComplete).ToList();
        }
        catch
        {
            return [];
        }
    }
}

public sealed class PodNameCompleter : ResourceNameCompleter
{
    protected override ResourceKind Kind => KindCatalog.Pod;
}

public sealed class NodeNameCompleter : ResourceNameCompleter
{
    protected override ResourceKind Kind => KindCatalog.Node;
}

public sealed class DeploymentNameCompleter : ResourceNameCompleter
{
    protected override ResourceKind Kind => KindCatalog.Deployment;
}

/// <summary>Completes kinds (plural names, kubectl style) from the server's discovery, plus "all".</summary>
public sealed class KindCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var context = Completions.Bound(fakeBoundParameters, "Context")
                ?? Session.SessionSelection.Of(System.Management.Automation.Runspaces.Runspace.DefaultRunspace).Context;
            var connection = KubeSession.Connect(context);
            var names = CompletionCache.Get($"{connection.ContextName}|kinds", async cancel =>
            {
                var kinds = await Discovery.For(connection).ResourcesAsync(cancel).ConfigureAwait(false);
                return (IReadOnlyList<string>)kinds.Select(k => k.QualifiedPlural)
                    .Concat(kinds.SelectMany(k => k.Categories)).Distinct().ToList();
            });
            return Completions.Match(names, wordToComplete).ToList();
        }
        catch
        {
            return [];
        }
    }
}

public sealed class ServiceNameCompleter : ResourceNameCompleter
{
    protected override ResourceKind Kind => KindCatalog.Service;
}
