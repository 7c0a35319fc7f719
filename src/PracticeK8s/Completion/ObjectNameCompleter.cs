using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Completion;

/// <summary>
/// Completes -Name of any Kube cmdlet: the kind comes from the cmdlet's noun (Get-KubePod: pods,
/// Set-KubeDeploymentScale: deployments)
/// or, for the generic cmdlets, from the -Kind already typed (Test-KubeAccess: its -Resource).
/// </summary>
public sealed class ObjectNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var selection = Session.SessionSelection.Of(System.Management.Automation.Runspaces.Runspace.DefaultRunspace);
            var contextArg = Completions.Bound(fakeBoundParameters, "Context");
            var connection = KubeSession.Connect(contextArg ?? selection.Context);
            var kind = KindOf(commandName, fakeBoundParameters, connection);
            if (kind is null)
                return [];
            var ns = Completions.Bound(fakeBoundParameters, "Namespace")
                ?? (contextArg is null ? selection.Namespace : null) ?? connection.DefaultNamespace ?? "default";
            var path = kind.CollectionPath(kind.Namespaced ? ns : null);
            var names = CompletionCache.Get($"{connection.ContextName}|{path}", cancel => connection.Api.ListNamesAsync(path, cancel));
            return Completions.Match(names, wordToComplete).ToList();
        }
        catch
        {
            return [];
        }
    }

    private static ResourceKind? KindOf(string commandName, IDictionary bound, KubeConnection connection)
    {
        // The generic cmdlets' -Kind, or Test-KubeAccess's -Resource (TYPE, not TYPE/NAME or a URL).
        var kindKey = bound.Contains("Kind") ? "Kind" : bound.Contains("Resource") ? "Resource" : null;
        var kindArg = kindKey is null ? null : bound[kindKey] is IEnumerable e and not string ? e.Cast<object>().FirstOrDefault()?.ToString() : bound[kindKey]?.ToString();
        if (kindArg is not null && (kindArg.Contains('/') || kindArg == "*"))
            return null;
        if (kindArg is not null)
        {
            var resources = CompletionCache.Get($"{connection.ContextName}|kinds-resolve|{kindArg}", async cancel =>
                (IReadOnlyList<string>)(await Discovery.For(connection).ResolveAsync(kindArg, cancel).ConfigureAwait(false))
                    .Select(k => $"{k.Group}|{k.Version}|{k.Kind}|{k.Plural}|{k.Namespaced}").ToList());
            return resources.Select(Parse).FirstOrDefault();
        }
        var noun = commandName.Contains('-') ? commandName[(commandName.IndexOf('-') + 1)..] : commandName;
        noun = noun.StartsWith("Kube", StringComparison.Ordinal) ? noun[4..] : noun;
        // The longest kind the noun starts with: Set-KubeDeploymentScale names Deployments,
        // Get-KubePersistentVolumeClaim claims rather than volumes.
        return KindCatalog.All.Where(k => noun.StartsWith(k.Kind, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(k => k.Kind.Length).FirstOrDefault();
    }

    private static ResourceKind Parse(string text)
    {
        var p = text.Split('|');
        return new ResourceKind(p[0], p[1], p[2], p[3], bool.Parse(p[4]));
    }
}
