namespace PracticeK8s.Printing;

/// <summary>Computes the row kubectl prints for one kind of object.</summary>
public interface IKindPrinter
{
    /// <summary>The API group: "" for core, "apps", "batch", "networking.k8s.io", ...</summary>
    string Group { get; }

    /// <summary>The kind, e.g. "Pod".</summary>
    string Kind { get; }

    /// <summary>
    /// The columns in the order the server sends them. Priority-1 (wide) columns follow the default ones,
    /// except for Event, whose wide columns sit between its default ones exactly as kubectl shows them.
    /// </summary>
    IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>One text per column, exactly as kubectl prints it; ages are measured against <paramref name="nowUtc"/>.</summary>
    IReadOnlyList<string> Cells(object resource, DateTime nowUtc);
}
