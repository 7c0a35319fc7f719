namespace PracticeK8s.Sandbox.Resources;

/// <summary>A subresource served under a resource (<c>pods/status</c>, <c>deployments/scale</c>...).</summary>
public sealed record SubresourceDefinition(string Name, string Kind, IReadOnlyList<string> Verbs, string? Group = null, string? Version = null);

/// <summary>
/// One kind the sandbox serves: where it lives in the URL space, what discovery says about it and
/// which model type (KubernetesClient) describes its fields. Custom resources have no model type.
/// </summary>
public sealed record ResourceDefinition
{
    public required string Group { get; init; }
    public required string Version { get; init; }
    public required string Plural { get; init; }
    public required string Singular { get; init; }
    public required string Kind { get; init; }
    public required bool Namespaced { get; init; }
    public IReadOnlyList<string> Verbs { get; init; } = StandardVerbs;
    public IReadOnlyList<string> ShortNames { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Categories { get; init; } = Array.Empty<string>();
    public IReadOnlyList<SubresourceDefinition> Subresources { get; init; } = Array.Empty<SubresourceDefinition>();
    public Type? ModelType { get; init; }
    /// <summary>Field selector labels beyond metadata.name/metadata.namespace.</summary>
    public IReadOnlyList<string> FieldSelectors { get; init; } = Array.Empty<string>();
    /// <summary>metadata.generation is bumped when anything outside metadata and status changes.</summary>
    public bool TracksGeneration { get; init; }
    /// <summary>Only created, never stored (reviews): POST answers with the computed object.</summary>
    public bool CreateOnly { get; init; }
    /// <summary>Served by a CustomResourceDefinition (no strategic merge, no model).</summary>
    public bool IsCustom { get; init; }
    /// <summary>
    /// What a full update keeps from the stored object (old, updated) when the client leaves it out, as
    /// upstream's strategy for the kind does (a Service's allocated clusterIP and nodePorts).
    /// </summary>
    public Action<System.Text.Json.Nodes.JsonObject, System.Text.Json.Nodes.JsonObject>? KeepOnUpdate { get; init; }
    /// <summary>A CRD's printer columns ( name, type, jsonPath, priority, description ).</summary>
    public IReadOnlyList<CustomColumn> CustomColumns { get; init; } = Array.Empty<CustomColumn>();

    public static readonly IReadOnlyList<string> StandardVerbs =
        new[] { "create", "delete", "deletecollection", "get", "list", "patch", "update", "watch" };

    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";
    /// <summary>Storage is shared by every version of a group/resource.</summary>
    public string StorageKey => $"{Group}/{Plural}";
    public string QualifiedResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";
    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";
    public string ListKind => Kind + "List";
    public bool HasStatus => Subresources.Any(s => s.Name == "status");
    public SubresourceDefinition? Subresource(string name) => Subresources.FirstOrDefault(s => s.Name == name);
}

/// <summary>An additionalPrinterColumn of a CRD version.</summary>
public sealed record CustomColumn(string Name, string Type, string JsonPath, int Priority, string Description, string Format);
