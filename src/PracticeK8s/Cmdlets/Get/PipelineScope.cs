using System.Management.Automation;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Resources;

namespace PracticeK8s.Cmdlets.Get;

/// <summary>
/// How a piped object narrows a Get: a string is a name; any object piped to Get-KubeEvent gives
/// that object's events; an object of the kind asked for is itself; otherwise its kind's catalog
/// entry says (a Namespace gives the namespace, a workload or Service its label selector and
/// namespace, a Node the pods scheduled on it, anything else its namespace).
/// </summary>
internal sealed record PipelineScope
{
    public string[]? Names { get; init; }
    public string? Namespace { get; init; }
    public string? LabelSelector { get; init; }
    public string? FieldSelector { get; init; }
    public bool AllNamespaces { get; init; }

    /// <summary>The input names namespaces: the objects of several piped namespaces make one listing (a NAMESPACE column).</summary>
    public bool SpansNamespaces { get; init; }

    /// <summary>The piped object has no relation to the kind asked for (e.g. a selector-less Service's pods).</summary>
    public bool Skip { get; init; }

    public static PipelineScope From(PSObject? input, ResourceKind? target)
    {
        if (input is null)
            return new PipelineScope();
        if (input.BaseObject is string name)
            return new PipelineScope { Names = [name] };
        var facts = ObjectFacts.Of(input);
        if (facts is null)
            return new PipelineScope { Names = [input.ToString()] };

        if (target?.Kind == KindCatalog.Event.Resource.Kind)
        {
            var clusterScoped = facts.Namespace is null;
            var selector = $"involvedObject.name={facts.Name},involvedObject.kind={facts.Kind}";
            if (!clusterScoped && facts.Uid is not null)
                selector += $",involvedObject.uid={facts.Uid}";
            return new PipelineScope { FieldSelector = selector, Namespace = facts.Namespace, AllNamespaces = clusterScoped };
        }
        var entry = KindCatalog.Of(input);
        if (entry?.Piped == PipedScope.IsNamespace)
            return new PipelineScope { Namespace = facts.Name, SpansNamespaces = true };
        if (target is not null && string.Equals(facts.Kind, target.Kind, StringComparison.OrdinalIgnoreCase))
            return new PipelineScope { Names = [facts.Name ?? ""], Namespace = facts.Namespace };
        if (entry?.Piped == PipedScope.HostsPods)
        {
            return target?.Kind == KindCatalog.Pod.Resource.Kind
                ? new PipelineScope { FieldSelector = $"spec.nodeName={facts.Name}", AllNamespaces = true }
                : new PipelineScope { Namespace = facts.Namespace };
        }
        if (entry?.Piped == PipedScope.Selector)
        {
            var selector = entry.Selector?.Invoke(input);
            return selector is null
                ? new PipelineScope { Skip = true }
                : new PipelineScope { LabelSelector = selector, Namespace = facts.Namespace };
        }
        return new PipelineScope { Namespace = facts.Namespace };
    }
}
