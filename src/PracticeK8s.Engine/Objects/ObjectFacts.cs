using System.Management.Automation;
using k8s;
using k8s.Models;

namespace PracticeK8s.Engine.Objects;

/// <summary>What the cmdlets need to know of any piped object: typed model, generic object, or ConvertFrom-Json output.</summary>
public sealed record ObjectFacts(string? ApiVersion, string? Kind, string? Namespace, string? Name, string? Uid)
{
    public string Group => ApiVersion is { } v && v.Contains('/') ? v[..v.IndexOf('/')] : "";

    public static ObjectFacts? Of(object? value)
    {
        switch (value)
        {
            case PSObject { BaseObject: PSCustomObject } ps:
                var metadata = ps.Properties["metadata"]?.Value as PSObject;
                string? Meta(string f) => metadata?.Properties[f]?.Value?.ToString();
                var kind = ps.Properties["kind"]?.Value?.ToString();
                if (kind is null && metadata is null)
                    return null;
                return new ObjectFacts(ps.Properties["apiVersion"]?.Value?.ToString(), kind, Meta("namespace"), Meta("name"), Meta("uid"));
            case PSObject ps:
                return Of(ps.BaseObject);
            case IKubernetesObject<V1ObjectMeta> typed:
                return new ObjectFacts(typed.ApiVersion, typed.Kind ?? KindFromType(typed), typed.Metadata?.NamespaceProperty,
                    typed.Metadata?.Name, typed.Metadata?.Uid);
            default:
                return null;
        }
    }

    private static string KindFromType(object model)
    {
        var name = model.GetType().Name;
        int i = 0;
        while (i < name.Length && (char.IsDigit(name[i]) || (i == 0 && name[i] == 'V') || (i > 0 && char.IsLower(name[i]) && char.IsDigit(name[i - 1]))))
            i++;
        return name[i..];
    }
}
