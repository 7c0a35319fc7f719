using System.Management.Automation;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Resources;

namespace PracticeK8s.Engine.Targets;

/// <summary>
/// What a piped value names: an API object (its apiVersion, kind, namespace, name), a string (a
/// name), or any object with Name/Namespace properties (Import-Csv rows, hashtables).
/// </summary>
public sealed record InputReference(string? ApiVersion, string? Kind, string? Namespace, string Name)
{
    public static InputReference From(object? input)
    {
        var value = input is PSObject ps ? ps.BaseObject : input;
        if (value is string name)
            return new InputReference(null, null, null, name);
        var facts = ObjectFacts.Of(input);
        if (facts is { Name: { Length: > 0 } factName })
            return new InputReference(facts.ApiVersion, facts.Kind, facts.Namespace, factName);
        if (value is System.Collections.IDictionary map && map["Name"] is { } mapName)
            return new InputReference(null, map["Kind"]?.ToString(), map["Namespace"]?.ToString(), mapName.ToString()!);
        if (input is PSObject obj && obj.Properties["Name"]?.Value is { } propertyName)
            return new InputReference(null, obj.Properties["Kind"]?.Value?.ToString(), obj.Properties["Namespace"]?.Value?.ToString(), propertyName.ToString()!);
        throw new KubeException($"the input object ({value?.GetType().Name ?? "null"}) names no Kubernetes object: it has neither metadata.name nor a Name property",
            "KubeInputInvalid", ErrorCategory.InvalidArgument, input);
    }

    /// <summary>
    /// The kind guard of typed cmdlets: an object of another kind is refused, so piping a
    /// Deployment into Remove-KubePod cannot touch a pod that happens to share its name.
    /// </summary>
    public ObjectTarget For(ResourceKind expected, string defaultNamespace, string verbNoun)
    {
        if (Kind is { Length: > 0 } kind && !string.Equals(kind, expected.Kind, StringComparison.OrdinalIgnoreCase))
        {
            throw new KubeException($"{verbNoun} acts on {expected.Kind} objects, but the input is a {kind} (\"{Name}\")",
                "KubeKindMismatch", ErrorCategory.InvalidArgument, Name,
                recommendedAction: $"Use the cmdlet for {kind} objects, or Remove-KubeResource/Get-KubeResource with -Kind {kind}.");
        }
        return new ObjectTarget(expected, expected.Namespaced ? Namespace ?? defaultNamespace : null, Name);
    }
}
