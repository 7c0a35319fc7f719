using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.Json;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Completion;

/// <summary>
/// Completes Start-KubePortForward -Port with the ports the target declares: a pod's containerPorts
/// (-Name pod or pod/x), a Deployment's pod template (-Deployment, deploy/x), a Service's ports
/// (-Service, svc/x). The tooltip names the port and its container.
/// </summary>
public sealed class ForwardPortCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            if (TargetPath(fakeBoundParameters) is not var (kind, name))
                return [];
            var selection = Session.SessionSelection.Of(System.Management.Automation.Runspaces.Runspace.DefaultRunspace);
            var contextArg = Completions.Bound(fakeBoundParameters, "Context");
            var connection = KubeSession.Connect(contextArg ?? selection.Context);
            var ns = Completions.Bound(fakeBoundParameters, "Namespace")
                ?? (contextArg is null ? selection.Namespace : null) ?? connection.DefaultNamespace ?? "default";
            var path = kind.ObjectPath(ns, name);
            var ports = CompletionCache.Get($"{connection.ContextName}|{path}|ports", async cancel =>
                DeclaredPorts(await connection.Api.GetStringAsync(path, cancel).ConfigureAwait(false)));
            var tips = ports.Select(p => p.Split('\t')).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1]);
            // "8080:" completes the remote side of a pair.
            var word = wordToComplete ?? "";
            var prefix = word.Contains(':') ? word[..(word.LastIndexOf(':') + 1)] : "";
            return Completions.Match(tips.Keys.Select(p => prefix + p), word, text => tips.GetValueOrDefault(text[prefix.Length..]) ?? text).ToList();
        }
        catch
        {
            return [];
        }
    }

    private static (ResourceKind Kind, string Name)? TargetPath(IDictionary bound)
    {
        if (Completions.Bound(bound, "Service") is { Length: > 0 } service)
            return (KindCatalog.Service, service);
        if (Completions.Bound(bound, "Deployment") is { Length: > 0 } deployment)
            return (KindCatalog.Deployment, deployment);
        if (Completions.Bound(bound, "Name") is not { Length: > 0 } name)
            return null;
        int slash = name.IndexOf('/');
        if (slash < 0)
            return (KindCatalog.Pod, name);
        KindEntry? kind = name[..slash].ToLowerInvariant() switch
        {
            "pod" or "pods" or "po" => KindCatalog.Pod,
            "service" or "services" or "svc" => KindCatalog.Service,
            "deployment" or "deployments" or "deploy" => KindCatalog.Deployment,
            "replicaset" or "replicasets" or "rs" => KindCatalog.ReplicaSet,
            "statefulset" or "statefulsets" or "sts" => KindCatalog.StatefulSet,
            _ => null,
        };
        return kind is null ? null : (kind.Resource, name[(slash + 1)..]);
    }

    /// <summary>"port\ttooltip" for each declared port of a pod, pod template or Service JSON.</summary>
    internal static IReadOnlyList<string> DeclaredPorts(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = new List<string>();
        if (!doc.RootElement.TryGetProperty("spec", out var spec))
            return result;
        if (spec.TryGetProperty("template", out var template) && template.TryGetProperty("spec", out var podSpec))
            spec = podSpec;
        if (spec.TryGetProperty("containers", out var containers) && containers.ValueKind == JsonValueKind.Array)
        {
            foreach (var c in containers.EnumerateArray())
            {
                var container = c.TryGetProperty("name", out var n) ? n.GetString() : null;
                if (!c.TryGetProperty("ports", out var ports) || ports.ValueKind != JsonValueKind.Array)
                    continue;
                foreach (var p in ports.EnumerateArray())
                {
                    if (p.TryGetProperty("containerPort", out var number) && number.ValueKind == JsonValueKind.Number)
                        result.Add($"{number.GetInt32()}\t{Describe(p)} (container {container})");
                }
            }
        }
        else if (spec.TryGetProperty("ports", out var servicePorts) && servicePorts.ValueKind == JsonValueKind.Array)
        {
            foreach (var p in servicePorts.EnumerateArray())
            {
                if (p.TryGetProperty("port", out var number) && number.ValueKind == JsonValueKind.Number)
                {
                    var target = p.TryGetProperty("targetPort", out var t) ? t.ToString() : number.ToString();
                    result.Add($"{number.GetInt32()}\t{Describe(p)} -> {target}");
                }
            }
        }
        return result;
    }

    private static string Describe(JsonElement port)
    {
        var name = port.TryGetProperty("name", out var n) ? n.GetString() : null;
        var protocol = port.TryGetProperty("protocol", out var p) ? p.GetString() : "TCP";
        return string.IsNullOrEmpty(name) ? protocol ?? "TCP" : $"{name}/{protocol ?? "TCP"}";
    }
}
