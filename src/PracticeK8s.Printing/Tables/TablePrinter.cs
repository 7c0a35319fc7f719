using k8s;
using k8s.Models;

namespace PracticeK8s.Printing.Tables;

/// <summary>
/// A kind's table, declared column by column: each column carries the function that computes its cell,
/// so the column list and the cells cannot drift apart.
/// </summary>
internal abstract class TablePrinter<T> : IKindPrinter where T : class
{
    private readonly List<TableColumn> columns = [];
    private readonly List<Func<T, DateTime, string>> cells = [];

    protected TablePrinter(string group, string kind)
    {
        Group = group;
        Kind = kind;
    }

    public string Group { get; }
    public string Kind { get; }
    public IReadOnlyList<TableColumn> Columns => columns;

    public IReadOnlyList<string> Cells(object resource, DateTime nowUtc)
    {
        if (resource is not T typed)
            throw new ArgumentException($"The {Kind} printer cannot print a {resource?.GetType().Name ?? "null"}.", nameof(resource));
        var now = HumanDuration.Utc(nowUtc);
        return cells.Select(cell => cell(typed, now)).ToArray();
    }

    /// <summary>Adds a column; <paramref name="serverName"/> is the mixed-case name a server sends ("Up-to-date").</summary>
    protected void Column(string serverName, string property, string type, int priority, string description,
        Func<T, DateTime, string> cell)
    {
        columns.Add(new TableColumn(serverName.ToUpperInvariant(), property, type, priority, description) { ServerName = serverName });
        cells.Add(cell);
    }

    protected void Column(string serverName, string property, string type, int priority, string description, Func<T, string> cell) =>
        Column(serverName, property, type, priority, description, (r, _) => cell(r));

    /// <summary>The NAME column every kind starts with; <paramref name="decorates"/> when the cell is more than the name.</summary>
    protected void NameColumn(Func<T, string?> name, int priority = 0, bool decorates = false)
    {
        columns.Add(new TableColumn("NAME", "Name", "string", priority, Descriptions.Name) { ServerName = "Name", Format = "name", DecoratesName = decorates });
        cells.Add((r, _) => name(r) ?? "");
    }

    /// <summary>The AGE column: HD(now − creationTimestamp).</summary>
    protected void AgeColumn(Func<T, DateTime?> created) =>
        Column("Age", "Age", "string", 0, Descriptions.Age, (r, now) => HumanDuration.Since(created(r), now));
}

/// <summary>Printers for kinds whose model carries standard object metadata.</summary>
internal abstract class ObjectTablePrinter<T> : TablePrinter<T> where T : class, IMetadata<V1ObjectMeta>
{
    protected ObjectTablePrinter(string group, string kind) : base(group, kind) { }

    protected void NameColumn() => NameColumn(r => r.Metadata?.Name);

    protected void AgeColumn() => AgeColumn(r => r.Metadata?.CreationTimestamp);
}
