using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.Json;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Completion;

/// <summary>
/// Completes -Container with the containers of the pod named on the line (-Name, or the pod part of
/// a Copy-KubeItem "[namespace/]pod:path"), in the -Namespace and -Context already typed.
/// </summary>
public sealed class ContainerNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var (podNamespace, pod) = PodOnLine(fakeBoundParameters);
            if (string.IsNullOrEmpty(pod))
                return [];
            var selection = Session.SessionSelection.Of(System.Management.Automation.Runspaces.Runspace.DefaultRunspace);
            var contextArg = Completions.Bound(fakeBoundParameters, "Context");
            var connection = KubeSession.Connect(contextArg ?? selection.Context);
            var ns = podNamespace ?? Completions.Bound(fakeBoundParameters, "Namespace")
                ?? (contextArg is null ? selection.Namespace : null) ?? connection.DefaultNamespace ?? "default";
            var path = $"/api/v1/namespaces/{Uri.EscapeDataString(ns)}/pods/{Uri.EscapeDataString(pod)}";
            var names = CompletionCache.Get($"{connection.ContextName}|{path}|containers", async cancel =>
                ContainerNames(await connection.Api.GetStringAsync(path, cancel).ConfigureAwait(false)));
            return Completions.Match(names, wordToComplete).ToList();
        }
        catch
        {
            return [];
        }
    }

    /// <summary>The pod the line names: -Name, or a pod:path argument of Copy-KubeItem.</summary>
    internal static (string? Namespace, string? Pod) PodOnLine(IDictionary bound)
    {
        if (Completions.Bound(bound, "Name") is { Length: > 0 } name && !name.Contains('/'))
            return (null, name);
        foreach (var key in new[] { "Path", "Destination" })
        {
            if (Completions.Bound(bound, key) is not { } spec)
                continue;
            var parsed = Engine.Copy.PodPath.TryParse(spec);
            if (parsed is not null)
                return (parsed.Namespace, parsed.Pod);
        }
        return (null, null);
    }

    /// <summary>Container names of a pod's JSON: regular, then init, then ephemeral.</summary>
    internal static IReadOnlyList<string> ContainerNames(string podJson)
    {
        using var doc = JsonDocument.Parse(podJson);
        var names = new List<string>();
        if (!doc.RootElement.TryGetProperty("spec", out var spec))
            return names;
        foreach (var list in new[] { "containers", "initContainers", "ephemeralContainers" })
        {
            if (!spec.TryGetProperty(list, out var items) || items.ValueKind != JsonValueKind.Array)
                continue;
            foreach (var c in items.EnumerateArray())
            {
                if (c.TryGetProperty("name", out var n) && n.GetString() is { } s)
                    names.Add(s);
            }
        }
        return names;
    }
}
