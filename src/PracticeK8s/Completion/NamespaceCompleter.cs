using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Completion;

/// <summary>Completes namespace names from the live cluster of the -Context already typed (or the session's).</summary>
public sealed class NamespaceCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var context = Completions.Bound(fakeBoundParameters, "Context")
                ?? Session.SessionSelection.Of(System.Management.Automation.Runspaces.Runspace.DefaultRunspace).Context;
            var connection = KubeSession.Connect(context);
            var names = CompletionCache.Get($"{connection.ContextName}|namespaces",
                cancel => connection.Api.ListNamesAsync("/api/v1/namespaces", cancel));
            return Completions.Match(names, wordToComplete).ToList();
        }
        catch
        {
            return [];
        }
    }
}
