using PracticeK8s.Engine.Resources;

namespace PracticeK8s.Engine.Targets;

/// <summary>One object a write cmdlet acts on: its resolved kind, namespace (null when cluster-scoped) and name.</summary>
public sealed record ObjectTarget(ResourceKind Kind, string? Namespace, string Name)
{
    /// <summary>kubectl's name form: "deployment.apps/web".</summary>
    public string Slashed => $"{Kind.QualifiedKind}/{Name}";

    /// <summary>The ShouldProcess target: "deployment.apps/web in namespace demo".</summary>
    public string Describe() => Kind.Namespaced && Namespace is not null ? $"{Slashed} in namespace {Namespace}" : Slashed;

    public override string ToString() => Describe();
}
