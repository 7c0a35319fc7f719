using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Completion;

/// <summary>Completes context names from the kubeconfig (no cluster call).</summary>
public sealed class ContextNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var contexts = KubeSession.LoadConfig().Contexts();
            return Completions.Match(contexts.Select(c => c.Name), wordToComplete,
                name => contexts.First(c => c.Name == name) is var c ? $"{c.Cluster} · {c.AuthInfo}{(c.IsCurrent ? " · current" : "")}" : name).ToList();
        }
        catch
        {
            return [];
        }
    }
}
