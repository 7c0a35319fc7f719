using PracticeK8s.Engine.Describe;
using PracticeK8s.Printing;

namespace PracticeK8s.Engine.Resources;

/// <summary>What deleting an object of a kind puts at risk.</summary>
public enum DeleteImpact
{
    /// <summary>The object alone: confirmed only as the cmdlet's ConfirmImpact says.</summary>
    Normal,

    /// <summary>Everything the object holds goes with it (a namespace, a node, a volume): always confirmed.</summary>
    Dangerous,
}

/// <summary>How an object of a kind, piped into a Get cmdlet, narrows what is listed.</summary>
public enum PipedScope
{
    /// <summary>Its own namespace.</summary>
    OwnNamespace,

    /// <summary>It is a namespace: the objects in it.</summary>
    IsNamespace,

    /// <summary>Its label selector (a workload's or a service's pods).</summary>
    Selector,

    /// <summary>Piped into a pod listing: the pods scheduled on it (a node).</summary>
    HostsPods,
}

/// <summary>Which events describe lists for an object of a kind (kubectl's queries differ by kind).</summary>
public enum DescribeEvents
{
    /// <summary>No events section (namespaces).</summary>
    None,

    /// <summary>involvedObject name, namespace, kind and uid.</summary>
    OfObject,

    /// <summary>Like <see cref="OfObject"/> without the kind (kubectl's query for pods).</summary>
    OfObjectWithoutKind,

    /// <summary>Like <see cref="OfObject"/> in all namespaces, plus the same query with the name as uid (nodes).</summary>
    OfObjectAndName,
}

/// <summary>
/// Everything the module knows about one kind: where it lives (<see cref="Resource"/>), how its
/// objects select others, how they are printed and described, what describe reads besides the
/// object, what deleting one risks and how a piped one narrows a Get. Kinds the module does not
/// know get an entry with the defaults from discovery (<see cref="KindCatalog.For(ResourceKind)"/>).
/// </summary>
public sealed record KindEntry(ResourceKind Resource)
{
    private readonly IKindPrinter? _printer;
    private readonly KindDescriber? _describer;
    private readonly PipedScope? _piped;

    /// <summary>An object's label selector as text ("app=web"); null for kinds that select nothing.</summary>
    public Func<object, string?>? Selector { get; init; }

    public DeleteImpact DeleteImpact { get; init; } = DeleteImpact.Normal;

    /// <summary>Where objects of the kind go when a manifest is applied (lower first; input order otherwise): kinds others live in or are served by.</summary>
    public int ApplyRank { get; init; } = DefaultApplyRank;

    public const int DefaultApplyRank = 2;

    /// <summary>Default: <see cref="PipedScope.Selector"/> for kinds with a selector, else the object's own namespace.</summary>
    public PipedScope Piped
    {
        get => _piped ?? (Selector is null ? PipedScope.OwnNamespace : PipedScope.Selector);
        init => _piped = value;
    }

    public DescribeEvents Events { get; init; } = DescribeEvents.OfObject;

    /// <summary>The related objects describe reads (a deployment's replica sets...); null: only the object and its events.</summary>
    public RelatedFetchPlan? Related { get; init; }

    /// <summary>The table printer; default: the printing library's printer of this group and kind (null: the generic NAME, AGE).</summary>
    public IKindPrinter? Printer
    {
        get => _printer ?? KubePrinters.ForKind(Resource.Group, Resource.Kind);
        init => _printer = value;
    }

    /// <summary>The describer; default: the printing library's describer of the model type, else kubectl's generic layout.</summary>
    public KindDescriber Describer
    {
        get => _describer ?? (Model is { } model ? KindDescribers.ForType(model) : null) ?? KindDescribers.Generic;
        init => _describer = value;
    }

    /// <summary>The KubernetesClient model class, when there is one.</summary>
    public Type? Model => Resource.ModelType;

    public bool Is(string group, string kind) =>
        string.Equals(Resource.Group, group, StringComparison.OrdinalIgnoreCase) && string.Equals(Resource.Kind, kind, StringComparison.OrdinalIgnoreCase);

    public static implicit operator ResourceKind(KindEntry entry) => entry.Resource;
}
