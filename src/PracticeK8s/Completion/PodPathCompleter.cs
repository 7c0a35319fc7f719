using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using PracticeK8s.Engine.Copy;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Exec;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Completion;

/// <summary>
/// Completes Copy-KubeItem's -Path and -Destination like kubectl cp's completion: before a ':' the
/// pods of the namespace as "pod:" (local files too); after "[namespace/]pod:" the entries of the
/// typed directory inside the container, listed over exec.
/// </summary>
public sealed class PodPathCompleter : IArgumentCompleter
{
    /// <summary>An exec is slower than a list: the listing gets longer than a name fetch before completion gives up.</summary>
    private static readonly TimeSpan ListingWait = TimeSpan.FromSeconds(3);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var word = (wordToComplete ?? "").Trim('\'', '"');
        try
        {
            var spec = RemoteSpec(word);
            return spec is null ? LocalAndPods(word, fakeBoundParameters) : InContainer(spec, fakeBoundParameters);
        }
        catch
        {
            return [];
        }
    }

    /// <summary>The remote spec being typed, or null for a local path (or a pod name not yet followed by ':').</summary>
    private static PodPath? RemoteSpec(string word)
    {
        try
        {
            return PodPath.TryParse(word);
        }
        catch (KubeException) when (word.EndsWith(':'))
        {
            // "pod:" with nothing after it already names the pod: its working directory is listed.
            try { return PodPath.TryParse(word + ".") is { } named ? named with { Path = "" } : null; }
            catch (KubeException) { return null; }
        }
        catch (KubeException)
        {
            return null;
        }
    }

    private static List<CompletionResult> LocalAndPods(string word, IDictionary bound)
    {
        var results = new List<CompletionResult>();
        var (ns, podPrefix) = word.Split('/') is [var head, var tail] && head.Length > 0 && head is not ("." or "..") ? (head, tail) : ((string?)null, word);
        if (!word.StartsWith('/') && !word.StartsWith('.') && !word.StartsWith('~'))
        {
            var (connection, defaultNamespace) = Connect(bound);
            foreach (var namespaceToList in ns is null ? [defaultNamespace] : new[] { ns, defaultNamespace }.Distinct())
            {
                var prefix = namespaceToList == ns ? podPrefix : word;
                var path = ((ResourceKind)KindCatalog.Pod).CollectionPath(namespaceToList);
                var pods = CompletionCache.Get($"{connection.ContextName}|{path}", cancel => connection.Api.ListNamesAsync(path, cancel));
                var lead = namespaceToList == ns ? ns + "/" : "";
                results.AddRange(Completions.Match(pods, prefix).Select(r =>
                    new CompletionResult(lead + r.CompletionText + ":", lead + r.ListItemText + ":", CompletionResultType.ParameterValue, $"a path in pod {r.ListItemText}")));
            }
        }
        results.AddRange(CompletionCompleters.CompleteFilename(word));
        return results;
    }

    private static List<CompletionResult> InContainer(PodPath spec, IDictionary bound)
    {
        var (connection, defaultNamespace) = Connect(bound);
        var ns = spec.Namespace ?? defaultNamespace;
        var container = Completions.Bound(bound, "Container");
        var (directory, prefix) = RemoteListing.Split(spec.Path);
        var entries = CompletionCache.Get($"{connection.ContextName}|{ns}/{spec.Pod}|{container}|ls {directory}", async cancel =>
        {
            var exec = new PodExec(connection);
            var (target, _) = await exec.ResolveAsync(ns, spec.Pod, container, cancel).ConfigureAwait(false);
            return await RemoteListing.ListAsync(exec, target, directory, cancel).ConfigureAwait(false);
        }, ListingWait);
        var lead = (spec.Namespace is null ? "" : spec.Namespace + "/") + spec.Pod + ":" + directory;
        return Completions.Match(entries, prefix).Select(r =>
            new CompletionResult(Quote(lead + r.ListItemText), r.ListItemText, CompletionResultType.ParameterValue, lead + r.ListItemText)).ToList();
    }

    private static (KubeConnection Connection, string Namespace) Connect(IDictionary bound)
    {
        var selection = Session.SessionSelection.Of(System.Management.Automation.Runspaces.Runspace.DefaultRunspace);
        var contextArg = Completions.Bound(bound, "Context");
        var connection = KubeSession.Connect(contextArg ?? selection.Context);
        var ns = Completions.Bound(bound, "Namespace") ?? (contextArg is null ? selection.Namespace : null) ?? connection.DefaultNamespace ?? "default";
        return (connection, ns);
    }

    private static string Quote(string text) =>
        text.Any(c => char.IsWhiteSpace(c) || "'\"`$(){}[];,|&<>@#".Contains(c)) ? "'" + text.Replace("'", "''") + "'" : text;
}
