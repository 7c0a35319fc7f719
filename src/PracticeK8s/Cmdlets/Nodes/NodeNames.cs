using System.Management.Automation;
using PracticeK8s.Engine.Objects;

namespace PracticeK8s.Cmdlets.Nodes;

/// <summary>Which node a piped object means: a Node, or a node name; anything else is skipped like kubectl ("KIND/NAME skipped").</summary>
internal static class NodeNames
{
    public static (string? Node, string? Skipped) Of(PSObject input)
    {
        if (input.BaseObject is string name)
            return (name, null);
        var facts = ObjectFacts.Of(input);
        if (facts is null)
            return (input.ToString(), null);
        if (facts.Kind == "Node")
            return (facts.Name, null);
        var group = facts.Group;
        return (null, $"{facts.Kind?.ToLowerInvariant()}{(group.Length > 0 ? "." + group : "")}/{facts.Name} skipped");
    }
}
