using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using PracticeK8s.Engine.Auth;

namespace PracticeK8s.Completion;

/// <summary>Completes Test-KubeAccess -Verb with the verbs kubectl auth can-i knows.</summary>
public sealed class AccessVerbCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completions.Match(AccessQuestion.ResourceVerbs, wordToComplete);
}
