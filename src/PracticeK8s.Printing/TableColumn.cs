namespace PracticeK8s.Printing;

/// <summary>One column of a kubectl table, as the API server declares it in a Table's columnDefinitions.</summary>
/// <param name="Header">kubectl's header text, e.g. "NAME", "PORT(S)", "NOMINATED NODE".</param>
/// <param name="Property">The PascalCase property name PowerShell users filter on, e.g. "NominatedNode".</param>
/// <param name="Type">The columnDefinitions type: "string", "integer", "number", "boolean" or "date".</param>
/// <param name="Priority">0 for a default column, 1 for a column shown only with <c>-o wide</c>.</param>
/// <param name="Description">A description like the server's column description.</param>
public sealed record TableColumn(string Header, string Property, string Type, int Priority, string Description)
{
    /// <summary>The column name the server sends ("Nominated Node"); kubectl upper-cases it into <see cref="Header"/>.</summary>
    public string ServerName { get; init; } = Header;

    /// <summary>The columnDefinitions format: "name" for the object's name column, otherwise empty.</summary>
    public string Format { get; init; } = "";

    /// <summary>The name cell adds to the object's name (a StorageClass's "standard (default)").</summary>
    public bool DecoratesName { get; init; }
}
